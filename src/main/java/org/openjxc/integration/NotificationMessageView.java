package org.openjxc.integration;

import java.time.OffsetDateTime;

/** A notification sent or to be sent, with what happened on the last attempt. */
public record NotificationMessageView(
        long id,
        long subscription,
        NotificationChannel channel,
        String target,
        NotificationTopic topic,
        String title,
        String status,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt) {}
