package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Replenishment (issue #9) on a history posted through the API: forecasts with the lead time learnt
 * from a receipt, transfers before purchases, MOQ and pack rounding, open orders counted, expiring
 * batches moved to where they sell; suggestions turned into drafts. Figures by hand.
 */
@IntegrationTest
class ReplenishmentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String a;
    String b;
    String supplier;
    String customer;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        a = f.warehouse();
        b = f.warehouse();
        supplier = f.partner("SUPPLIER");
        customer = f.partner("CUSTOMER");
    }

    String item(boolean batches) {
        String code = Api.unique("R");
        var body = new HashMap<String, Object>(Map.of(
                "code", code, "name", "商品 " + code, "unit", "pcs", "defaultSupplier", supplier, "purchasePrice", 3));
        body.put("batchManaged", batches);
        expect(f.api.post("/api/v1/items", body), 201);
        return code;
    }

    long post(
            String type,
            String warehouse,
            LocalDate date,
            String partner,
            Long source,
            List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", type, "warehouse", warehouse, "date", date.toString(), "lines", lines));
        if (partner != null) {
            body.put("partner", partner);
        }
        if (source != null) {
            body.put("sourceDocument", source);
        }
        return expect(f.api.post("/api/v1/documents?post=true", body), 201)
                .json()
                .get("id")
                .asLong();
    }

    void forecast() {
        expect(f.api.post("/api/v1/replenishment/runs", Map.of()), 202);
        long until = System.currentTimeMillis() + 30_000;
        JsonNode run;
        do {
            run = f.api.get("/api/v1/replenishment/runs/latest").json();
            assertThat(System.currentTimeMillis()).isLessThan(until);
        } while (run.get("status").asString().equals("RUNNING"));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
    }

    List<JsonNode> suggestions(String query) {
        List<JsonNode> list = new ArrayList<>();
        f.api.get("/api/v1/replenishment/suggestions?size=500" + query)
                .json()
                .get("items")
                .forEach(list::add);
        return list;
    }

    @Test
    void shortWarehousesGetTransfersFirstThenPurchasesInWholePacksAndExpiringBatchesMoveToWhereTheySell() {
        String x = item(false);
        String y = item(false);
        String z = item(true);
        LocalDate start = today.minusDays(61);
        post(
                "OTHER_INBOUND",
                a,
                start,
                null,
                null,
                List.of(
                        line(x, 620, "price", 3),
                        line(y, 250, "price", 3),
                        line(
                                z,
                                120,
                                "price",
                                3,
                                "batch",
                                "OLD",
                                "expiryDate",
                                today.plusDays(400).toString())));
        post(
                "OTHER_INBOUND",
                b,
                start,
                null,
                null,
                List.of(
                        line(x, 500, "price", 3),
                        line(
                                z,
                                300,
                                "price",
                                3,
                                "batch",
                                "OLD",
                                "expiryDate",
                                today.plusDays(400).toString())));
        // Sixty days of steady sales: A sells 10 of X, 4 of Y and 2 of Z a day; B 1 of X and 5 of Z.
        for (int d = 60; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            post(
                    "SALES_DELIVERY",
                    a,
                    day,
                    customer,
                    null,
                    List.of(line(x, 10, "price", 5), line(y, 4, "price", 5), line(z, 2, "price", 5)));
            post("SALES_DELIVERY", b, day, customer, null, List.of(line(x, 1, "price", 5), line(z, 5, "price", 5)));
        }
        // X was ordered 20 days ago and arrived 5 days later: a lead time of 5 days, learnt.
        long po = post("PURCHASE_ORDER", a, today.minusDays(20), supplier, null, List.of(line(x, 10, "price", 3)));
        post("PURCHASE_RECEIPT", a, today.minusDays(15), supplier, po, List.of(line(x, 10, "price", 3)));
        // Y: a minimum order of 50 in packs of 12, 3 days to arrive.
        expect(
                f.api.put(
                        "/api/v1/replenishment/settings/" + y,
                        Map.of(
                                "serviceLevel",
                                "0.95",
                                "reviewDays",
                                7,
                                "minOrderQty",
                                50,
                                "packQty",
                                12,
                                "leadTimeDays",
                                3)),
                200);
        // Today a batch of Z that expires in 10 days arrives at A.
        post(
                "OTHER_INBOUND",
                a,
                today,
                null,
                null,
                List.of(line(
                        z,
                        100,
                        "price",
                        3,
                        "batch",
                        "NEAR",
                        "expiryDate",
                        today.plusDays(10).toString())));

        forecast();
        JsonNode fx = expect(f.api.get("/api/v1/replenishment/forecast?item=" + x + "&warehouse=" + a), 200)
                .json();
        assertThat(fx.get("method").asString()).isEqualTo("SES");
        assertThat(fx.get("dailyDemand").decimalValue()).isEqualByComparingTo("10");
        assertThat(fx.get("leadTimeDays").decimalValue()).isEqualByComparingTo("5");
        assertThat(fx.get("leadTimeLearnt").asBoolean()).isTrue();
        // No variation in demand or lead time: no safety stock; the reorder point is 5 days of demand.
        assertThat(fx.get("safetyStock").decimalValue()).isEqualByComparingTo("0");
        assertThat(fx.get("reorderPoint").decimalValue()).isEqualByComparingTo("50");
        assertThat(fx.get("wape").decimalValue()).isEqualByComparingTo("0");
        assertThat(fx.get("history").size()).isEqualTo(90);
        assertThat(fx.get("forecast").size()).isEqualTo(28);
        // 30 available now, 10 a day: gone in three days.
        assertThat(fx.get("projection").get(2).get("qty").decimalValue()).isEqualByComparingTo("0");

        var all = suggestions("&warehouse=" + a);
        // X at A: 30 ≤ 50; up to 50 + 7 × 10 = 120 needs 90, which B can spare (440 − (5 + 7 × 1) = 428).
        JsonNode transfer = find(all, "TRANSFER", x);
        assertThat(transfer.get("qty").decimalValue()).isEqualByComparingTo("90");
        assertThat(transfer.get("fromWarehouse").asString()).isEqualTo(b);
        assertThat(find(all, "PURCHASE", x)).isNull();
        // Y at A: 10 ≤ 3 × 4 = 12; up to 12 + 28 = 40 needs 30 → the minimum 50 → five packs of 12 = 60.
        JsonNode purchase = find(all, "PURCHASE", y);
        assertThat(purchase.get("qty").decimalValue()).isEqualByComparingTo("60");
        assertThat(purchase.get("supplier").asString()).isEqualTo(supplier);
        assertThat(purchase.get("leadTimeLearnt").asBoolean()).isFalse();
        // Z at A sells 20 of the 100 before they expire; B sells 5 a day, 50 in ten days; 30 are left to sell off.
        JsonNode moved = find(all, "EXPIRY_TRANSFER", z);
        assertThat(moved).as(all.toString()).isNotNull();
        assertThat(moved.get("qty").decimalValue()).isEqualByComparingTo("50");
        assertThat(moved.get("warehouse").asString()).isEqualTo(b);
        assertThat(moved.get("batch").asString()).isEqualTo("NEAR");
        assertThat(find(all, "EXPIRY_PROMOTE", z).get("qty").decimalValue()).isEqualByComparingTo("30");

        // One click: a draft purchase order for the supplier and a transfer from B.
        var created = expect(
                        f.api.post(
                                "/api/v1/replenishment/orders",
                                Map.of(
                                        "lines",
                                        List.of(
                                                Map.of("kind", "PURCHASE", "item", y, "warehouse", a, "qty", 60),
                                                Map.of(
                                                        "kind",
                                                        "TRANSFER",
                                                        "item",
                                                        x,
                                                        "warehouse",
                                                        a,
                                                        "fromWarehouse",
                                                        b,
                                                        "qty",
                                                        90)))),
                        201)
                .json();
        assertThat(created.size()).isEqualTo(2);
        assertThat(created.get(0).get("type").asString()).isEqualTo("PURCHASE_ORDER");
        assertThat(created.get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get(0).get("partner").asString()).isEqualTo(supplier);
        assertThat(created.get(1).get("type").asString()).isEqualTo("TRANSFER");
        assertThat(created.get(1).get("warehouse").asString()).isEqualTo(b);
        // Once the order is approved, Y is on order and no longer short.
        long order = created.get(0).get("id").asLong();
        expect(f.post(order), 200);
        assertThat(find(suggestions("&warehouse=" + a), "PURCHASE", y)).isNull();

        // Bad input changes nothing: an item without a supplier, a transfer to itself.
        String orphan = f.item(false);
        var refused = expect(
                        f.api.post(
                                "/api/v1/replenishment/orders",
                                Map.of(
                                        "lines",
                                        List.of(
                                                Map.of("kind", "PURCHASE", "item", orphan, "warehouse", a, "qty", 1),
                                                Map.of(
                                                        "kind",
                                                        "TRANSFER",
                                                        "item",
                                                        x,
                                                        "warehouse",
                                                        a,
                                                        "fromWarehouse",
                                                        a,
                                                        "qty",
                                                        1)))),
                        400)
                .json();
        assertThat(refused.get("errors").toString()).contains("lines[0].item").contains("lines[1].fromWarehouse");
        expect(f.api.put("/api/v1/replenishment/settings/" + y, Map.of("serviceLevel", "1.5")), 400);

        // The pages: suggestions with their reasons, the chart, drafts from ticked rows, Excel.
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, Api.ADMIN_PASSWORD);
        assertThat(web.page("/replenishment?warehouse=" + a))
                .contains(x)
                .contains("调拨")
                .contains("临期促销")
                .contains("再订货点 50");
        assertThat(web.page("/replenishment/forecast?item=" + x + "&warehouse=" + a))
                .contains("简单指数平滑")
                .contains("forecast-line");
        String key = "TRANSFER|" + x + "|" + a + "|" + b + "|";
        var made = web.form("/replenishment", "/replenishment/orders", Map.of("pick", key, "qty-" + key, "90"));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(f.api.get("/api/v1/documents?type=TRANSFER")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(web.get("/replenishment/export").statusCode()).isEqualTo(200);
    }

    private static JsonNode find(List<JsonNode> all, String kind, String item) {
        return all.stream()
                .filter(s -> s.get("kind").asString().equals(kind)
                        && s.get("item").asString().equals(item))
                .findFirst()
                .orElse(null);
    }
}
