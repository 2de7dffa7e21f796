package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/** Orders, receipts, deliveries and returns: open quantities, partners, reservations (API.md "Documents"). */
@IntegrationTest
class PurchasingAndSalesIntegrationTests {

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

    Api.Response create(String type, String warehouse, String partner, Long source, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", warehouse, "lines", lines));
        if (partner != null) {
            body.put("partner", partner);
        }
        if (source != null) {
            body.put("sourceDocument", source);
        }
        return f.api.post("/api/v1/documents", body);
    }

    long posted(String type, String warehouse, String partner, Long source, List<Map<String, Object>> lines) {
        long id = expect(create(type, warehouse, partner, source, lines), 201)
                .json()
                .get("id")
                .asLong();
        var r = f.post(id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return id;
    }

    @Test
    void receivesAnOrderInPartsAndNeverMoreThanOrderedThenReturnsNoMoreThanReceived() {
        String wh = f.warehouse();
        String item = f.item(false);
        var order = new LinkedHashMap<String, Object>(Map.of(
                "type",
                "PURCHASE_ORDER",
                "warehouse",
                wh,
                "partner",
                supplier,
                "expectedDate",
                "2026-12-15",
                "lines",
                List.of(line(item, 10, "price", 3))));
        long po = expect(f.api.post("/api/v1/documents", order), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(po), 200);
        assertThat(f.api.get("/api/v1/documents/" + po)
                        .json()
                        .get("expectedDate")
                        .asString())
                .isEqualTo("2026-12-15");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("0");

        long first = posted("PURCHASE_RECEIPT", wh, null, po, List.of(line(item, 6, "price", 3)));
        var receipt = f.api.get("/api/v1/documents/" + first).json();
        assertThat(receipt.get("partner").asString()).isEqualTo(supplier);
        assertThat(receipt.get("lines").get(0).get("sourceLine").asInt()).isEqualTo(1);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("6");

        long tooMuch = expect(create("PURCHASE_RECEIPT", wh, supplier, po, List.of(line(item, 5, "price", 3))), 201)
                .json()
                .get("id")
                .asLong();
        var refused = f.post(tooMuch);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].qty");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("4");
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("6");

        var ordered = f.api.get("/api/v1/documents/" + po).json();
        assertThat(ordered.get("lines").get(0).get("openQty").decimalValue()).isEqualByComparingTo("4");
        posted("PURCHASE_RECEIPT", wh, supplier, po, List.of(line(item, 4, "price", 3)));
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        assertThat(f.api.get("/api/v1/documents/" + po)
                        .json()
                        .get("lines")
                        .get(0)
                        .get("openQty")
                        .decimalValue())
                .isEqualByComparingTo("0");
        var followers = f.api.get("/api/v1/documents/" + po + "/followers").json();
        assertThat(followers).hasSize(3); // two posted receipts and the refused draft
        // The order cannot be unposted while receipts against it stand.
        assertThat(f.api.post("/api/v1/documents/" + po + "/unpost", Map.of()).code())
                .isEqualTo("INVALID_STATE");

        var overReturn = create("PURCHASE_RETURN", wh, null, first, List.of(line(item, 7)));
        long overReturnId = expect(overReturn, 201).json().get("id").asLong();
        assertThat(f.post(overReturnId).code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        posted("PURCHASE_RETURN", wh, null, first, List.of(line(item, 2)));
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("8");
        f.assertConsistent();
    }

    @Test
    void refusesTheWrongPartnerSourceOrLineAndWritesNothing() {
        String wh = f.warehouse();
        String item = f.item(false);
        String other = f.item(false);
        var customerOnPo = create("PURCHASE_ORDER", wh, customer, null, List.of(line(item, 1, "price", 1)));
        assertThat(customerOnPo.status()).isEqualTo(400);
        assertThat(customerOnPo.json().get("errors").get(0).get("field").asString())
                .isEqualTo("partner");
        var noPartner = create("SALES_ORDER", wh, null, null, List.of(line(item, 1)));
        assertThat(noPartner.json().get("errors").get(0).get("field").asString())
                .isEqualTo("partner");
        var returnWithoutSource = create("SALES_RETURN", wh, customer, null, List.of(line(item, 1)));
        assertThat(returnWithoutSource.json().get("errors").get(0).get("field").asString())
                .isEqualTo("sourceDocument");

        long so = posted("SALES_ORDER", wh, customer, null, List.of(line(item, 1, "price", 9)));
        var receiptOfSalesOrder = create("PURCHASE_RECEIPT", wh, supplier, so, List.of(line(item, 1, "price", 1)));
        assertThat(receiptOfSalesOrder.json().get("errors").get(0).get("field").asString())
                .isEqualTo("sourceDocument");
        var itemNotOnOrder = create("SALES_DELIVERY", wh, null, so, List.of(line(other, 1)));
        assertThat(itemNotOnOrder.status()).isEqualTo(400);
        assertThat(itemNotOnOrder.json().get("errors").get(0).get("field").asString())
                .isEqualTo("lines[0].item");
        var otherCustomer = create("SALES_DELIVERY", wh, f.partner("CUSTOMER"), so, List.of(line(item, 1)));
        assertThat(otherCustomer.json().get("errors").get(0).get("field").asString())
                .isEqualTo("partner");
        assertThat(f.api.get("/api/v1/documents?type=SALES_DELIVERY")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aSalesOrderReservesWhatIsFreeDeliveriesUseItAndClosingReleasesTheRest() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 2);
        long so = posted("SALES_ORDER", wh, customer, null, List.of(line(item, 6, "price", 5)));
        JsonNode s = f.summary(item, wh);
        assertThat(s.get("reserved").decimalValue()).isEqualByComparingTo("6");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("4");

        // Stock set aside for the order is not available to anyone else.
        long other = f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 5)))
                .get("id")
                .asLong();
        assertThat(f.post(other).code()).isEqualTo("INSUFFICIENT_STOCK");

        long delivery = posted("SALES_DELIVERY", wh, null, so, List.of(line(item, 4, "price", 5)));
        s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("6");
        assertThat(s.get("reserved").decimalValue()).isEqualByComparingTo("2");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("4");

        // Unposting the delivery reserves its quantity again.
        expect(f.api.post("/api/v1/documents/" + delivery + "/unpost", Map.of()), 200);
        s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("10");
        assertThat(s.get("reserved").decimalValue()).isEqualByComparingTo("6");
        expect(f.post(delivery), 200);

        var closed = expect(f.api.post("/api/v1/documents/" + so + "/close", Map.of()), 200)
                .json();
        assertThat(closed.get("closed").asBoolean()).isTrue();
        s = f.summary(item, wh);
        assertThat(s.get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("6");
        var afterClose = create("SALES_DELIVERY", wh, null, so, List.of(line(item, 1)));
        assertThat(afterClose.status()).isEqualTo(400);
        assertThat(afterClose.json().get("errors").get(0).get("field").asString())
                .isEqualTo("sourceDocument");
        assertThat(f.api.post("/api/v1/documents/" + so + "/close", Map.of()).code())
                .isEqualTo("INVALID_STATE");
        f.assertConsistent();
    }

    @Test
    void aCustomerReturnComesBackIntoTheReturnsPoolAtWhatTheDeliveryCost() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 4);
        long delivery = posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 3, "price", 9)));
        f.inbound(wh, item, 10, 10); // the average moves to 7.43…; the return still comes back at 4
        long ret = posted("SALES_RETURN", wh, null, delivery, List.of(line(item, 2, "price", 9)));
        var moves = f.api.get("/api/v1/stock/moves?item=" + item + "&warehouse=" + wh)
                .json()
                .get("items");
        JsonNode back = moves.get(moves.size() - 1);
        assertThat(back.get("document").asLong()).isEqualTo(ret);
        assertThat(back.get("unitCost").decimalValue()).isEqualByComparingTo("4");
        var returns = f.api.get("/api/v1/stock?item=" + item + "&warehouse=" + wh)
                .json()
                .get("items");
        assertThat(returns.toString()).contains("\"status\":\"RETURNS\"");
        assertThat(f.summary(item, wh).get("available").decimalValue()).isEqualByComparingTo("17");
        var tooMany = expect(create("SALES_RETURN", wh, null, delivery, List.of(line(item, 2))), 201)
                .json()
                .get("id")
                .asLong();
        assertThat(f.post(tooMany).code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        f.assertConsistent();
    }

    @Test
    void concurrentReceiptsNeverTakeMoreThanTheOrderHasOpen() throws Exception {
        String wh = f.warehouse();
        String item = f.item(false);
        long po = posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 5, "price", 1)));
        List<Long> receipts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            receipts.add(expect(create("PURCHASE_RECEIPT", wh, supplier, po, List.of(line(item, 1, "price", 1))), 201)
                    .json()
                    .get("id")
                    .asLong());
        }
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> posts = receipts.stream()
                    .map(id -> (Callable<Integer>) () -> f.post(id).status())
                    .toList();
            long ok = pool.invokeAll(posts).stream()
                    .filter(r -> {
                        try {
                            return r.get() == 200;
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .count();
            assertThat(ok).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("5");
        f.assertConsistent();
    }

    @Test
    void picksFirstExpiryFirstListedInBinOrderAndShowsWhatIsShort() {
        String wh = f.warehouse("A-01-01", "A-02-01");
        String item = f.item(true);
        f.inbound(wh, item, 5, 1, "bin", "A-01-01", "batch", "LATE", "expiryDate", "2027-06-30");
        f.inbound(wh, item, 3, 1, "bin", "A-02-01", "batch", "SOON", "expiryDate", "2026-12-31");
        long so = posted("SALES_ORDER", wh, customer, null, List.of(line(item, 6, "price", 2)));

        var picks = f.api.get("/api/v1/documents/" + so + "/picking").json();
        assertThat(picks).hasSize(2);
        // Listed by bin for walking; chosen first-expiry-first: all 3 of SOON, then 3 of LATE.
        assertThat(picks.get(0).get("bin").asString()).isEqualTo("A-01-01");
        assertThat(picks.get(0).get("batch").asString()).isEqualTo("LATE");
        assertThat(picks.get(0).get("qty").decimalValue()).isEqualByComparingTo("3");
        assertThat(picks.get(1).get("bin").asString()).isEqualTo("A-02-01");
        assertThat(picks.get(1).get("batch").asString()).isEqualTo("SOON");
        assertThat(picks.get(1).get("qty").decimalValue()).isEqualByComparingTo("3");

        long big = posted("SALES_ORDER", wh, customer, null, List.of(line(item, 10, "price", 2)));
        var shortPicks = f.api.get("/api/v1/documents/" + big + "/picking").json();
        JsonNode last = shortPicks.get(shortPicks.size() - 1);
        assertThat(last.get("shortage").asBoolean()).isTrue();
        assertThat(last.get("qty").decimalValue()).isEqualByComparingTo("2");

        long receipt = posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 1, "price", 1)));
        assertThat(f.api.get("/api/v1/documents/" + receipt + "/picking").code())
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void showsTheLastPricesPaidASupplierNewestFirstToWhoMaySeePurchasePrices() {
        String wh = f.warehouse();
        String item = f.item(false);
        posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 10, "price", "3.10")));
        posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 5, "price", "2.95")));
        posted("PURCHASE_ORDER", wh, f.partner("SUPPLIER"), null, List.of(line(item, 5, "price", "9")));
        var prices = f.api.get("/api/v1/purchase-prices?supplier=" + supplier + "&item=" + item)
                .json();
        assertThat(prices).hasSize(2);
        assertThat(prices.get(0).get("price").decimalValue()).isEqualByComparingTo("2.95");
        assertThat(prices.get(1).get("price").decimalValue()).isEqualByComparingTo("3.10");
        assertThat(f.api.newUser("SALES_CLERK")
                        .get("/api/v1/purchase-prices?supplier=" + supplier + "&item=" + item)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void receivesUpToTheOverReceiptAllowanceTheCompanySet() {
        var settings = f.api.get("/api/v1/settings").json();
        assertThat(settings.get("overReceiptPercent").decimalValue()).isEqualByComparingTo("0");
        var body = new LinkedHashMap<String, Object>(Api.JSON.convertValue(settings, Map.class));
        body.put("overReceiptPercent", 10);
        expect(f.api.put("/api/v1/settings", body), 200);
        body.put("overReceiptPercent", 150);
        body.put("version", settings.get("version").asInt() + 1);
        assertThat(f.api.put("/api/v1/settings", body).status()).isEqualTo(400);

        String wh = f.warehouse();
        String item = f.item(false);
        long po = posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 10, "price", 1)));
        long twelve = expect(create("PURCHASE_RECEIPT", wh, null, po, List.of(line(item, 12, "price", 1))), 201)
                .json()
                .get("id")
                .asLong();
        assertThat(f.post(twelve).code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        posted("PURCHASE_RECEIPT", wh, null, po, List.of(line(item, 11, "price", 1)));
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("11");
    }

    @Test
    void goodsThatNeedInspectionWaitInQcUntilPassedOrReturned() {
        String wh = f.warehouse();
        String item = Api.unique("QC");
        expect(
                f.api.post(
                        "/api/v1/items", Map.of("code", item, "name", "待检原料", "unit", "pcs", "inspectOnReceipt", true)),
                201);
        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, null, List.of(line(item, 5, "price", 2)));
        JsonNode s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("5");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("0");

        f.posted("STATUS_CHANGE", wh, null, List.of(line(item, 4, "fromStatus", "QC", "status", "AVAILABLE")));
        assertThat(f.summary(item, wh).get("available").decimalValue()).isEqualByComparingTo("4");
        posted("PURCHASE_RETURN", wh, null, receipt, List.of(line(item, 1, "status", "QC")));
        s = f.summary(item, wh);
        assertThat(s.get("onHand").decimalValue()).isEqualByComparingTo("4");
        assertThat(s.get("available").decimalValue()).isEqualByComparingTo("4");
        // Editing the item without saying keeps the flag.
        var kept =
                f.api.put("/api/v1/items/" + item, Map.of("code", item, "name", "待检原料", "unit", "pcs", "version", 1));
        assertThat(kept.json().get("inspectOnReceipt").asBoolean()).isTrue();
        f.assertConsistent();
    }

    @Test
    void withScanToDeliverADeliveryPostsOnlyWhenEveryLineWasScannedRight() {
        var settings = f.api.get("/api/v1/settings").json();
        var body = new LinkedHashMap<String, Object>(Api.JSON.convertValue(settings, Map.class));
        body.put("scanToDeliver", true);
        expect(f.api.put("/api/v1/settings", body), 200);
        String wh = f.warehouse("A-01-01");
        String item = f.item(false);
        String barcode =
                f.api.get("/api/v1/items/" + item).json().get("barcodes").isEmpty()
                        ? null
                        : f.api.get("/api/v1/items/" + item)
                                .json()
                                .get("barcodes")
                                .get(0)
                                .asString();
        String other = f.item(false);
        f.inbound(wh, item, 5, 1, "bin", "A-01-01");
        f.inbound(wh, other, 5, 1);
        long delivery = expect(
                        create(
                                "SALES_DELIVERY",
                                wh,
                                customer,
                                null,
                                List.of(line(item, 2, "price", 3, "bin", "A-01-01"), line(other, 1, "price", 3))),
                        201)
                .json()
                .get("id")
                .asLong();
        assertThat(f.post(delivery).code()).isEqualTo("INVALID_STATE");

        String scan = "/api/v1/documents/" + delivery + "/scan";
        var wrongItem = f.api.post(scan, Map.of("code", f.item(false)));
        assertThat(wrongItem.code()).isEqualTo("SCAN_MISMATCH");
        var wrongBin = f.api.post(scan, Map.of("code", item, "bin", "Z-99"));
        assertThat(wrongBin.code()).isEqualTo("SCAN_MISMATCH");
        assertThat(wrongBin.json().get("detail").asString()).contains("A-01-01", "Z-99");
        expect(f.api.post(scan, Map.of("code", barcode == null ? item : barcode, "bin", "A-01-01")), 200);
        expect(f.api.post(scan, Map.of("code", item, "bin", "A-01-01")), 200);
        assertThat(f.api.post(scan, Map.of("code", item, "bin", "A-01-01")).code())
                .isEqualTo("SCAN_MISMATCH");
        assertThat(f.post(delivery).code()).isEqualTo("INVALID_STATE");
        var progress = expect(f.api.post(scan, Map.of("code", other)), 200).json();
        assertThat(progress.get(0).get("scanned").decimalValue()).isEqualByComparingTo("2");
        assertThat(progress.get(1).get("scanned").decimalValue()).isEqualByComparingTo("1");
        expect(f.post(delivery), 200);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("3");
    }

    @Test
    void buyTenGetOneAddsTheGiftLineThatMovesStockAndCostAtPriceZero() {
        String wh = f.warehouse();
        String item = f.item(false);
        String gift = f.item(false);
        f.inbound(wh, item, 40, 2);
        f.inbound(wh, gift, 5, 1);
        String code = Api.unique("PROMO");
        var promo = f.api.post(
                "/api/v1/promotions",
                Map.of(
                        "code",
                        code,
                        "name",
                        "买十送一",
                        "item",
                        item,
                        "buyQty",
                        10,
                        "giftItem",
                        gift,
                        "giftQty",
                        1,
                        "validFrom",
                        "2020-01-01",
                        "validTo",
                        "2099-12-31"));
        assertThat(promo.status()).as(promo.text()).isEqualTo(201);
        assertThat(f.api.post(
                                "/api/v1/promotions",
                                Map.of(
                                        "code",
                                        Api.unique("P"),
                                        "name",
                                        "x",
                                        "item",
                                        "NO-ITEM",
                                        "buyQty",
                                        1,
                                        "giftItem",
                                        gift,
                                        "giftQty",
                                        1,
                                        "validFrom",
                                        "2020-01-01",
                                        "validTo",
                                        "2019-12-31"))
                        .json()
                        .get("errors"))
                .hasSize(2);

        long delivery = posted("SALES_DELIVERY", wh, customer, null, List.of(line(item, 25, "price", 5)));
        var doc = f.api.get("/api/v1/documents/" + delivery).json();
        assertThat(doc.get("lines")).hasSize(2);
        var giftLine = doc.get("lines").get(1);
        assertThat(giftLine.get("item").asString()).isEqualTo(gift);
        assertThat(giftLine.get("qty").decimalValue()).isEqualByComparingTo("2");
        assertThat(giftLine.get("gift").asBoolean()).isTrue();
        assertThat(giftLine.get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(f.onHand(gift, wh)).isEqualByComparingTo("3");
        // The gift leaves at its cost, like any line.
        var moves = f.api.get("/api/v1/stock/moves?item=" + gift + "&warehouse=" + wh)
                .json()
                .get("items");
        assertThat(moves.get(moves.size() - 1).get("value").decimalValue()).isEqualByComparingTo("-2.00");
        // Gifts entered by hand are left as they are: nothing is added twice.
        long manual = posted(
                "SALES_DELIVERY", wh, customer, null, List.of(line(item, 10, "price", 5), line(gift, 1, "gift", true)));
        assertThat(f.api.get("/api/v1/documents/" + manual).json().get("lines")).hasSize(2);
        f.assertConsistent();
    }

    @Test
    void stockShowsWhatOpenOrdersWillBringInAndTakeOut() {
        String wh = f.warehouse();
        String item = f.item(false);
        long po = posted("PURCHASE_ORDER", wh, supplier, null, List.of(line(item, 10, "price", 1)));
        posted("PURCHASE_RECEIPT", wh, null, po, List.of(line(item, 4, "price", 1)));
        // A draft receipt against the order is counted by the order, not twice.
        expect(create("PURCHASE_RECEIPT", wh, null, po, List.of(line(item, 2, "price", 1))), 201);
        JsonNode s = f.summary(item, wh);
        assertThat(s.get("pendingIn").decimalValue()).isEqualByComparingTo("6");

        long so = posted("SALES_ORDER", wh, customer, null, List.of(line(item, 3, "price", 2)));
        posted("SALES_DELIVERY", wh, null, so, List.of(line(item, 1, "price", 2)));
        s = f.summary(item, wh);
        assertThat(s.get("pendingOut").decimalValue()).isEqualByComparingTo("2");
        expect(f.api.post("/api/v1/documents/" + po + "/close", Map.of()), 200);
        assertThat(f.summary(item, wh).get("pendingIn").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aCustomersPriceLevelPricesTheSalesLinesThatNameNoPrice() {
        String wh = f.warehouse();
        String item = Api.unique("LV");
        expect(
                f.api.post(
                        "/api/v1/items",
                        Map.of(
                                "code",
                                item,
                                "name",
                                "分级价商品",
                                "unit",
                                "pcs",
                                "units",
                                List.of(Map.of("unit", "box", "factor", 10)),
                                "salePrice",
                                4)),
                201);
        var bad = f.api.put("/api/v1/items/" + item + "/prices", Map.of("prices", Map.of("WHOLESALE", -1)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("prices.WHOLESALE");
        expect(f.api.put("/api/v1/items/" + item + "/prices", Map.of("prices", Map.of("WHOLESALE", 3.2))), 200);
        assertThat(f.api.get("/api/v1/items/" + item + "/prices")
                        .json()
                        .get("prices")
                        .get("WHOLESALE")
                        .decimalValue())
                .isEqualByComparingTo("3.2");

        String wholesaler = Api.unique("WS");
        expect(
                f.api.post(
                        "/api/v1/partners",
                        Map.of("code", wholesaler, "name", "批发客户", "type", "CUSTOMER", "priceLevel", "WHOLESALE")),
                201);
        var atLevel = expect(create("SALES_ORDER", wh, wholesaler, null, List.of(line(item, 2, "unit", "box"))), 201)
                .json();
        assertThat(atLevel.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("32");
        var retail = expect(create("SALES_ORDER", wh, customer, null, List.of(line(item, 2))), 201)
                .json();
        assertThat(retail.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("4");
        var named = expect(create("SALES_ORDER", wh, wholesaler, null, List.of(line(item, 1, "price", 5))), 201)
                .json();
        assertThat(named.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("5");
    }
}
