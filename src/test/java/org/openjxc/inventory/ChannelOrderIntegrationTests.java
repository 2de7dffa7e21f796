package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Shop and till orders: once per external id, SKUs mapped, every bad order refused whole with reasons. */
@IntegrationTest
class ChannelOrderIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String customer;
    String wh;
    String item;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        customer = Api.unique("CUS");
        expect(f.api.post("/api/v1/partners", Map.of("code", customer, "name", "网店客户", "type", "CUSTOMER")), 201);
        wh = f.warehouse();
        item = f.item(false);
        f.inbound(wh, item, 20, 2);
    }

    Map<String, Object> order(String externalId, String sku, Object qty) {
        return Map.of(
                "externalId", externalId,
                "customer", customer,
                "warehouse", wh,
                "lines", List.of(Map.of("sku", sku, "qty", qty, "price", 9.9)));
    }

    @Test
    void importsEachOrderOnceMapsSkusAndRefusesBadOrdersWhole() {
        expect(
                f.api.put("/api/v1/sku-mappings", Map.of("channel", "tmall", "externalSku", "TM-778899", "item", item)),
                200);
        assertThat(f.api.get("/api/v1/sku-mappings").json().toString()).contains("TM-778899");
        assertThat(f.api.get("/api/v1/sku-mappings?channel=JD").json()).isEmpty();
        // A channel name is matched exactly: "_" is no wildcard.
        expect(f.api.put("/api/v1/sku-mappings", Map.of("channel", "A_B", "externalSku", "X1", "item", item)), 200);
        assertThat(f.api.get("/api/v1/sku-mappings?channel=AXB").json()).isEmpty();
        assertThat(f.api.get("/api/v1/sku-mappings?channel=A_B").json()).hasSize(1);
        var first = f.api.post(
                "/api/v1/sales-orders/import",
                Map.of(
                        "channel",
                        "TMALL",
                        "orders",
                        List.of(
                                order("T1", "TM-778899", 2),
                                order("T2", item, 1),
                                Map.of(
                                        "externalId",
                                        "T3",
                                        "customer",
                                        customer,
                                        "warehouse",
                                        wh,
                                        "lines",
                                        List.of(
                                                Map.of("sku", item, "qty", 1),
                                                Map.of("sku", "NO-SUCH-SKU", "qty", 1))))));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        var results = first.json().get("results");
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(results.get(2).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(results.get(2).get("reasons").get(0).get("field").asString()).isEqualTo("lines[1].sku");
        long so = results.get(0).get("document").asLong();
        var doc = f.api.get("/api/v1/documents/" + so).json();
        assertThat(doc.get("type").asString()).isEqualTo("SALES_ORDER");
        assertThat(doc.get("status").asString()).isEqualTo("POSTED");
        assertThat(doc.get("lines").get(0).get("item").asString()).isEqualTo(item);
        assertThat(f.summary(item, wh).get("reserved").decimalValue()).isEqualByComparingTo("3");

        // The shop sends T1 again (a retry): recognised, not imported twice.
        var again = f.api.post(
                "/api/v1/sales-orders/import", Map.of("channel", "TMALL", "orders", List.of(order("T1", item, 2))));
        assertThat(again.json().get("results").get(0).get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("results").get(0).get("document").asLong()).isEqualTo(so);
        // The same id from another channel is another order; an unknown customer refuses it.
        var otherShop = f.api.post(
                "/api/v1/sales-orders/import",
                Map.of(
                        "channel",
                        "JD",
                        "orders",
                        List.of(Map.of(
                                "externalId",
                                "T1",
                                "customer",
                                "NOBODY",
                                "warehouse",
                                wh,
                                "lines",
                                List.of(Map.of("sku", item, "qty", 1))))));
        assertThat(otherShop.json().get("results").get(0).get("outcome").asString())
                .isEqualTo("REJECTED");
        assertThat(otherShop.json().get("results").get(0).get("reasons").toString())
                .contains("partner");
        assertThat(f.api.get("/api/v1/documents?type=SALES_ORDER")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        var badQty = f.api.post(
                "/api/v1/sales-orders/import", Map.of("channel", "TMALL", "orders", List.of(order("T9", item, 0))));
        assertThat(badQty.status()).isEqualTo(400);
    }

    @Test
    void importsTheSameOrderSentTwiceAtOnceOnlyOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> sends = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> (Callable<String>) () -> f.api.post(
                                    "/api/v1/sales-orders/import",
                                    Map.of("channel", "POS", "orders", List.of(order("RACE-1", item, 1))))
                            .json()
                            .get("results")
                            .get(0)
                            .get("outcome")
                            .asString())
                    .toList();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var r : pool.invokeAll(sends)) {
                outcomes.add(r.get());
            }
            assertThat(outcomes).containsOnly("CREATED", "DUPLICATE");
            assertThat(outcomes.stream().filter("CREATED"::equals).count()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(f.api.get("/api/v1/documents?type=SALES_ORDER")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void importsAFileOfOrderRowsGroupedByExternalId() {
        String csv = String.join(
                "\n",
                "渠道,外部单号,客户,仓库,日期,SKU,数量,单价",
                "WEB,W-1," + customer + "," + wh + ",2026-11-20," + item + ",2,5",
                "WEB,W-1," + customer + "," + wh + ",2026-11-20," + item + ",1,5",
                "WEB,W-2," + customer + "," + wh + ",2026-11-20," + item + ",abc,5");
        Api browserless = f.api;
        var r = browserless.upload(
                "/api/v1/sales-orders/import-file", "orders.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(1);
        long so = r.json().get("results").get(0).get("document").asLong();
        assertThat(f.api.get("/api/v1/documents/" + so).json().get("lines")).hasSize(2);
    }
}
