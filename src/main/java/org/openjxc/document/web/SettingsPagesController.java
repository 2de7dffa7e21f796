package org.openjxc.document.web;

import java.util.function.UnaryOperator;
import org.openjxc.document.CompanySettings;
import org.openjxc.document.DocumentType;
import org.openjxc.document.Settings;
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

/** The company's document settings as a page: negative stock, approvals, reservations, tolerance. */
@Controller
class SettingsPagesController {

    private final Settings settings;
    private final FormErrors formErrors;
    private final MessageSource messages;

    SettingsPagesController(Settings settings, FormErrors formErrors, MessageSource messages) {
        this.settings = settings;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry settingsNavigation() {
        return new NavigationEntry("nav.section.system", "nav.settings", "/settings", "MANAGE_SETTINGS", 920);
    }

    @GetMapping("/settings")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    String show(Model model) {
        return page(model, SettingsForm.of(settings.get(Actors.require().companyId())));
    }

    @PostMapping("/settings")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    String save(
            @ModelAttribute("form") SettingsForm form, BindingResult result, Model model, RedirectAttributes flash) {
        CompanySettings command = form.toCommand();
        var saved = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> settings.update(Actors.require(), command));
        if (saved.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", messages.getMessage("settings.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/settings";
        }
        return page(model, form);
    }

    private String page(Model model, SettingsForm form) {
        model.addAttribute("form", form);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("creditControls", org.openjxc.document.CreditControl.values());
        return "document/settings";
    }
}
