package org.openjxc.access;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as shown in lists and the API; never carries the password hash. No org units and no
 * warehouses means the whole company.
 */
public record UserView(
        String username,
        String displayName,
        boolean enabled,
        boolean mustChangePassword,
        List<String> roles,
        List<String> orgUnits,
        List<String> warehouses,
        boolean ownDocumentsOnly,
        OffsetDateTime lastLoginAt,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt,
        int version) {}
