package org.openjxc.access.web;

import org.openjxc.access.Users;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.OwnAccount;
import org.openjxc.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where users change their own password, also the one a required change leads to. */
@Controller
class AccountPageController {

    private final Users users;
    private final FormErrors formErrors;
    private final MessageSource messages;

    AccountPageController(Users users, FormErrors formErrors, MessageSource messages) {
        this.users = users;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    /** The password form; {@code confirmPassword} catches a typo before it locks the user out. */
    public static class PasswordForm {
        private String currentPassword;
        private String newPassword;
        private String confirmPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }

    @GetMapping("/account/password")
    @OwnAccount
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PasswordForm());
        }
        return "access/password";
    }

    @PostMapping("/account/password")
    @OwnAccount
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes flash) {
        if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
            result.rejectValue(
                    "confirmPassword",
                    "mismatch",
                    messages.getMessage("account.password.mismatch", null, LocaleContextHolder.getLocale()));
            return "access/password";
        }
        try {
            users.changeOwnPassword(Actors.require(), form.getCurrentPassword(), form.getNewPassword());
        } catch (BusinessException e) {
            formErrors.apply(e, result, field -> field);
            return "access/password";
        }
        flash.addFlashAttribute(
                "flashSuccess", messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/";
    }
}
