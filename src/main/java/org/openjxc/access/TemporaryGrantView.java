package org.openjxc.access;

import java.time.OffsetDateTime;

/** A temporary grant; {@code active} while not revoked and before {@code until}. */
public record TemporaryGrantView(
        long id,
        String username,
        String role,
        String warehouse,
        OffsetDateTime until,
        String reason,
        String grantedBy,
        OffsetDateTime grantedAt,
        OffsetDateTime revokedAt,
        boolean active) {}
