package org.openjxc.access;

import java.time.OffsetDateTime;

/** An API token as its owner sees it: never the token itself, which is shown only when issued. */
public record TokenView(
        long id, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {}
