package org.openjxc.finance.web;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.openjxc.finance.SettlementKind;
import org.openjxc.finance.Settlements;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.FormErrors;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Receipts and payments: the list with the entry form, one settlement with what it settled, and ageing. */
@Controller
class SettlementPagesController {

    private final Settlements settlements;
    private final FormErrors formErrors;
    private final ProblemWriter messages;

    SettlementPagesController(Settlements settlements, FormErrors formErrors, ProblemWriter messages) {
        this.settlements = settlements;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry settlementsNavigation() {
        return new NavigationEntry(
                "nav.section.finance", "nav.settlements", "/settlements", "VIEW_PARTNER_BALANCE", 680);
    }

    @Bean
    static NavigationEntry ageingNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.ageing", "/reports/ageing", "VIEW_PARTNER_BALANCE", 685);
    }

    @GetMapping("/settlements")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    String list(
            @RequestParam(required = false) SettlementKind kind,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) Integer page,
            Model model) {
        return page(model, new SettlementForm(), kind, partner, page);
    }

    @PostMapping("/settlements")
    @RequiresPermission(Permission.MANAGE_SETTLEMENTS)
    String create(
            @ModelAttribute("form") SettlementForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = form.toCommand();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> settlements.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("settlements.created", created.get().number()));
            return "redirect:/settlements/" + created.get().number();
        }
        return page(model, form, null, null, null);
    }

    @GetMapping("/settlements/{number}")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    String settlement(@PathVariable String number, Model model) {
        model.addAttribute("s", settlements.get(Actors.require(), number));
        model.addAttribute("vouchers", settlements.vouchersOf(Actors.require(), number));
        return "finance/settlement";
    }

    @PostMapping("/settlements/{number}/cancel")
    @RequiresPermission(Permission.MANAGE_SETTLEMENTS)
    String cancel(@PathVariable String number, RedirectAttributes flash) {
        try {
            settlements.cancel(Actors.require(), number);
            flash.addFlashAttribute("flashSuccess", message("settlements.cancelledDone", number));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError", message(e.messageKey(), e.args().toArray()));
        }
        return "redirect:/settlements/" + number;
    }

    @GetMapping("/partners/{code}/statement")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    String statement(
            @PathVariable String code,
            @RequestParam(required = false) SettlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("st", settlements.statement(Actors.require(), code, kind, from, to));
        return "finance/statement";
    }

    /** The statement as a sheet to send to the partner. */
    @GetMapping(
            value = {"/partners/{code}/statement", "/api/v1/partners/{code}/statement"},
            params = "format=xlsx")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    void statementExcel(
            @PathVariable String code,
            @RequestParam(required = false) SettlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        var st = settlements.statement(Actors.require(), code, kind, from, to);
        var headers = java.util.stream.Stream.of("date", "document", "type", "increase", "decrease", "balance")
                .map(h -> message("statement." + h))
                .toList();
        org.openjxc.web.ExcelExport.write(response, "statement-" + st.partner() + ".xlsx", headers, sink -> {
            sink.accept(
                    java.util.Arrays.asList(st.from(), message("statement.opening"), null, null, null, st.opening()));
            for (var l : st.lines()) {
                sink.accept(java.util.Arrays.asList(
                        l.date(),
                        l.number(),
                        message("documentType." + l.type()),
                        l.increase(),
                        l.decrease(),
                        l.balance()));
            }
            sink.accept(java.util.Arrays.asList(st.to(), message("statement.closing"), null, null, null, st.closing()));
        });
    }

    @GetMapping("/reports/ageing")
    @RequiresPermission(Permission.VIEW_PARTNER_BALANCE)
    String ageing(
            @RequestParam(defaultValue = "RECEIPT") SettlementKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("date", date == null ? LocalDate.now() : date);
        model.addAttribute("kinds", SettlementKind.values());
        model.addAttribute("rows", settlements.ageing(Actors.require(), kind, date));
        return "finance/ageing";
    }

    private String page(Model model, SettlementForm form, SettlementKind kind, String partner, Integer page) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", SettlementKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("partner", partner);
        model.addAttribute(
                "settlements",
                settlements.list(Actors.require(), kind, partner, null, null, PageQuery.of(page, 50, null)));
        return "finance/settlements";
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
