package org.openjxc.access.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openjxc.access.IssuedToken;
import org.openjxc.access.Tokens;
import org.openjxc.shared.PublicEndpoint;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

    record TokenRequest(
            @NotBlank String username,
            @NotBlank String password,
            @Size(max = 100) String label) {}

    private final Tokens tokens;

    AuthApiController(Tokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/token")
    @PublicEndpoint("how an integration logs in; failures are throttled per account")
    IssuedToken token(@Valid @RequestBody TokenRequest request) {
        return tokens.issue(request.username(), request.password(), request.label());
    }
}
