package org.openjxc.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session's permissions current. A session keeps its principal from login, so
 * without this a disabled user, a removed role or an ended temporary grant would live on until
 * logout. The principal is loaded again when access changed in this server, after {@link
 * TokenCache#TTL} (changes made by another server), or when a temporary grant ends; a user who
 * can no longer log in loses the session. Until a required password change is done, every page
 * but the password page leads there.
 */
class SessionAccessRefresh extends OncePerRequestFilter {

    private static final String LOADED_AT = SessionAccessRefresh.class.getName() + ".loadedAt";
    private static final String GENERATION = SessionAccessRefresh.class.getName() + ".generation";
    static final String PASSWORD_PAGE = "/account/password";

    private final UserAccounts accounts;
    private final TokenCache tokens;

    SessionAccessRefresh(UserAccounts accounts, TokenCache tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null
                && authentication != null
                && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            AuthenticatedUser current = current(session, user);
            if (current == null) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (current.mustChangePassword()
                    && !request.getServletPath().equals(PASSWORD_PAGE)
                    && !request.getServletPath().equals("/logout")) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private AuthenticatedUser current(HttpSession session, AuthenticatedUser user) {
        long generation = tokens.generation();
        Object loadedAt = session.getAttribute(LOADED_AT);
        boolean fresh = loadedAt instanceof Long at
                && System.nanoTime() - at < TokenCache.TTL.toNanos()
                && Long.valueOf(generation).equals(session.getAttribute(GENERATION))
                && (user.validUntil() == null || user.validUntil().isAfter(OffsetDateTime.now()));
        if (fresh) {
            return user;
        }
        AuthenticatedUser reloaded = accounts.loadForLogin(user.username())
                .filter(AuthenticatedUser::isEnabled)
                .orElse(null);
        if (reloaded == null) {
            return null;
        }
        reloaded.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reloaded, null, reloaded.getAuthorities()));
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        session.setAttribute(LOADED_AT, System.nanoTime());
        session.setAttribute(GENERATION, generation);
        return reloaded;
    }
}
