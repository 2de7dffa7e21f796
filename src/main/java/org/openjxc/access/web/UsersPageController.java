package org.openjxc.access.web;

import java.util.function.UnaryOperator;
import org.openjxc.access.Roles;
import org.openjxc.access.UserView;
import org.openjxc.access.Users;
import org.openjxc.organization.OrgUnits;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users pages: list, create, edit roles and data scope, passwords, temporary grants, tokens. */
@Controller
class UsersPageController {

    private static final PageQuery ALL = PageQuery.of(0, PageQuery.MAX_SIZE, null);

    private final Users users;
    private final Roles roles;
    private final OrgUnits orgUnits;
    private final Warehouses warehouses;
    private final FormErrors formErrors;
    private final ProblemWriter messages;

    UsersPageController(
            Users users,
            Roles roles,
            OrgUnits orgUnits,
            Warehouses warehouses,
            FormErrors formErrors,
            ProblemWriter messages) {
        this.users = users;
        this.roles = roles;
        this.orgUnits = orgUnits;
        this.warehouses = warehouses;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry usersNavigation() {
        return new NavigationEntry("nav.section.system", "nav.users", "/users", "MANAGE_USERS", 900);
    }

    @GetMapping("/users")
    @RequiresPermission(Permission.MANAGE_USERS)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("result", users.list(Actors.require(), q, PageQuery.of(page, 50, sort)));
        return "access/users";
    }

    @GetMapping("/users/new")
    @RequiresPermission(Permission.MANAGE_USERS)
    String newUser(Model model) {
        return form(model, new UserForm(), null);
    }

    @PostMapping("/users/new")
    @RequiresPermission(Permission.MANAGE_USERS)
    String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = form.toNewUser();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> users.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("users.saved", created.get().username()));
            return "redirect:/users/" + created.get().username();
        }
        return form(model, form, null);
    }

    @GetMapping("/users/{username}")
    @RequiresPermission(Permission.MANAGE_USERS)
    String edit(@PathVariable String username, Model model) {
        return form(model, UserForm.of(users.get(Actors.require(), username)), username);
    }

    @PostMapping("/users/{username}")
    @RequiresPermission(Permission.MANAGE_USERS)
    String update(
            @PathVariable String username,
            @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        var command = form.toCommand();
        var updated = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> users.update(Actors.require(), username, command));
        if (updated.isPresent()) {
            flash.addFlashAttribute("flashSuccess", message("users.saved", username));
            return "redirect:/users/" + username;
        }
        return form(model, form, username);
    }

    @PostMapping("/users/{username}/{action:disable|enable|unlock|revoke-tokens}")
    @RequiresPermission(Permission.MANAGE_USERS)
    String act(@PathVariable String username, @PathVariable String action, RedirectAttributes flash) {
        Actor actor = Actors.require();
        try {
            switch (action) {
                case "disable" -> users.disable(actor, username);
                case "enable" -> users.enable(actor, username);
                case "unlock" -> users.unlock(actor, username);
                default -> users.revokeTokens(actor, username);
            }
            flash.addFlashAttribute("flashSuccess", message("users.done." + action, username));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", messages.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/users/" + username;
    }

    @PostMapping("/users/{username}/reset-password")
    @RequiresPermission(Permission.MANAGE_USERS)
    String resetPassword(
            @PathVariable String username, @RequestParam(required = false) String password, RedirectAttributes flash) {
        try {
            users.resetPassword(Actors.require(), username, password);
            flash.addFlashAttribute("flashSuccess", message("users.done.reset", username));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", messages.sentence(LocaleContextHolder.getLocale(), e));
        }
        return "redirect:/users/" + username;
    }

    @PostMapping("/users/{username}/grants")
    @RequiresPermission(Permission.MANAGE_USERS)
    String grant(
            @PathVariable String username,
            @ModelAttribute("grantForm") GrantForm grantForm,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        var command = grantForm.toCommand();
        var granted = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> users.grant(Actors.require(), username, command));
        if (granted.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("users.done.grant", granted.get().role(), username));
            return "redirect:/users/" + username;
        }
        return form(model, UserForm.of(users.get(Actors.require(), username)), username);
    }

    @PostMapping("/users/{username}/grants/{id}/revoke")
    @RequiresPermission(Permission.MANAGE_USERS)
    String revokeGrant(@PathVariable String username, @PathVariable long id, RedirectAttributes flash) {
        users.revokeGrant(Actors.require(), username, id);
        flash.addFlashAttribute("flashSuccess", message("users.done.revokeGrant", username));
        return "redirect:/users/" + username;
    }

    private String form(Model model, UserForm form, String editing) {
        Actor actor = Actors.require();
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("roles", roles.list(actor));
        model.addAttribute(
                "orgUnits",
                orgUnits.list(actor, MasterDataQuery.of(null, null), ALL).items());
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, null), null, ALL)
                        .items());
        if (editing != null) {
            UserView user = users.get(actor, editing);
            model.addAttribute("user", user);
            model.addAttribute("grants", users.grants(actor, editing));
            model.addAttribute("tokens", users.tokens(actor, editing));
            if (!model.containsAttribute("grantForm")) {
                model.addAttribute("grantForm", new GrantForm());
            }
        }
        return "access/user-form";
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
