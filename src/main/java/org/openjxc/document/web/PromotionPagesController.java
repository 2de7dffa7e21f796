package org.openjxc.document.web;

import java.util.function.UnaryOperator;
import org.openjxc.document.Promotion;
import org.openjxc.document.Promotions;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.FormErrors;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Promotions as a page: the list, and a form to add one. */
@Controller
class PromotionPagesController {

    private final Promotions promotions;
    private final FormErrors formErrors;
    private final MessageSource messages;

    PromotionPagesController(Promotions promotions, FormErrors formErrors, MessageSource messages) {
        this.promotions = promotions;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry promotionsNavigation() {
        return new NavigationEntry("nav.section.sales", "nav.promotions", "/promotions", "VIEW_DOCUMENTS", 166);
    }

    @GetMapping("/promotions")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String list(Model model) {
        return page(model, new PromotionForm());
    }

    @PostMapping("/promotions")
    @RequiresPermission(Permission.MANAGE_PROMOTIONS)
    String create(
            @ModelAttribute("form") PromotionForm form, BindingResult result, Model model, RedirectAttributes flash) {
        Promotion command = form.toCommand();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> promotions.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "promotions.saved", new Object[] {created.get().code()}, LocaleContextHolder.getLocale()));
            return "redirect:/promotions";
        }
        return page(model, form);
    }

    private String page(Model model, PromotionForm form) {
        model.addAttribute("form", form);
        model.addAttribute("promotions", promotions.list(Actors.require()));
        return "document/promotions";
    }
}
