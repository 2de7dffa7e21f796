package org.openjxc.finance.web;

import java.util.function.UnaryOperator;
import org.openjxc.document.DocumentType;
import org.openjxc.finance.AccountCommand;
import org.openjxc.finance.ChartOfAccounts;
import org.openjxc.finance.PostingRole;
import org.openjxc.finance.VoucherRuleCommand;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.FormErrors;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chart of accounts and the voucher rules page. */
@Controller
class ChartOfAccountsPagesController {

    /** The add-or-rename form. */
    public static class AccountForm {
        private String code;
        private String name;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** The rule form. */
    public static class RuleForm {
        private String documentType = ChartOfAccounts.ALL_TYPES;
        private PostingRole role = PostingRole.REVENUE;
        private String account;

        public String getDocumentType() {
            return documentType;
        }

        public void setDocumentType(String documentType) {
            this.documentType = documentType;
        }

        public PostingRole getRole() {
            return role;
        }

        public void setRole(PostingRole role) {
            this.role = role;
        }

        public String getAccount() {
            return account;
        }

        public void setAccount(String account) {
            this.account = account;
        }
    }

    private final ChartOfAccounts chart;
    private final FormErrors formErrors;
    private final ProblemWriter messages;

    ChartOfAccountsPagesController(ChartOfAccounts chart, FormErrors formErrors, ProblemWriter messages) {
        this.chart = chart;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry accountsNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.accounts", "/accounts", "VIEW_COST", 720);
    }

    @GetMapping("/accounts")
    @RequiresPermission(Permission.VIEW_COST)
    String page(Model model) {
        return page(model, new AccountForm(), new RuleForm());
    }

    @PostMapping("/accounts")
    @RequiresPermission(Permission.MANAGE_ACCOUNTS)
    String save(
            @ModelAttribute("accountForm") AccountForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        var command = new AccountCommand(form.getCode(), form.getName());
        var saved = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> chart.save(Actors.require(), command));
        if (saved.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", messages.message(LocaleContextHolder.getLocale(), "accounts.saved"));
            return "redirect:/accounts";
        }
        return page(model, form, new RuleForm());
    }

    @PostMapping("/accounts/rules")
    @RequiresPermission(Permission.MANAGE_ACCOUNTS)
    String rule(
            @ModelAttribute("ruleForm") RuleForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = new VoucherRuleCommand(form.getDocumentType(), form.getRole(), form.getAccount());
        var saved = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> chart.setRule(Actors.require(), command));
        if (saved.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", messages.message(LocaleContextHolder.getLocale(), "accounts.saved"));
            return "redirect:/accounts";
        }
        return page(model, new AccountForm(), form);
    }

    private String page(Model model, AccountForm accountForm, RuleForm ruleForm) {
        model.addAttribute("accountForm", accountForm);
        model.addAttribute("ruleForm", ruleForm);
        model.addAttribute("accounts", chart.accounts(Actors.require()));
        model.addAttribute("rules", chart.rules(Actors.require()));
        model.addAttribute("roles", PostingRole.values());
        model.addAttribute("types", DocumentType.values());
        return "finance/accounts";
    }
}
