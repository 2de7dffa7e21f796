package org.openjxc.access;

import java.time.OffsetDateTime;
import java.util.List;

/** A user as shown in lists and the API; never carries the password hash. */
public record UserView(
        String username,
        String displayName,
        boolean enabled,
        boolean mustChangePassword,
        List<String> roles,
        OffsetDateTime lastLoginAt,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt) {}
