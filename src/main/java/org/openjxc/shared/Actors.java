package org.openjxc.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting user from the security context of the current request or job. */
public final class Actors {

    private Actors() {}

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** Whether the acting user holds a permission (for sensitive fields within a permitted read). */
    public static boolean has(Permission permission) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(permission.name()));
    }

    /** The acting user; a command run without one is a programming error, never a user error. */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }
}
