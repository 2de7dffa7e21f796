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

/** Landed costs (运费、关税) allocated onto a receipt after part of it was sold, figures by hand. */
@IntegrationTest
class LandedCostIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;
    String supplier;
    String carrier;
    String customer;
    String freight;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
        supplier = f.partner("SUPPLIER");
        carrier = f.partner("SUPPLIER");
        customer = f.partner("CUSTOMER");
        freight = Api.unique("FRT");
        expect(
                f.api.post("/api/v1/items", Map.of("code", freight, "name", "运费", "unit", "pcs", "type", "SERVICE")),
                201);
    }

    Api.Response create(Map<String, Object> body) {
        return f.api.post("/api/v1/documents", body);
    }

    long posted(Map<String, Object> body) {
        long id = expect(create(body), 201).json().get("id").asLong();
        expect(f.post(id), 200);
        return id;
    }

    Map<String, Object> doc(String type, String partner, Long source, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", type, "warehouse", wh, "partner", partner, "lines", lines));
        if (source != null) {
            body.put("sourceDocument", source);
        }
        return body;
    }

    BigDecimal value(String item) {
        return f.summary(item, wh).get("value").decimalValue();
    }

    @Test
    void freightAfterPartOfTheReceiptWasSoldGoesPartlyIntoStockAndPartlyIntoCostOfSales() {
        String average = f.item(false);
        String fifo = f.item(false, "FIFO");
        long receipt = posted(doc(
                "PURCHASE_RECEIPT",
                supplier,
                null,
                List.of(line(average, 10, "price", "10"), line(fifo, 10, "price", "30"))));
        posted(doc(
                "SALES_DELIVERY",
                customer,
                null,
                List.of(line(average, 4, "price", "20"), line(fifo, 5, "price", "50"))));

        // 80 by amount: 20 onto the 100 of the first line, 60 onto the 300 of the second. Of the first,
        // 6 of 10 units are still held: 12 into stock, 8 into cost of sales; of the second, 5 of 10: 30 and 30.
        var body = doc("LANDED_COST", carrier, receipt, List.of(line(freight, 1, "price", "80")));
        body.put("allocation", "AMOUNT");
        long landed = posted(body);
        assertThat(f.booked(landed, "1405")).isEqualByComparingTo("42");
        assertThat(f.booked(landed, "6401")).isEqualByComparingTo("38");
        assertThat(f.booked(landed, "2202")).isEqualByComparingTo("-80");
        assertThat(value(average)).isEqualByComparingTo("72");
        assertThat(value(fifo)).isEqualByComparingTo("180");
        JsonNode layer = f.api.get("/api/v1/cost-layers?item=" + fifo)
                .json()
                .get("items")
                .get(0);
        assertThat(layer.get("valueRemaining").decimalValue()).isEqualByComparingTo("180");
        assertThat(f.onHand(average, wh)).isEqualByComparingTo("6");
        assertThat(f.api.get("/api/v1/documents/" + landed)
                        .json()
                        .get("allocation")
                        .asString())
                .isEqualTo("AMOUNT");
        f.assertBooksAgree();

        // Nothing has moved since: unposting takes exactly that value off again.
        expect(f.api.post("/api/v1/documents/" + landed + "/unpost", Map.of()), 200);
        assertThat(value(average)).isEqualByComparingTo("60");
        assertThat(value(fifo)).isEqualByComparingTo("150");
        f.assertBooksAgree();

        // By quantity this time (40 and 40), and once stock has moved again it stays posted.
        body.put("allocation", "QTY");
        long byQty = posted(body);
        assertThat(value(average)).isEqualByComparingTo("84");
        assertThat(value(fifo)).isEqualByComparingTo("170");
        posted(doc("SALES_DELIVERY", customer, null, List.of(line(average, 1, "price", "20"))));
        var refused = expect(f.api.post("/api/v1/documents/" + byQty + "/unpost", Map.of()), 409);
        assertThat(refused.code()).isEqualTo("INVALID_STATE");
        f.assertBooksAgree();
    }

    @Test
    void aLandedCostChargesServicesOntoAPostedReceiptAndNothingElse() {
        String goods = f.item(false);
        long receipt = posted(doc("PURCHASE_RECEIPT", supplier, null, List.of(line(goods, 2, "price", "5"))));

        var withGoods =
                expect(create(doc("LANDED_COST", carrier, receipt, List.of(line(goods, 1, "price", "3")))), 400);
        assertThat(withGoods.text()).contains("lines[0].item");
        var withoutReceipt =
                expect(create(doc("LANDED_COST", carrier, null, List.of(line(freight, 1, "price", "3")))), 400);
        assertThat(withoutReceipt.text()).contains("sourceDocument");
        long delivery = posted(doc("SALES_DELIVERY", customer, null, List.of(line(goods, 1, "price", "9"))));
        var onDelivery =
                expect(create(doc("LANDED_COST", carrier, delivery, List.of(line(freight, 1, "price", "3")))), 400);
        assertThat(onDelivery.text()).contains("sourceDocument");
        var noPrice = expect(create(doc("LANDED_COST", carrier, receipt, List.of(line(freight, 1)))), 400);
        assertThat(noPrice.text()).contains("lines[0].price");

        // Weight needs weights: the receipt's item has none.
        var body = doc("LANDED_COST", carrier, receipt, List.of(line(freight, 1, "price", "3")));
        body.put("allocation", "WEIGHT");
        long byWeight = expect(create(body), 201).json().get("id").asLong();
        assertThat(f.post(byWeight).code()).isEqualTo("INVALID_STATE");
        assertThat(f.api.get("/api/v1/documents/" + byWeight)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        f.assertBooksAgree();
    }

    @Test
    void aSupplierInvoiceAtAnotherPriceMovesTheDifferenceIntoHeldStockAndCostOfSales() {
        String average = f.item(false);
        String fifo = f.item(false, "FIFO");
        // Prices with 13% VAT: 10 @ 11.30 is 100 + 13; 10 @ 33.90 is 300 + 39.
        long receipt = posted(doc(
                "PURCHASE_RECEIPT",
                supplier,
                null,
                List.of(
                        line(average, 10, "price", "11.30", "taxRate", "0.13"),
                        line(fifo, 10, "price", "33.90", "taxRate", "0.13"))));
        posted(doc(
                "SALES_DELIVERY",
                customer,
                null,
                List.of(line(average, 4, "price", "20"), line(fifo, 5, "price", "50"))));

        // Invoiced at 12.43 (110 + 14.30) and 31.64 (280 + 36.40): +10 of which 6 for the six held, and
        // −20 of which −10 for the five held; VAT +1.30 and −2.60; payable −8.70 net.
        long invoice = posted(doc(
                "SUPPLIER_INVOICE",
                supplier,
                receipt,
                List.of(
                        line(average, 10, "price", "12.43", "taxRate", "0.13"),
                        line(fifo, 10, "price", "31.64", "taxRate", "0.13"))));
        assertThat(value(average)).isEqualByComparingTo("66");
        assertThat(value(fifo)).isEqualByComparingTo("140");
        assertThat(f.booked(invoice, "1405")).isEqualByComparingTo("-4");
        assertThat(f.booked(invoice, "6401")).isEqualByComparingTo("-6");
        assertThat(f.booked(invoice, "2221")).isEqualByComparingTo("-1.30");
        assertThat(f.booked(invoice, "2202")).isEqualByComparingTo("11.30");
        f.assertBooksAgree();

        // Invoiced once: a second invoice for the same lines finds nothing open.
        long again = expect(
                        create(doc("SUPPLIER_INVOICE", supplier, receipt, List.of(line(average, 1, "price", "12")))),
                        201)
                .json()
                .get("id")
                .asLong();
        assertThat(f.post(again).code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        var noPrice = expect(create(doc("SUPPLIER_INVOICE", supplier, receipt, List.of(line(average, 1)))), 400);
        assertThat(noPrice.text()).contains("lines[0].price");
        var noReceipt =
                expect(create(doc("SUPPLIER_INVOICE", supplier, null, List.of(line(average, 1, "price", "1")))), 400);
        assertThat(noReceipt.text()).contains("sourceDocument");
        // The invoiced receipt is not unposted under its invoice.
        assertThat(expect(f.api.post("/api/v1/documents/" + receipt + "/unpost", Map.of()), 409)
                        .code())
                .isEqualTo("INVALID_STATE");

        // Nothing moved since: unposting the invoice takes the differences off again.
        expect(f.api.post("/api/v1/documents/" + invoice + "/unpost", Map.of()), 200);
        assertThat(value(average)).isEqualByComparingTo("60");
        assertThat(value(fifo)).isEqualByComparingTo("150");
        f.assertBooksAgree();
    }
}
