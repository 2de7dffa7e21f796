package org.openjxc.integration;

import java.time.OffsetDateTime;
import java.util.List;

/** A subscription; {@code secret} is shown only in the answer to its creation. */
public record WebhookView(
        long id, String url, List<WebhookEvent> events, boolean active, OffsetDateTime createdAt, String secret) {}
