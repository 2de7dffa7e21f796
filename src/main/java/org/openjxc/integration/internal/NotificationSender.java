package org.openjxc.integration.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due notifications: e-mail through the configured SMTP server, and WeCom / DingTalk group
 * robots in their webhook message format (markdown; DingTalk signed with 加签 when a secret is set).
 * A robot answers HTTP 200 with {@code errcode} 0 when it took the message; anything else is tried
 * again with the webhooks' backoff.
 */
@Component
public class NotificationSender {

    private final NotificationRows rows;
    private final ObjectProvider<JavaMailSender> mail;
    private final JsonMapper json;
    private final HttpClient http;
    private final String from;

    NotificationSender(
            NotificationRows rows,
            ObjectProvider<JavaMailSender> mail,
            JsonMapper json,
            @Value("${openjxc.notifications.from:openjxc@localhost}") String from) {
        this.rows = rows;
        this.mail = mail;
        this.json = json;
        this.from = from;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Scheduled(fixedDelayString = "${openjxc.webhooks.poll:PT5S}", initialDelayString = "${openjxc.webhooks.poll:PT5S}")
    void poll() {
        send(OffsetDateTime.now());
    }

    /** Sends what is due by {@code now}; answers how many were attempted. */
    public int send(OffsetDateTime now) {
        rows.releaseStale(OffsetDateTime.now().minusMinutes(5));
        int attempted = 0;
        for (long[] due : rows.due(now, 100)) {
            var claimed = rows.claim(due[0], due[1]);
            if (claimed.isPresent()) {
                attempted++;
                NotificationRows.Due d = claimed.get();
                String error = deliver(d);
                if (error == null) {
                    rows.sent(d.companyId(), d.id());
                } else {
                    int attempt = d.attempts() + 1;
                    boolean giveUp = attempt > WebhookDispatcher.BACKOFF.size();
                    rows.failed(
                            d.companyId(),
                            d.id(),
                            error.length() > 500 ? error.substring(0, 500) : error,
                            giveUp ? now : now.plus(WebhookDispatcher.BACKOFF.get(attempt - 1)),
                            giveUp);
                }
            }
        }
        return attempted;
    }

    /** Sends one message; answers null when it went, else what went wrong. */
    private String deliver(NotificationRows.Due d) {
        try {
            return switch (d.channel()) {
                case EMAIL -> email(d);
                case WECOM ->
                    robot(
                            d.target(),
                            Map.of(
                                    "msgtype",
                                    "markdown",
                                    "markdown",
                                    Map.of("content", "## " + d.title() + "\n" + d.body())));
                case DINGTALK ->
                    robot(
                            signed(d.target(), d.secret()),
                            Map.of(
                                    "msgtype",
                                    "markdown",
                                    "markdown",
                                    Map.of("title", d.title(), "text", "## " + d.title() + "\n" + d.body())));
            };
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String email(NotificationRows.Due d) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return "SMTP not configured (spring.mail.host)";
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(d.target());
        message.setSubject(d.title());
        message.setText(d.body());
        sender.send(message);
        return null;
    }

    private String robot(String url, Map<String, Object> message) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json;charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    json.writeValueAsString(message), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode answer = json.readTree(response.body());
            int code = answer.path("errcode").asInt(0);
            return code == 0
                    ? null
                    : "errcode " + code + ": " + answer.path("errmsg").asString("");
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A DingTalk robot with 加签: timestamp and sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret)). */
    static String signed(String url, String secret) {
        if (secret == null || secret.isBlank()) {
            return url;
        }
        try {
            long timestamp = System.currentTimeMillis();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sign = Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
