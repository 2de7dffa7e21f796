package org.openjxc.integration.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: each claimed by one node, POSTed with its signature, and on
 * failure tried again later — after 30 s, 2, 10 and 60 minutes, 6 and 24 hours — before it is given
 * up as failed (a user can still send it again). Runs every few seconds on every node.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Waits before the 2nd, 3rd, … attempt; after the last the delivery has failed. */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofHours(24));

    private final WebhookRows rows;
    private final HttpClient http;
    private final Duration timeout;

    WebhookDispatcher(WebhookRows rows, @Value("${openjxc.webhooks.timeout:PT10S}") Duration timeout) {
        this.rows = rows;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${openjxc.webhooks.poll:PT5S}", initialDelayString = "${openjxc.webhooks.poll:PT5S}")
    void poll() {
        dispatch(OffsetDateTime.now());
    }

    /** Sends what is due by {@code now}; answers how many were attempted. */
    public int dispatch(OffsetDateTime now) {
        rows.releaseStale(OffsetDateTime.now().minusMinutes(5));
        int attempted = 0;
        for (long[] due : rows.due(now, 100)) {
            var claimed = rows.claim(due[0], due[1], OffsetDateTime.now());
            if (claimed.isPresent()) {
                send(claimed.get(), now);
                attempted++;
            }
        }
        return attempted;
    }

    private void send(WebhookRows.Due d, OffsetDateTime now) {
        String timestamp = String.valueOf(now.toEpochSecond());
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "OpenJXC-Webhooks")
                    .header("X-OpenJXC-Event", d.event())
                    .header("X-OpenJXC-Delivery", d.eventId())
                    .header("X-OpenJXC-Timestamp", timestamp)
                    .header("X-OpenJXC-Signature", signature(d.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                rows.delivered(d.companyId(), d.id(), status, OffsetDateTime.now());
                return;
            }
            error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int attempt = d.attempts() + 1;
        boolean giveUp = attempt > BACKOFF.size();
        OffsetDateTime next = giveUp ? now : now.plus(BACKOFF.get(attempt - 1));
        rows.failed(
                d.companyId(), d.id(), status, error.length() > 500 ? error.substring(0, 500) : error, next, giveUp);
        log.info("Webhook delivery {} attempt {} failed ({}){}", d.id(), attempt, error, giveUp ? "; given up" : "");
    }

    /**
     * {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp.body} under the subscription's
     * secret; receivers recompute it, compare in constant time and refuse old timestamps.
     */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
