package org.openjxc.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openjxc.access.PermissionView;
import org.openjxc.access.RoleCommand;
import org.openjxc.access.RoleView;
import org.openjxc.access.Roles;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.FormErrors;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.MessageSource;
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

/**
 * Roles: the list, a role's permissions as a grouped checkbox grid, and the permission matrix
 * (roles × permissions) with its Excel export for the periodic access review.
 */
@Controller
class RolesPageController {

    private final Roles roles;
    private final FormErrors formErrors;
    private final ProblemWriter problems;
    private final MessageSource messages;

    RolesPageController(Roles roles, FormErrors formErrors, ProblemWriter problems, MessageSource messages) {
        this.roles = roles;
        this.formErrors = formErrors;
        this.problems = problems;
        this.messages = messages;
    }

    @org.springframework.context.annotation.Bean
    static org.openjxc.web.NavigationEntry rolesNavigation() {
        return new org.openjxc.web.NavigationEntry("nav.section.system", "nav.roles", "/roles", "MANAGE_ROLES", 905);
    }

    /** One group of the grid: a document type, master data, administration... */
    record Group(String code, String label, List<PermissionView> permissions) {}

    /** The role form; permissions are the ticked codes. */
    public static class RoleForm {
        private String code;
        private String name;
        private List<String> permissions = new ArrayList<>();

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

        public List<String> getPermissions() {
            return permissions;
        }

        public void setPermissions(List<String> permissions) {
            this.permissions = permissions == null ? new ArrayList<>() : permissions;
        }

        RoleCommand toCommand() {
            return new RoleCommand(code, name, permissions);
        }
    }

    @GetMapping("/roles")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS})
    String list(Model model) {
        model.addAttribute("roles", roles.list(Actors.require()));
        return "access/roles";
    }

    @GetMapping("/roles/new")
    @RequiresPermission(Permission.MANAGE_ROLES)
    String newRole(@RequestParam(required = false) String copyOf, Model model) {
        RoleForm form = new RoleForm();
        if (copyOf != null && !copyOf.isBlank()) {
            RoleView template = roles.get(Actors.require(), copyOf);
            form.setName(message("roles.copyName", template.builtIn() ? message("role." + copyOf) : template.name()));
            form.setPermissions(new ArrayList<>(template.permissions()));
        }
        return form(model, form, null, false);
    }

    @PostMapping("/roles/new")
    @RequiresPermission(Permission.MANAGE_ROLES)
    String create(@ModelAttribute("form") RoleForm form, BindingResult result, Model model, RedirectAttributes flash) {
        var command = form.toCommand();
        var created = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> roles.create(Actors.require(), command));
        if (created.isPresent()) {
            flash.addFlashAttribute(
                    "flashSuccess", message("roles.saved", created.get().code()));
            return "redirect:/roles/" + created.get().code();
        }
        return form(model, form, null, false);
    }

    @GetMapping("/roles/{code}")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS})
    String edit(@PathVariable String code, Model model) {
        RoleView role = roles.get(Actors.require(), code);
        RoleForm form = new RoleForm();
        form.setCode(role.code());
        form.setName(role.name());
        form.setPermissions(new ArrayList<>(role.permissions()));
        return form(model, form, code, role.builtIn() || !Actors.has(Permission.MANAGE_ROLES));
    }

    @PostMapping("/roles/{code}")
    @RequiresPermission(Permission.MANAGE_ROLES)
    String update(
            @PathVariable String code,
            @ModelAttribute("form") RoleForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        form.setCode(code);
        var command = form.toCommand();
        var updated = formErrors.attempt(
                command, result, UnaryOperator.identity(), () -> roles.update(Actors.require(), code, command));
        if (updated.isPresent()) {
            flash.addFlashAttribute("flashSuccess", message("roles.saved", code));
            return "redirect:/roles/" + code;
        }
        return form(model, form, code, false);
    }

    @PostMapping("/roles/{code}/delete")
    @RequiresPermission(Permission.MANAGE_ROLES)
    String delete(@PathVariable String code, RedirectAttributes flash) {
        try {
            roles.delete(Actors.require(), code);
            flash.addFlashAttribute("flashSuccess", message("roles.deleted", code));
            return "redirect:/roles";
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", problems.sentence(LocaleContextHolder.getLocale(), e));
            return "redirect:/roles/" + code;
        }
    }

    @GetMapping("/roles/matrix")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS, Permission.VIEW_AUDIT_LOG})
    String matrix(Model model) {
        List<RoleView> all = roles.list(Actors.require());
        model.addAttribute("roles", all);
        model.addAttribute("groups", groups(LocaleContextHolder.getLocale()));
        model.addAttribute("held", held(all));
        return "access/matrix";
    }

    @GetMapping("/roles/matrix/export")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS, Permission.VIEW_AUDIT_LOG})
    void exportMatrix(HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<RoleView> all = roles.list(Actors.require());
        Map<String, Set<String>> held = held(all);
        List<String> headers = new ArrayList<>(List.of(
                message("roles.matrix.group"), message("roles.matrix.code"), message("roles.matrix.permission")));
        all.forEach(r -> headers.add(r.code()));
        ExcelExport.write(response, "permission-matrix.xlsx", headers, sink -> {
            for (Group group : groups(locale)) {
                for (PermissionView p : group.permissions()) {
                    List<Object> row = new ArrayList<>(List.of(group.label(), p.code(), p.label()));
                    all.forEach(r -> row.add(held.get(r.code()).contains(p.code()) ? "✓" : ""));
                    sink.accept(row);
                }
            }
        });
    }

    private String form(Model model, RoleForm form, String editing, boolean readOnly) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("readOnly", readOnly);
        model.addAttribute("groups", groups(LocaleContextHolder.getLocale()));
        if (editing != null) {
            model.addAttribute("role", roles.get(Actors.require(), editing));
        }
        model.addAttribute("templates", roles.list(Actors.require()));
        return "access/role-form";
    }

    private List<Group> groups(Locale locale) {
        Map<String, List<PermissionView>> byGroup = new LinkedHashMap<>();
        for (PermissionView p : PermissionLabels.of(roles.permissions(), messages, locale)) {
            byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((code, permissions) ->
                groups.add(new Group(code, PermissionLabels.group(code, messages, locale), permissions)));
        return groups;
    }

    private static Map<String, Set<String>> held(List<RoleView> all) {
        Map<String, Set<String>> held = new LinkedHashMap<>();
        all.forEach(r -> held.put(r.code(), Set.copyOf(r.permissions())));
        return held;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
