package org.openjxc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.integration.internal.WebhookDispatcher;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Webhooks (issue #13): signed payloads from the outbox, retries with backoff, the log, redelivery. */
@IntegrationTest
class WebhookIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    WebhookDispatcher dispatcher;

    StockFixture f;
    HttpServer receiver;
    final List<String[]> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        f = new StockFixture(TestCompanies.create(context, port));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(new String[] {
                h.getFirst("X-OpenJXC-Event"),
                h.getFirst("X-OpenJXC-Timestamp"),
                h.getFirst("X-OpenJXC-Signature"),
                body
            });
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aPostingIsDeliveredSignedAndAFailingReceiverGetsItAgainLater() {
        String secret = "s3cret-of-the-integrator";
        var sub = expect(
                        f.api.post(
                                "/api/v1/webhooks",
                                Map.of(
                                        "url",
                                        url(),
                                        "events",
                                        List.of("DOCUMENT_POSTED", "STOCK_BELOW_SAFETY"),
                                        "secret",
                                        secret)),
                        201)
                .json();
        assertThat(sub.get("secret").asString()).isEqualTo(secret);
        // The secret is shown once only.
        assertThat(f.api.get("/api/v1/webhooks").json().get(0).get("secret").isNull())
                .isTrue();

        String wh = f.warehouse();
        String item = f.item(false);
        failuresLeft.set(1);
        long doc = f.inbound(wh, item, 5, "2");

        // Written in the posting's transaction, sent by the dispatcher: the first attempt fails. (The
        // dispatcher serves every company of the shared test database; this one's log is what counts.)
        dispatcher.dispatch(OffsetDateTime.now());
        JsonNode log =
                f.api.get("/api/v1/webhooks/deliveries").json().get("items").get(0);
        assertThat(log.get("status").asString()).isEqualTo("PENDING");
        assertThat(log.get("attempts").asInt()).isEqualTo(1);
        assertThat(log.get("lastStatus").asInt()).isEqualTo(503);
        // Not again before its backoff is over; after it, delivered.
        dispatcher.dispatch(OffsetDateTime.now());
        assertThat(f.api.get("/api/v1/webhooks/deliveries")
                        .json()
                        .get("items")
                        .get(0)
                        .get("attempts")
                        .asInt())
                .isEqualTo(1);
        dispatcher.dispatch(OffsetDateTime.now().plusSeconds(31));
        log = f.api.get("/api/v1/webhooks/deliveries").json().get("items").get(0);
        assertThat(log.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(log.get("attempts").asInt()).isEqualTo(2);

        String[] last = received.get(received.size() - 1);
        assertThat(last[0]).isEqualTo("DOCUMENT_POSTED");
        assertThat(last[2]).isEqualTo(WebhookDispatcher.signature(secret, last[1], last[3]));
        assertThat(last[2]).isNotEqualTo(WebhookDispatcher.signature("another secret!!", last[1], last[3]));
        JsonNode payload = org.openjxc.support.Api.JSON.readTree(last[3]);
        assertThat(payload.get("data").get("id").asLong()).isEqualTo(doc);
        assertThat(payload.get("data").get("type").asString()).isEqualTo("OTHER_INBOUND");

        // Redelivery on request, e.g. after the receiver lost it.
        long id = log.get("id").asLong();
        assertThat(expect(f.api.post("/api/v1/webhooks/deliveries/" + id + "/redeliver", Map.of()), 200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
        int before = received.size();
        dispatcher.dispatch(OffsetDateTime.now());
        assertThat(received).hasSize(before + 1);

        // A refused posting leaves nothing to send.
        int deliveries =
                f.api.get("/api/v1/webhooks/deliveries").json().get("total").asInt();
        expect(
                f.post(f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 50)))
                        .get("id")
                        .asLong()),
                409);
        assertThat(f.api.get("/api/v1/webhooks/deliveries").json().get("total").asInt())
                .isEqualTo(deliveries);
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpAfterTheLastBackoffAndBadSubscriptionsAreRefused() {
        expect(f.api.post("/api/v1/webhooks", Map.of("url", url(), "events", List.of("DOCUMENT_POSTED"))), 201);
        failuresLeft.set(100);
        f.inbound(f.warehouse(), f.item(false), 1, "1");
        OffsetDateTime t = OffsetDateTime.now();
        for (int i = 0; i < 7; i++) {
            dispatcher.dispatch(t);
            t = t.plusDays(2);
        }
        JsonNode log = f.api.get("/api/v1/webhooks/deliveries?status=FAILED").json();
        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(log.get("items").get(0).get("attempts").asInt()).isEqualTo(7);

        var bad = expect(f.api.post("/api/v1/webhooks", Map.of("url", "ftp://x", "events", List.of())), 400)
                .json();
        assertThat(bad.get("errors").toString()).contains("url").contains("events");
    }

    @Test
    void thePageSubscribesShowsTheLogAndSendsAgain() {
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, org.openjxc.support.Api.ADMIN_PASSWORD);
        var refused = web.form("/integrations", "/integrations/webhooks", Map.of("url", "not a url"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(web.page("/integrations")).contains("url");
        assertThat(f.api.get("/api/v1/webhooks").json().size()).isZero();

        var made =
                web.form("/integrations", "/integrations/webhooks", Map.of("url", url(), "event", "DOCUMENT_POSTED"));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(web.page("/integrations")).contains("whsec_").contains(url());
        f.inbound(f.warehouse(), f.item(false), 1, "1");
        dispatcher.dispatch(OffsetDateTime.now());
        String page = web.page("/integrations?status=DELIVERED");
        assertThat(page).contains("已送达").contains("单据过账");
        long id = f.api.get("/api/v1/webhooks/deliveries")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        assertThat(web.form("/integrations", "/integrations/deliveries/" + id + "/redeliver", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(f.api.get("/api/v1/webhooks/deliveries?status=PENDING")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }
}
