package org.openjxc.access;

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
import org.springframework.stereotype.Service;

/** Issues API bearer tokens for a username and password, with the same throttling as the login page. */
@Service
public class Tokens {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final AccessProperties properties;

    Tokens(AuthenticationManager authentication, ApiTokens tokens, AccessProperties properties) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.properties = properties;
    }

    public IssuedToken issue(String username, String password) {
        return issue(username, password, null);
    }

    /** Issues a token; the label ("WMS integration") tells its owner later which one to revoke. */
    public IssuedToken issue(String username, String password, String label) {
        AuthenticatedUser user;
        try {
            user = (AuthenticatedUser) authentication
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                    .getPrincipal();
        } catch (LockedException e) {
            throw new BusinessException(ErrorCode.TOO_MANY_REQUESTS, "error.login.locked");
        } catch (AuthenticationException e) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "error.login.badCredentials");
        }
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(properties.tokenTtl());
        return new IssuedToken(tokens.issue(user.companyId(), user.userId(), expiresAt, label), expiresAt);
    }
}
