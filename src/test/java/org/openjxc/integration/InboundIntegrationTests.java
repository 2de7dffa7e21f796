package org.openjxc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Inbound integration (issue #13): a 3PL's callbacks mapped onto documents; what does not map is parked and replayed. */
@IntegrationTest
class InboundIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void shipmentsAndReturnsFromA3plPostOrParkWithTheReasonAndReplay() {
        var f = new StockFixture(TestCompanies.create(context, port));
        String wh = f.warehouse();
        String item = f.item(false);
        String customer = f.partner("CUSTOMER");
        f.inbound(wh, item, 10, "4");
        var order = expect(
                        f.api.post(
                                "/api/v1/documents?post=true",
                                Map.of(
                                        "type",
                                        "SALES_ORDER",
                                        "warehouse",
                                        wh,
                                        "partner",
                                        customer,
                                        "lines",
                                        List.of(line(item, 5, "price", 20)))),
                        201)
                .json();
        String so = order.get("number").asString();

        // A mapping is checked when saved.
        var incomplete = expect(
                        f.api.post(
                                "/api/v1/inbound/mappings",
                                Map.of(
                                        "code",
                                        "SF",
                                        "kind",
                                        "SHIPMENT_CONFIRMED",
                                        "fields",
                                        Map.of(
                                                "reference",
                                                "order.no",
                                                "lines",
                                                "order.items",
                                                "line.item",
                                                "sku",
                                                "colour",
                                                "x..y"))),
                        400)
                .json();
        assertThat(incomplete.get("errors").toString())
                .contains("fields.line.qty")
                .contains("fields.colour");
        expect(
                f.api.post(
                        "/api/v1/inbound/mappings",
                        Map.of(
                                "code",
                                "SF",
                                "kind",
                                "SHIPMENT_CONFIRMED",
                                "fields",
                                Map.of(
                                        "reference",
                                        "order.no",
                                        "lines",
                                        "order.items",
                                        "line.item",
                                        "sku",
                                        "line.qty",
                                        "quantity",
                                        "date",
                                        "order.shippedAt"))),
                201);

        // A confirmation posts a delivery of the order, at the order's price.
        var shipped = receive(
                f,
                "SF",
                "{\"order\":{\"no\":\"" + so + "\",\"shippedAt\":\"" + java.time.LocalDate.now()
                        + "T09:30:00+08:00\",\"items\":[{\"sku\":\"" + item + "\",\"quantity\":3}]}}");
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(shipped.json().get("status").asString()).isEqualTo("PROCESSED");
        long delivery = shipped.json().get("document").asLong();
        JsonNode doc = f.api.get("/api/v1/documents/" + delivery).json();
        assertThat(doc.get("type").asString()).isEqualTo("SALES_DELIVERY");
        assertThat(doc.get("status").asString()).isEqualTo("POSTED");
        assertThat(doc.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("20");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("7");

        // One that does not map is parked with its reason and changes nothing.
        var unknown = receive(
                f, "SF", "{\"order\":{\"no\":\"" + so + "\",\"items\":[{\"sku\":\"NO-SUCH\",\"quantity\":1}]}}");
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.json().get("status").asString()).isEqualTo("PARKED");
        assertThat(unknown.json().get("reason").asString())
                .contains("VALIDATION_FAILED")
                .contains("NO-SUCH");
        var tooMuch = receive(
                f, "SF", "{\"order\":{\"no\":\"" + so + "\",\"items\":[{\"sku\":\"" + item + "\",\"quantity\":9}]}}");
        assertThat(tooMuch.json().get("reason").asString()).startsWith("OPEN_QUANTITY_EXCEEDED");
        var noReference = receive(f, "SF", "{\"order\":{\"items\":[]}}");
        assertThat(noReference.json().get("reason").asString()).contains("order.no");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("7");
        assertThat(f.api.get("/api/v1/inbound/messages?status=PARKED")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(3);

        // Fixed and replayed, it posts; a processed message is not replayed again.
        long parked = unknown.json().get("id").asLong();
        var replayed = f.api.postRaw(
                "/api/v1/inbound/messages/" + parked + "/replay",
                "application/json",
                ("{\"order\":{\"no\":\"" + so + "\",\"items\":[{\"sku\":\"" + item + "\",\"quantity\":2}]}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("status").asString()).isEqualTo("PROCESSED");
        assertThat(replayed.json().get("attempts").asInt()).isEqualTo(2);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("5");
        assertThat(f.api.post("/api/v1/inbound/messages/" + parked + "/replay", Map.of())
                        .code())
                .isEqualTo("INVALID_STATE");

        // Returns received by the warehouse come back as a return of the delivery.
        expect(
                f.api.post(
                        "/api/v1/inbound/mappings",
                        Map.of(
                                "code",
                                "SF-RET",
                                "kind",
                                "RETURN_RECEIVED",
                                "fields",
                                Map.of(
                                        "reference",
                                        "delivery",
                                        "lines",
                                        "lines",
                                        "line.item",
                                        "sku",
                                        "line.qty",
                                        "qty"))),
                201);
        String deliveryNumber = doc.get("number").asString();
        var back = receive(
                f,
                "SF-RET",
                "{\"delivery\":\"" + deliveryNumber + "\",\"lines\":[{\"sku\":\"" + item + "\",\"qty\":1}]}");
        assertThat(back.status()).isEqualTo(201);
        assertThat(f.api.get("/api/v1/documents/" + back.json().get("document").asLong())
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("SALES_RETURN");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("6");

        // Only integration accounts send callbacks.
        assertThat(f.api.newUser("SALES_CLERK")
                        .postRaw("/api/v1/inbound/SF", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(403);
        f.assertBooksAgree();
    }

    private static Api.Response receive(StockFixture f, String mapping, String json) {
        return f.api.postRaw("/api/v1/inbound/" + mapping, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
