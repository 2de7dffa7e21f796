package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.openjxc.access.TokenView;
import org.openjxc.access.Users;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.OwnAccount;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who they are, what they may do, their password and tokens. */
@RestController
@Tag(name = "Account")
class AccountApiController {

    private final Users users;

    AccountApiController(Users users) {
        this.users = users;
    }

    record Me(String username, List<String> permissions, DataScope scope) {}

    @GetMapping("/api/v1/account")
    @OwnAccount
    Me me() {
        Actor actor = Actors.require();
        var authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities();
        return new Me(
                actor.username(),
                authorities.stream()
                        .map(GrantedAuthority::getAuthority)
                        .sorted()
                        .toList(),
                actor.scope());
    }

    record PasswordChange(
            @NotNull String currentPassword, @NotNull String newPassword) {}

    @PostMapping("/api/v1/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @OwnAccount
    void changePassword(@Valid @RequestBody PasswordChange change) {
        users.changeOwnPassword(Actors.require(), change.currentPassword(), change.newPassword());
    }

    @GetMapping("/api/v1/account/tokens")
    @OwnAccount
    List<TokenView> tokens() {
        return users.ownTokens(Actors.require());
    }

    @DeleteMapping("/api/v1/account/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @OwnAccount
    void revoke(@PathVariable long id) {
        users.revokeOwnToken(Actors.require(), id);
    }
}
