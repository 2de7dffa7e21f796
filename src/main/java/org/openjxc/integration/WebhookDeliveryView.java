package org.openjxc.integration;

import java.time.OffsetDateTime;

/** One event sent (or to be sent) to one subscription, with what happened on the last attempt. */
public record WebhookDeliveryView(
        long id,
        long subscription,
        String url,
        WebhookEvent event,
        String eventId,
        String status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        Integer lastStatus,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime deliveredAt,
        String payload) {}
