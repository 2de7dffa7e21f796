package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
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

/** FIFO and specific-batch costing: worked examples with figures computed by hand. */
@IntegrationTest
class CostingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String supplier;
    String customer;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        supplier = f.partner("SUPPLIER");
        customer = f.partner("CUSTOMER");
    }

    long posted(String type, String wh, String partner, Long source, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", wh, "lines", lines));
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

    long receipt(String wh, String item, int qty, String price) {
        return posted("PURCHASE_RECEIPT", wh, supplier, null, List.of(line(item, qty, "price", price)));
    }

    /** The value the document's moves took out of stock (positive), as the ledger and COGS show it. */
    BigDecimal costOf(long document) {
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode v :
                f.api.get("/api/v1/vouchers?sourceDocument=" + document).json()) {
            for (JsonNode l : v.get("lines")) {
                if (l.get("account").asString().equals("1405")) {
                    cost = cost.add(l.get("credit").decimalValue())
                            .subtract(l.get("debit").decimalValue());
                }
            }
        }
        return cost;
    }

    BigDecimal value(String item, String wh) {
        return f.summary(item, wh).get("value").decimalValue();
    }

    /** Open layers of the item in the warehouse as "remaining@unitCost", oldest first. */
    List<String> layers(String item, String wh) {
        JsonNode items = expect(f.api.get("/api/v1/cost-layers?item=" + item + "&warehouse=" + wh), 200)
                .json()
                .get("items");
        List<String> result = new java.util.ArrayList<>();
        for (JsonNode l : items) {
            result.add(l.get("qtyRemaining").decimalValue().stripTrailingZeros().toPlainString() + "@"
                    + l.get("unitCost").decimalValue().stripTrailingZeros().toPlainString());
        }
        return result;
    }

    @Test
    void fifoConsumesTheOldestLayersFirstAndUnpostingPutsExactlyThemBack() {
        String wh = f.warehouse();
        String item = f.item(false, "FIFO");
        receipt(wh, item, 10, "3");
        receipt(wh, item, 10, "5");

        long delivery = posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 15, "price", "9")));
        // 10 × 3 + 5 × 5 = 55, where the moving average would have taken 15 × 4 = 60.
        assertThat(costOf(delivery)).isEqualByComparingTo("55");
        assertThat(layers(item, wh)).containsExactly("5@5");
        assertThat(value(item, wh)).isEqualByComparingTo("25");
        f.assertConsistent();

        // A customer return comes back at what its delivery cost: 55 / 15 × 3 = 11.
        long back = posted(
                "SALES_RETURN", wh, customer, delivery, List.of(line(item, 3, "price", "9", "status", "AVAILABLE")));
        assertThat(costOf(back)).isEqualByComparingTo("-11");
        assertThat(layers(item, wh)).containsExactly("5@5", "3@3.666667");
        f.assertConsistent();

        expect(f.api.post("/api/v1/documents/" + back + "/unpost", Map.of()), 200);
        expect(f.api.post("/api/v1/documents/" + delivery + "/unpost", Map.of()), 200);
        assertThat(layers(item, wh)).containsExactly("10@3", "10@5");
        assertThat(value(item, wh)).isEqualByComparingTo("80");
        f.assertConsistent();
    }

    @Test
    void aPurchaseReturnGivesBackItsReceiptsLayerNotTheOldest() {
        String wh = f.warehouse();
        String item = f.item(false, "FIFO");
        receipt(wh, item, 10, "3");
        long second = receipt(wh, item, 10, "5");

        var returned =
                posted("PURCHASE_RETURN", wh, supplier, second, List.of(line(item, 4, "price", "5", "sourceLine", 1)));
        assertThat(costOf(returned)).isEqualByComparingTo("20");
        assertThat(layers(item, wh)).containsExactly("10@3", "6@5");
        f.assertConsistent();
    }

    @Test
    void unpostingAReceiptOthersAlreadyConsumedTakesTheRestFromTheOldestOtherLayers() {
        String wh = f.warehouse();
        String item = f.item(false, "FIFO");
        long first = receipt(wh, item, 10, "3");
        receipt(wh, item, 10, "5");
        long sold = posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 4, "price", "9")));
        assertThat(costOf(sold)).isEqualByComparingTo("12");

        // The receipt's own 6 left (18) and 4 of the next layer (20) go: 6 units worth 30 remain.
        expect(f.api.post("/api/v1/documents/" + first + "/unpost", Map.of()), 200);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("6");
        assertThat(value(item, wh)).isEqualByComparingTo("30");
        assertThat(layers(item, wh)).containsExactly("6@5");
        f.assertConsistent();

        // Unposting the sale now brings its 4 units back at the 12 they cost.
        expect(f.api.post("/api/v1/documents/" + sold + "/unpost", Map.of()), 200);
        assertThat(value(item, wh)).isEqualByComparingTo("42");
        f.assertConsistent();
    }

    @Test
    void aTransferCarriesItsLayersToTheReceivingWarehouse() {
        String from = f.warehouse();
        String to = f.warehouse();
        String item = f.item(false, "FIFO");
        receipt(from, item, 10, "3");
        receipt(from, item, 10, "5");

        long transfer = f.posted("TRANSFER", from, to, List.of(line(item, 12)));
        assertThat(layers(item, to)).containsExactly("10@3", "2@5");
        assertThat(layers(item, from)).containsExactly("8@5");
        expect(f.api.post("/api/v1/documents/" + transfer + "/receive", Map.of()), 200);
        assertThat(layers(item, to)).containsExactly("10@3", "2@5");
        f.assertConsistent();

        long sold = posted("SALES_DELIVERY", to, customer, null, List.of(line(item, 11, "price", "9")));
        assertThat(costOf(sold)).isEqualByComparingTo("35");
        expect(f.api.post("/api/v1/documents/" + sold + "/unpost", Map.of()), 200);
        expect(f.api.post("/api/v1/documents/" + transfer + "/unpost", Map.of()), 200);
        assertThat(layers(item, from)).containsExactly("10@3", "10@5");
        assertThat(layers(item, to)).isEmpty();
        f.assertConsistent();
    }

    @Test
    void aSpecificBatchItemGoesOutAtThatBatchsCost() {
        String wh = f.warehouse();
        String item = f.item(true, "SPECIFIC");
        posted("PURCHASE_RECEIPT", wh, supplier, null, List.of(line(item, 10, "price", "3", "batch", "B1")));
        posted("PURCHASE_RECEIPT", wh, supplier, null, List.of(line(item, 10, "price", "5", "batch", "B2")));

        long sold = posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 4, "price", "9", "batch", "B2")));
        assertThat(costOf(sold)).isEqualByComparingTo("20");
        assertThat(layers(item, wh)).containsExactly("10@3", "6@5");

        // A status change keeps the batch and its layer where they were.
        f.posted(
                "STATUS_CHANGE",
                wh,
                null,
                List.of(line(item, 6, "batch", "B2", "fromStatus", "AVAILABLE", "status", "FROZEN")));
        assertThat(layers(item, wh)).containsExactly("10@3", "6@5");
        f.assertConsistent();
    }

    @Test
    void theCostMethodOfAnItemWithMovesCannotChange() {
        String wh = f.warehouse();
        String item = f.item(false, "FIFO");
        var body = new LinkedHashMap<String, Object>(
                Map.of("code", item, "name", "商品 " + item, "unit", "pcs", "costMethod", "MOVING_AVERAGE"));
        // Before any move it may.
        expect(f.api.put("/api/v1/items/" + item, body), 200);
        body.put("costMethod", "FIFO");
        expect(f.api.put("/api/v1/items/" + item, body), 200);
        receipt(wh, item, 1, "3");

        body.put("costMethod", "MOVING_AVERAGE");
        var refused = expect(f.api.put("/api/v1/items/" + item, body), 400);
        assertThat(refused.text()).contains("costMethod");
        assertThat(f.api.get("/api/v1/items/" + item).json().get("costMethod").asString())
                .isEqualTo("FIFO");
    }

    @Test
    void theCostLayersPageListsOpenLayersAndExportsThem() throws Exception {
        String wh = f.warehouse();
        String item = f.item(false, "FIFO");
        long first = receipt(wh, item, 10, "3");
        receipt(wh, item, 10, "5");
        posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 12, "price", "9")));
        String number =
                f.api.get("/api/v1/documents/" + first).json().get("number").asString();

        String adminName = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        String page = web.page("/cost-layers?item=" + item);
        assertThat(page).contains("成本层").contains(item).contains("8").doesNotContain(number);

        var file = web.get("/cost-layers/export?item=" + item);
        assertThat(file.statusCode()).isEqualTo(200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("商品");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(8.0);
            assertThat(sheet.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(40.0);
        }
    }

    @Test
    void costLayersAreForThoseWhoMaySeeCost() {
        var clerk = f.api.newUser("WAREHOUSE_CLERK");
        assertThat(clerk.get("/api/v1/cost-layers").status()).isEqualTo(403);
    }
}
