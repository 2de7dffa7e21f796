package org.openjxc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.integration.internal.NotificationOutbox;
import org.openjxc.integration.internal.NotificationSender;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Notifications (issue #13): alerts and summaries to WeCom and DingTalk robots in their formats, e-mail. */
@IntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    NotificationSender sender;

    @Autowired
    NotificationOutbox outbox;

    StockFixture f;
    HttpServer robots;
    org.openjxc.support.FakeSmtpServer smtp;
    final List<String[]> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        f = new StockFixture(TestCompanies.create(context, port));
        robots = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robots.createContext("/", exchange -> {
            received.add(new String[] {
                exchange.getRequestURI().toString(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            });
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        robots.start();
        smtp = new org.openjxc.support.FakeSmtpServer();
    }

    @AfterEach
    void stop() throws Exception {
        robots.stop(0);
        smtp.close();
    }

    String robot(String path) {
        return "http://127.0.0.1:" + robots.getAddress().getPort() + path;
    }

    @Test
    void alertsAndSummariesReachWeComAndDingTalkRobotsInTheirFormats() throws Exception {
        String secret = "SEC0123456789abcdef";
        var topics = List.of("STOCK_BELOW_SAFETY", "DAILY_SUMMARY");
        expect(
                f.api.post(
                        "/api/v1/notifications",
                        Map.of("channel", "WECOM", "target", robot("/wecom?key=k"), "topics", topics)),
                201);
        expect(
                f.api.post(
                        "/api/v1/notifications",
                        Map.of(
                                "channel",
                                "DINGTALK",
                                "target",
                                robot("/dingtalk?access_token=t"),
                                "secret",
                                secret,
                                "topics",
                                topics)),
                201);
        expect(
                f.api.post(
                        "/api/v1/notifications",
                        Map.of("channel", "EMAIL", "target", "boss@example.cn", "topics", topics)),
                201);

        String wh = f.warehouse();
        String item = Api.unique("SAFE");
        expect(
                f.api.post("/api/v1/items", Map.of("code", item, "name", "安全库存商品", "unit", "pcs", "safetyStock", 5)),
                201);
        f.inbound(wh, item, 10, "1");
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 6)));

        sender.send(OffsetDateTime.now());
        String wecom = body("/wecom");
        JsonNode w = Api.JSON.readTree(wecom);
        assertThat(w.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(w.get("markdown").get("content").asString())
                .contains("低于安全库存")
                .contains(item);
        String[] ding = received.stream()
                .filter(r -> r[0].startsWith("/dingtalk"))
                .findFirst()
                .orElseThrow();
        JsonNode d = Api.JSON.readTree(ding[1]);
        assertThat(d.get("markdown").get("title").asString()).isEqualTo("低于安全库存");
        // 加签: the sign in the address is the HMAC of timestamp and secret.
        Map<String, String> query = new java.util.HashMap<>();
        for (String kv : ding[0].substring(ding[0].indexOf('?') + 1).split("&")) {
            query.put(
                    kv.substring(0, kv.indexOf('=')),
                    URLDecoder.decode(kv.substring(kv.indexOf('=') + 1), StandardCharsets.UTF_8));
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(query.get("sign"))
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (query.get("timestamp") + "\n" + secret).getBytes(StandardCharsets.UTF_8))));
        assertThat(query.get("access_token")).isEqualTo("t");

        // The e-mail went to the SMTP server, with its subject.
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received().get(0).to()).isEqualTo("boss@example.cn");
        assertThat(smtp.received().get(0).data()).contains("Subject:");
        JsonNode log = f.api.get("/api/v1/notifications/messages").json();
        for (JsonNode m : log.get("items")) {
            assertThat(m.get("status").asString()).as(m.toString()).isEqualTo("SENT");
        }

        // When the SMTP server is away, the e-mail waits with the reason and is tried again later.
        smtp.close();
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 4)));
        expect(
                f.api.post("/api/v1/items", Map.of("code", item + "X", "name", "另一个", "unit", "pcs", "safetyStock", 1)),
                201);
        f.inbound(wh, item + "X", 1, "1");
        f.posted("OTHER_OUTBOUND", wh, null, List.of(line(item + "X", 1)));
        sender.send(OffsetDateTime.now());
        JsonNode email = null;
        for (JsonNode m : f.api.get("/api/v1/notifications/messages").json().get("items")) {
            if (m.get("channel").asString().equals("EMAIL")
                    && !m.get("status").asString().equals("SENT")) {
                email = m;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.get("status").asString()).isEqualTo("PENDING");
        assertThat(email.get("lastError").asString()).isNotBlank();

        // The morning's summary goes to the robots too.
        outbox.digest(LocalDate.now().plusDays(1));
        sender.send(OffsetDateTime.now());
        assertThat(received.stream()
                        .map(r -> r[1])
                        .filter(b -> b.contains("每日简报"))
                        .count())
                .isEqualTo(2);
        assertThat(received.stream()
                        .map(r -> r[1])
                        .filter(b -> b.contains("每日简报"))
                        .findFirst()
                        .orElseThrow())
                .contains("过账单据");
    }

    @Test
    void badSubscriptionsAreRefusedBesideTheirField() {
        var notUrl = expect(
                f.api.post(
                        "/api/v1/notifications",
                        Map.of("channel", "WECOM", "target", "robot", "topics", List.of("STOCK_BELOW_SAFETY"))),
                400);
        assertThat(notUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("target");
        var notMail = expect(
                f.api.post(
                        "/api/v1/notifications",
                        Map.of("channel", "EMAIL", "target", "boss", "topics", List.of("STOCK_BELOW_SAFETY"))),
                400);
        assertThat(notMail.json().get("errors").get(0).get("field").asString()).isEqualTo("target");
        // Figures of the books are for those who may see costs.
        var clerk = f.api.newUser("WAREHOUSE_CLERK");
        var books = expect(
                clerk.post(
                        "/api/v1/notifications",
                        Map.of("channel", "EMAIL", "target", "k@example.cn", "topics", List.of("DAILY_SUMMARY"))),
                400);
        assertThat(books.json().get("errors").get(0).get("field").asString()).isEqualTo("topics");
        expect(
                clerk.post(
                        "/api/v1/notifications",
                        Map.of("channel", "EMAIL", "target", "k@example.cn", "topics", List.of("STOCK_BELOW_SAFETY"))),
                201);
        assertThat(clerk.get("/api/v1/notifications").json().size()).isEqualTo(1);

        // The page: subscribe with the form, see it listed.
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, Api.ADMIN_PASSWORD);
        var made = web.form(
                "/notifications",
                "/notifications",
                Map.of("channel", "WECOM", "target", robot("/page"), "topic", "DOCUMENTS_ON_HOLD"));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(web.page("/notifications"))
                .contains("我的通知订阅")
                .contains(robot("/page"))
                .contains("待放行");
    }

    private String body(String path) {
        return received.stream()
                .filter(r -> r[0].startsWith(path))
                .map(r -> r[1])
                .findFirst()
                .orElseThrow();
    }
}
