package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openjxc.access.internal.AccessProperties;
import org.openjxc.access.internal.ApiTokens;
import org.openjxc.access.internal.AuthenticatedUser;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

    record TokenRequest(@NotBlank String username, @NotBlank String password) {}

    record TokenResponse(String token, OffsetDateTime expiresAt) {}

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final AccessProperties properties;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens, AccessProperties properties) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Public by design: this is how an integration logs in. Failures are throttled per account. */
    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        AuthenticatedUser user;
        try {
            user = (AuthenticatedUser) authentication
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                            request.username(), request.password()))
                    .getPrincipal();
        } catch (LockedException e) {
            throw new BusinessException(ErrorCode.TOO_MANY_REQUESTS, "error.login.locked");
        } catch (AuthenticationException e) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "error.login.badCredentials");
        }
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(properties.tokenTtl());
        return new TokenResponse(tokens.issue(user.companyId(), user.userId(), expiresAt), expiresAt);
    }
}
