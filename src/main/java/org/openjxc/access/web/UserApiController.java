package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.openjxc.access.NewUser;
import org.openjxc.access.TemporaryGrantCommand;
import org.openjxc.access.TemporaryGrantView;
import org.openjxc.access.TokenView;
import org.openjxc.access.UserCommand;
import org.openjxc.access.UserView;
import org.openjxc.access.Users;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users of the caller's company. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApiController {

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @RequiresPermission(Permission.MANAGE_USERS)
    PageResult<UserView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return users.list(Actors.require(), q, PageQuery.of(page, size, sort));
    }

    @GetMapping("/{username}")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView get(@PathVariable String username) {
        return users.get(Actors.require(), username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView create(@Valid @RequestBody NewUser command) {
        return users.create(Actors.require(), command);
    }

    @PutMapping("/{username}")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView update(@PathVariable String username, @Valid @RequestBody UserCommand command) {
        return users.update(Actors.require(), username, command);
    }

    @PostMapping("/{username}/disable")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView disable(@PathVariable String username) {
        return users.disable(Actors.require(), username);
    }

    @PostMapping("/{username}/enable")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView enable(@PathVariable String username) {
        return users.enable(Actors.require(), username);
    }

    @PostMapping("/{username}/unlock")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView unlock(@PathVariable String username) {
        return users.unlock(Actors.require(), username);
    }

    record PasswordReset(@NotNull String password) {}

    /** Sets a temporary password that must be changed at the next login; revokes the user's tokens. */
    @PostMapping("/{username}/reset-password")
    @RequiresPermission(Permission.MANAGE_USERS)
    UserView resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset reset) {
        return users.resetPassword(Actors.require(), username, reset.password());
    }

    @GetMapping("/{username}/grants")
    @RequiresPermission(Permission.MANAGE_USERS)
    List<TemporaryGrantView> grants(@PathVariable String username) {
        return users.grants(Actors.require(), username);
    }

    @PostMapping("/{username}/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_USERS)
    TemporaryGrantView grant(@PathVariable String username, @Valid @RequestBody TemporaryGrantCommand command) {
        return users.grant(Actors.require(), username, command);
    }

    @PostMapping("/{username}/grants/{id}/revoke")
    @RequiresPermission(Permission.MANAGE_USERS)
    TemporaryGrantView revokeGrant(@PathVariable String username, @PathVariable long id) {
        return users.revokeGrant(Actors.require(), username, id);
    }

    @GetMapping("/{username}/tokens")
    @RequiresPermission(Permission.MANAGE_USERS)
    List<TokenView> tokens(@PathVariable String username) {
        return users.tokens(Actors.require(), username);
    }

    @PostMapping("/{username}/tokens/revoke")
    @RequiresPermission(Permission.MANAGE_USERS)
    Map<String, Integer> revokeTokens(@PathVariable String username) {
        return Map.of("revoked", users.revokeTokens(Actors.require(), username));
    }
}
