package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Back-dated postings (补单): the later moves of the item and warehouse are re-valued in
 * document-date order, and the books follow. Figures worked by hand.
 */
@IntegrationTest
class RevaluationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;
    String supplier;
    String customer;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
        supplier = f.partner("SUPPLIER");
        customer = f.partner("CUSTOMER");
    }

    long posted(String type, String partner, LocalDate date, Long source, List<Map<String, Object>> lines) {
        return postedIn(wh, type, partner, date, source, lines);
    }

    long postedIn(
            String warehouse,
            String type,
            String partner,
            LocalDate date,
            Long source,
            List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", warehouse, "lines", lines));
        body.put("date", date.toString());
        if (partner != null) {
            body.put("partner", partner);
        }
        if (source != null) {
            body.put("sourceDocument", source);
        }
        long id = expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(id), 200);
        return id;
    }

    BigDecimal value(String item, String warehouse) {
        return f.summary(item, warehouse).get("value").decimalValue();
    }

    /** What the document's moves of the item stand at now, corrections included. */
    BigDecimal documentCost(long document, String item) {
        return documentCost(document, item, null);
    }

    /** The same within one warehouse (all of them when null). */
    BigDecimal documentCost(long document, String item, String warehouse) {
        BigDecimal sum = BigDecimal.ZERO;
        String path =
                "/api/v1/stock/moves?size=200&item=" + item + (warehouse == null ? "" : "&warehouse=" + warehouse);
        for (JsonNode m : f.api.get(path).json().get("items")) {
            if (m.get("document").asLong() == document) {
                sum = sum.add(m.get("value").decimalValue());
            }
        }
        return sum;
    }

    List<JsonNode> revaluationVouchers(long document) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode v :
                f.api.get("/api/v1/vouchers?sourceDocument=" + document).json()) {
            if (v.get("revaluation").asBoolean()) {
                found.add(v);
            }
        }
        return found;
    }

    @Test
    void receiptPostedLateButDatedBeforeASaleRevaluesTheSaleAndItsReturn() {
        String item = f.item(false);
        posted("PURCHASE_RECEIPT", supplier, today.minusDays(10), null, List.of(line(item, 10, "price", "10")));
        long sale = posted("SALES_DELIVERY", customer, today.minusDays(5), null, List.of(line(item, 5, "price", "30")));
        long returned = posted(
                "SALES_RETURN",
                customer,
                today.minusDays(3),
                sale,
                List.of(line(item, 2, "price", "30", "sourceLine", 1)));
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-50");
        assertThat(value(item, wh)).isEqualByComparingTo("70");

        // 补单: 10 at 16 received seven days ago. In date order: 10 @ 10, 10 @ 16 → 20 at 13 a piece;
        // the sale of 5 took 65, not 50; the return of 2 comes back at 13, not 10: 100 + 160 − 65 + 26.
        long late =
                posted("PURCHASE_RECEIPT", supplier, today.minusDays(7), null, List.of(line(item, 10, "price", "16")));
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-65");
        assertThat(documentCost(returned, item)).isEqualByComparingTo("26");
        assertThat(value(item, wh)).isEqualByComparingTo("221");
        // The receipt's own voucher books what it received; a revaluation voucher per corrected day
        // books the sale's 15 more cost of sales and the return's 6.
        var vouchers = revaluationVouchers(late);
        assertThat(vouchers).hasSize(2);
        assertThat(vouchers.get(0).get("date").asString())
                .isEqualTo(today.minusDays(5).toString());
        assertThat(vouchers.get(0).get("lines").toString()).contains("\"6401\"").contains("15.0");
        assertThat(vouchers.get(1).get("date").asString())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(vouchers.get(1).get("lines").toString()).contains("6.0");
        f.assertBooksAgree();

        // Unposting the late receipt puts everything back where it was, in date order again.
        expect(f.api.post("/api/v1/documents/" + late + "/unpost", Map.of()), 200);
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-50");
        assertThat(documentCost(returned, item)).isEqualByComparingTo("20");
        assertThat(value(item, wh)).isEqualByComparingTo("70");
        f.assertBooksAgree();

        // The sale itself unposted and posted again keeps its re-valued cost straight in the books.
        expect(f.post(late), 200);
        assertThat(value(item, wh)).isEqualByComparingTo("221");
        expect(f.api.post("/api/v1/documents/" + returned + "/unpost", Map.of()), 200);
        f.assertBooksAgree();
        assertThat(value(item, wh)).isEqualByComparingTo("195");
    }

    @Test
    void backDatedSaleTakesTheAverageOfItsDateAndLaterSalesFollow() {
        String item = f.item(false);
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "10")));
        posted("OTHER_INBOUND", null, today.minusDays(4), null, List.of(line(item, 10, "price", "20")));
        // Today: 20 at 15.
        long later = posted("OTHER_OUTBOUND", null, today.minusDays(2), null, List.of(line(item, 4, "price", "0")));
        assertThat(documentCost(later, item)).isEqualByComparingTo("-60");
        // A sale dated before the second receipt takes 10 a piece; the later issue then sees 8 @ 10
        // and 10 @ 20 = 280 / 18 = 15.555556 → 4 × 15.555556 = 62.22.
        long early =
                posted("SALES_DELIVERY", customer, today.minusDays(6), null, List.of(line(item, 2, "price", "30")));
        assertThat(documentCost(early, item)).isEqualByComparingTo("-20");
        assertThat(documentCost(later, item)).isEqualByComparingTo("-62.22");
        assertThat(value(item, wh)).isEqualByComparingTo("217.78");
        f.assertBooksAgree();
    }

    @Test
    void fifoTakesTheLayerOfTheEarliestDocumentDateFirst() {
        String item = f.item(false, "FIFO");
        posted("OTHER_INBOUND", null, today.minusDays(2), null, List.of(line(item, 10, "price", "10")));
        // Entered later, but dated earlier: the older layer.
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "20")));
        long sale = posted("SALES_DELIVERY", customer, today, null, List.of(line(item, 5, "price", "30")));
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-100");
        JsonNode layers = f.api.get("/api/v1/cost-layers?item=" + item).json().get("items");
        assertThat(layers.get(0).get("qtyRemaining").decimalValue()).isEqualByComparingTo("5");
        assertThat(layers.get(0).get("unitCost").decimalValue()).isEqualByComparingTo("20");
        f.assertBooksAgree();
    }

    @Test
    void aFifoReceiptPostedLateButDatedBeforeASaleGivesTheSaleItsOlderLayer() {
        String item = f.item(false, "FIFO");
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "10")));
        posted("OTHER_INBOUND", null, today.minusDays(5), null, List.of(line(item, 10, "price", "20")));
        long sale =
                posted("SALES_DELIVERY", customer, today.minusDays(3), null, List.of(line(item, 12, "price", "30")));
        // 10 of day −10 at 10 and 2 of day −5 at 20.
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-140");

        // Entered now, dated day −8: FIFO would have sold 2 of it (at 12) instead of 2 of day −5's.
        long late = posted("OTHER_INBOUND", null, today.minusDays(8), null, List.of(line(item, 5, "price", "12")));
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-124");
        JsonNode layers = f.api.get("/api/v1/cost-layers?item=" + item).json().get("items");
        assertThat(layers.get(0).get("qtyRemaining").decimalValue()).isEqualByComparingTo("3");
        assertThat(layers.get(0).get("valueRemaining").decimalValue()).isEqualByComparingTo("36");
        assertThat(layers.get(1).get("qtyRemaining").decimalValue()).isEqualByComparingTo("10");
        assertThat(layers.get(1).get("valueRemaining").decimalValue()).isEqualByComparingTo("200");
        assertThat(value(item, wh)).isEqualByComparingTo("236");
        // The sale's cost of sales falls by 16, booked by the late receipt's revaluation voucher.
        assertThat(f.booked(late, "6401")).isEqualByComparingTo("-16");
        f.assertBooksAgree();

        // Unposting the sale gives back exactly what it now holds: 10 at 10, 2 of day −8's at 12.
        expect(f.api.post("/api/v1/documents/" + sale + "/unpost", Map.of()), 200);
        assertThat(value(item, wh)).isEqualByComparingTo("360");
        layers = f.api.get("/api/v1/cost-layers?item=" + item).json().get("items");
        assertThat(layers.get(1).get("qtyRemaining").decimalValue()).isEqualByComparingTo("5");
        f.assertBooksAgree();
    }

    @Test
    void stockTakenOutOnAnEarlierDateMustHaveBeenThereOnThatDateAndEveryDateAfter() {
        String item = f.item(false);
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "10")));
        posted("OTHER_OUTBOUND", null, today.minusDays(2), null, List.of(line(item, 4, "price", "0")));
        // Five taken five days ago: ten were there, and the four of two days ago still find theirs.
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, 5))));
        body.put("date", today.minusDays(5).toString());
        long id = expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(id), 200);
        assertThat(value(item, wh)).isEqualByComparingTo("10");
        String later = f.item(false);
        // Five on the shelf today, but none three days ago.
        posted("OTHER_INBOUND", null, today, null, List.of(line(later, 5, "price", "10")));
        body = new LinkedHashMap<>(Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(later, 3))));
        body.put("date", today.minusDays(3).toString());
        id = expect(f.api.post("/api/v1/documents", body), 201).json().get("id").asLong();
        var refused = expect(f.post(id), 409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(refused.json().get("shortBy").asString()).isEqualTo("3");
        assertThat(refused.json().get("date").asString())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(f.onHand(later, wh)).isEqualByComparingTo("5");
        assertThat(value(later, wh)).isEqualByComparingTo("50");
        // The same for taking back a receipt the later documents needed.
        String taken = f.item(false);
        long receipt = posted("OTHER_INBOUND", null, today.minusDays(6), null, List.of(line(taken, 5, "price", "10")));
        posted("OTHER_INBOUND", null, today.minusDays(1), null, List.of(line(taken, 5, "price", "10")));
        posted("OTHER_OUTBOUND", null, today.minusDays(4), null, List.of(line(taken, 4, "price", "0")));
        assertThat(expect(f.api.post("/api/v1/documents/" + receipt + "/unpost", Map.of()), 409)
                        .code())
                .isEqualTo("INSUFFICIENT_STOCK");
        f.assertBooksAgree();
    }

    @Test
    void aTransferShippedAfterTheBackDatedReceiptCarriesTheNewCostToItsDestination() {
        String item = f.item(false);
        String other = f.warehouse();
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "10")));
        var transfer = new LinkedHashMap<String, Object>(
                Map.of("type", "TRANSFER", "warehouse", wh, "toWarehouse", other, "lines", List.of(line(item, 4))));
        transfer.put("date", today.minusDays(5).toString());
        long t = expect(f.api.post("/api/v1/documents", transfer), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(t), 200);
        expect(f.api.post("/api/v1/documents/" + t + "/receive", Map.of()), 200);
        assertThat(value(item, other)).isEqualByComparingTo("40");

        // 10 @ 16 dated before the transfer: the shipment takes 4 × 13 = 52; the destination's
        // stock follows by a background job.
        posted("OTHER_INBOUND", null, today.minusDays(7), null, List.of(line(item, 10, "price", "16")));
        f.awaitRevaluations();
        assertThat(value(item, wh)).isEqualByComparingTo("208");
        assertThat(value(item, other)).isEqualByComparingTo("52");
        f.assertBooksAgree();
    }

    @Test
    void aFifoTransferShippedAfterTheBackDatedReceiptCarriesTheOlderLayerOnToWhatTookItsStock() {
        String item = f.item(false, "FIFO");
        String shop = f.warehouse();
        String outlet = f.warehouse();
        posted("OTHER_INBOUND", null, today.minusDays(10), null, List.of(line(item, 10, "price", "8")));
        long first = transfer(item, wh, shop, 6, today.minusDays(6));
        long sale = postedIn(
                shop, "SALES_DELIVERY", customer, today.minusDays(4), null, List.of(line(item, 2, "price", "20")));
        long second = transfer(item, shop, outlet, 3, today.minusDays(3));
        assertThat(value(item, shop)).isEqualByComparingTo("8");
        assertThat(value(item, outlet)).isEqualByComparingTo("24");

        // 10 @ 5 entered now, dated before both: FIFO would have shipped 6 of these at 5, not at 8.
        long late = posted("OTHER_INBOUND", null, today.minusDays(12), null, List.of(line(item, 10, "price", "5")));
        f.awaitRevaluations();
        assertThat(documentCost(first, item, wh)).as("shipped").isEqualByComparingTo("-30");
        // Arrived in transit at 30 and received from there into stock at 30.
        assertThat(documentCost(first, item, shop)).isEqualByComparingTo("30");
        assertThat(value(item, wh)).isEqualByComparingTo("100");
        // At the shop the transfer's layer (6 @ 5 now) was shared out: the sale took 2, the second
        // transfer 3, one is left.
        assertThat(documentCost(sale, item)).isEqualByComparingTo("-10");
        assertThat(value(item, shop)).isEqualByComparingTo("5");
        // ... and the second transfer carried its part on to the outlet.
        assertThat(value(item, outlet)).isEqualByComparingTo("15");
        JsonNode layers = f.api.get("/api/v1/cost-layers?item=" + item + "&warehouse=" + outlet)
                .json()
                .get("items");
        assertThat(layers.get(0).get("valueRemaining").decimalValue()).isEqualByComparingTo("15");
        // The transfers cancel out in the books; the sale's cost of sales fell by 6.
        assertThat(f.booked(late, "6401")).isEqualByComparingTo("-6");
        assertThat(f.booked(late, "1405")).as("50 received, 6 re-valued").isEqualByComparingTo("56");
        f.assertBooksAgree();

        // Unposting the sale puts back exactly what it now holds: 2 at 5.
        expect(f.api.post("/api/v1/documents/" + sale + "/unpost", Map.of()), 200);
        assertThat(value(item, shop)).isEqualByComparingTo("15");
        f.assertBooksAgree();
        assertThat(second).isPositive();
    }

    /** A transfer posted and received in full, dated {@code date}. */
    long transfer(String item, String from, String to, int qty, LocalDate date) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", "TRANSFER", "warehouse", from, "toWarehouse", to, "lines", List.of(line(item, qty))));
        body.put("date", date.toString());
        long id = expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(id), 200);
        expect(f.api.post("/api/v1/documents/" + id + "/receive", Map.of()), 200);
        return id;
    }

    @Test
    void aLongRangeIsRevaluedByAJobInStepsWithProgress() {
        String item = f.item(false);
        posted("OTHER_INBOUND", null, today.minusDays(30), null, List.of(line(item, 100, "price", "10")));
        for (int i = 0; i < 8; i++) {
            posted("OTHER_OUTBOUND", null, today.minusDays(20 - i), null, List.of(line(item, 5, "price", "0")));
        }
        int atOnce = Revaluations.atOnce;
        int step = Revaluations.step;
        Revaluations.atOnce = 3;
        Revaluations.step = 3;
        try {
            long late =
                    posted("OTHER_INBOUND", null, today.minusDays(25), null, List.of(line(item, 100, "price", "20")));
            f.awaitRevaluations();
            // 100 @ 10 + 100 @ 20: 15 a piece for all forty issued → 3,000 − 600 left for 160.
            assertThat(value(item, wh)).isEqualByComparingTo("2400");
            JsonNode job = f.api.get("/api/v1/stock/revaluations?size=1")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(job.get("status").asString()).isEqualTo("DONE");
            assertThat(job.get("movesDone").asInt()).isEqualTo(9);
            assertThat(job.get("corrections").asInt()).isEqualTo(8);
            assertThat(job.get("corrected").decimalValue()).isEqualByComparingTo("-200");
            assertThat(job.get("percent").asInt()).isEqualTo(100);
            assertThat(job.get("movesTotal").asInt()).isEqualTo(9);
            assertThat(revaluationVouchers(late)).hasSize(8);
        } finally {
            Revaluations.atOnce = atOnce;
            Revaluations.step = step;
        }
        f.assertBooksAgree();
        // 成本重算 from the beginning finds nothing more to correct: the ledger is in date order.
        var queued = expect(f.api.post("/api/v1/stock/revaluations", Map.of("item", item)), 200)
                .json();
        assertThat(queued.get("queued").asInt()).isEqualTo(1);
        f.awaitRevaluations();
        JsonNode job = f.api.get("/api/v1/stock/revaluations?size=1")
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("corrections").asInt()).isZero();
        assertThat(job.get("document").isNull()).isTrue();
        expect(f.api.post("/api/v1/stock/revaluations", Map.of("item", "NO-SUCH-ITEM")), 404);
    }
}
