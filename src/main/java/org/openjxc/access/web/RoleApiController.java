package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openjxc.access.PermissionView;
import org.openjxc.access.RoleCommand;
import org.openjxc.access.RoleView;
import org.openjxc.access.Roles;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles and the permission points they are made of (API.md "Access and audit"). */
@RestController
@Tag(name = "Roles")
class RoleApiController {

    private final Roles roles;
    private final MessageSource messages;

    RoleApiController(Roles roles, MessageSource messages) {
        this.roles = roles;
        this.messages = messages;
    }

    @GetMapping("/api/v1/roles")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS})
    List<RoleView> list() {
        return roles.list(Actors.require());
    }

    @GetMapping("/api/v1/roles/{code}")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS})
    RoleView get(@PathVariable String code) {
        return roles.get(Actors.require(), code);
    }

    @PostMapping("/api/v1/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_ROLES)
    RoleView create(@Valid @RequestBody RoleCommand command) {
        return roles.create(Actors.require(), command);
    }

    @PutMapping("/api/v1/roles/{code}")
    @RequiresPermission(Permission.MANAGE_ROLES)
    RoleView update(@PathVariable String code, @Valid @RequestBody RoleCommand command) {
        return roles.update(Actors.require(), code, command);
    }

    @DeleteMapping("/api/v1/roles/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.MANAGE_ROLES)
    void delete(@PathVariable String code) {
        roles.delete(Actors.require(), code);
    }

    @GetMapping("/api/v1/permissions")
    @RequiresPermission({Permission.MANAGE_ROLES, Permission.MANAGE_USERS})
    List<PermissionView> permissions() {
        return PermissionLabels.of(roles.permissions(), messages, LocaleContextHolder.getLocale());
    }
}
