package org.openjxc.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A subscription: the URL to POST to, the events, and optionally the secret (one is made otherwise). */
public record WebhookCommand(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://.+", message = "{openjxc.webhook.url}")
        String url,

        @NotEmpty List<WebhookEvent> events,
        @Size(min = 16, max = 100) String secret) {}
