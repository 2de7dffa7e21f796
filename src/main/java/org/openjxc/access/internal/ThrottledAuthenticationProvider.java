package org.openjxc.access.internal;

import java.time.OffsetDateTime;
import org.openjxc.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password authentication that counts consecutive failures per account and locks the account
 * for a while after too many, so passwords cannot be guessed at speed. The lock is checked
 * before the password, so a locked account reveals nothing about a guess.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final UserAccounts accounts;
    private final AccessProperties properties;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(
            DaoAuthenticationProvider delegate,
            UserAccounts accounts,
            AccessProperties properties,
            TransactionTemplate transactions,
            AuditLog audit) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.properties = properties;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        try {
            Authentication result = delegate.authenticate(authentication);
            AuthenticatedUser user = (AuthenticatedUser) result.getPrincipal();
            transactions.executeWithoutResult(tx -> {
                accounts.recordSuccessfulLogin(username, OffsetDateTime.now());
                audit.recordAs(user.companyId(), user.userId(), username, "LOGIN", "User", username, null, null);
            });
            return result;
        } catch (BadCredentialsException e) {
            transactions.executeWithoutResult(tx -> accounts.loadForLogin(username)
                    .ifPresent(user -> {
                        int failures = accounts.recordFailedLogin(username);
                        if (failures >= properties.maxFailedLogins()) {
                            accounts.lockUntil(username, OffsetDateTime.now().plus(properties.lockDuration()));
                        }
                        audit.recordAs(
                                user.companyId(),
                                user.userId(),
                                username,
                                "LOGIN_FAILED",
                                "User",
                                username,
                                null,
                                java.util.Map.of("consecutiveFailures", failures));
                    }));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
