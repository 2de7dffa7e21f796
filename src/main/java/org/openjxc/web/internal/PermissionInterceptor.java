package org.openjxc.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.OwnAccount;
import org.openjxc.shared.PublicEndpoint;
import org.openjxc.shared.RequiresPermission;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place where endpoint permissions are checked. Runs before argument binding, so an
 * unauthorised call gets 403 and nothing else. A handler with neither {@link RequiresPermission}
 * nor {@link PublicEndpoint} is refused: forgetting the annotation closes the door, not opens it.
 */
@Component
class PermissionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || isFramework(method)) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class)) {
            return true;
        }
        if (method.hasMethodAnnotation(OwnAccount.class)) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || !(authentication.getPrincipal() instanceof org.openjxc.shared.Actor)) {
                throw new AuthenticationCredentialsNotFoundException("not logged in");
            }
            return true;
        }
        RequiresPermission onMethod = method.getMethodAnnotation(RequiresPermission.class);
        RequiresPermission required = onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        if (required == null) {
            throw new AccessDeniedException("endpoint declares no permission: " + method);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("not logged in");
        }
        if (authentication.getAuthorities().stream()
                .anyMatch(a -> ErrorCode.PASSWORD_CHANGE_REQUIRED.name().equals(a.getAuthority()))) {
            throw new BusinessException(ErrorCode.PASSWORD_CHANGE_REQUIRED, "error.PASSWORD_CHANGE_REQUIRED.detail");
        }
        boolean granted = authentication.getAuthorities().stream()
                .anyMatch(a ->
                        Arrays.stream(required.value()).anyMatch(p -> p.name().equals(a.getAuthority())));
        if (!granted) {
            throw new AccessDeniedException("missing permission " + Arrays.toString(required.value()));
        }
        return true;
    }

    /** Spring's and springdoc's own handlers (API docs, Swagger UI) are not ours to guard. */
    static boolean isFramework(HandlerMethod method) {
        String name = method.getBeanType().getName();
        return !name.startsWith("org.openjxc.");
    }
}
