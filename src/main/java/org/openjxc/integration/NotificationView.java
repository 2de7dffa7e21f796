package org.openjxc.integration;

import java.time.OffsetDateTime;
import java.util.List;

/** A subscription (its secret is never shown again). */
public record NotificationView(
        long id,
        String user,
        NotificationChannel channel,
        String target,
        List<NotificationTopic> topics,
        boolean active,
        OffsetDateTime createdAt) {}
