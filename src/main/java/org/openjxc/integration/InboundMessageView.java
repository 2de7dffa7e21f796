package org.openjxc.integration;

import java.time.OffsetDateTime;

/** A message received: what became of it (the document it posted, or why it is parked). */
public record InboundMessageView(
        long id,
        String mapping,
        String status,
        String reason,
        Long document,
        int attempts,
        OffsetDateTime receivedAt,
        OffsetDateTime processedAt,
        String payload) {}
