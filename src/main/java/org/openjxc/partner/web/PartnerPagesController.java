package org.openjxc.partner.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerQuery;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Partner pages: filtered list with export, create and edit. */
@Controller
class PartnerPagesController {

    static final String[] COLUMNS = {
        "code",
        "name",
        "type",
        "region",
        "salesperson",
        "contact",
        "phone",
        "email",
        "address",
        "creditLimit",
        "paymentTermsDays",
        "priceLevel",
        "taxNumber",
        "bankName",
        "bankAccount",
        "active"
    };

    private final Partners partners;
    private final FormErrors formErrors;
    private final MessageSource messages;

    PartnerPagesController(Partners partners, FormErrors formErrors, MessageSource messages) {
        this.partners = partners;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry partnersNavigation() {
        return new NavigationEntry("nav.section.masterData", "nav.partners", "/partners", "VIEW_PARTNER", 110);
    }

    @GetMapping("/partners")
    @RequiresPermission(Permission.VIEW_PARTNER)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerType type,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String salesperson,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        var query = new PartnerQuery(q, type, region, salesperson, active);
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("result", partners.list(Actors.require(), query, PageQuery.of(page, 50, sort)));
        return "partner/partners";
    }

    @GetMapping("/partners/export")
    @RequiresPermission(Permission.EXPORT_PARTNER)
    void export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerType type,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String salesperson,
            @RequestParam(required = false) Boolean active,
            HttpServletResponse response)
            throws IOException {
        List<String> headers =
                Arrays.stream(COLUMNS).map(c -> message("partners." + c)).toList();
        ExcelExport.write(
                response,
                "partners.xlsx",
                headers,
                sink -> partners.forEach(
                        Actors.require(),
                        new PartnerQuery(q, type, region, salesperson, active),
                        p -> sink.accept(Arrays.asList(
                                p.code(),
                                p.name(),
                                p.type().name(),
                                p.region(),
                                p.salesperson(),
                                p.contact(),
                                p.phone(),
                                p.email(),
                                p.address(),
                                p.creditLimit(),
                                p.paymentTermsDays(),
                                p.priceLevel(),
                                p.taxNumber(),
                                p.bankName(),
                                p.bankAccount(),
                                p.active()))));
    }

    @GetMapping("/partners/new")
    @RequiresPermission(Permission.CREATE_PARTNER)
    String newPartner(Model model) {
        return form(model, PartnerForm.blank(), null);
    }

    @PostMapping("/partners/new")
    @RequiresPermission(Permission.CREATE_PARTNER)
    String create(
            @ModelAttribute("form") PartnerForm form, BindingResult result, Model model, RedirectAttributes flash) {
        PartnerCommand command = form.toCommand();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> partners.create(Actors.require(), command));
        if (created.isEmpty()) {
            form.padContactRows();
        }
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("partners.saved", created.get().code()));
            return "redirect:/partners?q=" + created.get().code();
        }
        return form(model, form, null);
    }

    @GetMapping("/partners/{code}/edit")
    @RequiresPermission(Permission.EDIT_PARTNER)
    String edit(@PathVariable String code, Model model) {
        return form(model, PartnerForm.of(partners.get(Actors.require(), code)), code);
    }

    @PostMapping("/partners/{code}/edit")
    @RequiresPermission(Permission.EDIT_PARTNER)
    String update(
            @PathVariable String code,
            @ModelAttribute("form") PartnerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        PartnerCommand command = form.toCommand();
        var updated = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> partners.update(Actors.require(), code, command));
        if (updated.isEmpty()) {
            form.padContactRows();
        }
        if (updated.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("partners.saved", updated.get().code()));
            return "redirect:/partners?q=" + updated.get().code();
        }
        return form(model, form, code);
    }

    private String form(Model model, PartnerForm form, String editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("types", PartnerType.values());
        return "partner/partner-form";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
