package org.openjxc.audit;

import java.time.OffsetDateTime;

/** One recorded write. {@code before} and {@code after} are JSON, either may be null. */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        Long userId,
        String username,
        String clientIp,
        String userAgent,
        String action,
        String entityType,
        String entityKey,
        String before,
        String after,
        AuditMarker marker) {}
