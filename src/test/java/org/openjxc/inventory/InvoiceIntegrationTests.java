package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
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

/** Customer invoices (开票): receivables at delivery or at invoice, returns, what is left to invoice. */
@IntegrationTest
class InvoiceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;
    String customer;
    String item;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
        customer = f.partner("CUSTOMER");
        item = f.item(false);
        f.inbound(wh, item, 20, "6");
    }

    long posted(String type, Long source, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", type, "warehouse", wh, "partner", customer, "lines", lines));
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

    /** Posts an invoice for one more unit of the delivery's line: the answer. */
    Api.Response invoiceOneMore(long delivery, String price) {
        long id = expect(
                        f.api.post(
                                "/api/v1/documents",
                                Map.of(
                                        "type",
                                        "SALES_INVOICE",
                                        "warehouse",
                                        wh,
                                        "sourceDocument",
                                        delivery,
                                        "lines",
                                        List.of(line(item, 1, "price", price)))),
                        201)
                .json()
                .get("id")
                .asLong();
        return f.post(id);
    }

    BigDecimal receivable() {
        return f.api.get("/api/v1/partners/" + customer + "/balance")
                .json()
                .get("receivable")
                .decimalValue();
    }

    void revenueAtInvoice(boolean on, int status) {
        var settings = new HashMap<String, Object>(
                Api.JSON.convertValue(f.api.get("/api/v1/settings").json(), Map.class));
        settings.put("revenueAtInvoice", on);
        var r = f.api.put("/api/v1/settings", settings);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
    }

    JsonNode uninvoiced() {
        return f.api.get("/api/v1/reports/uninvoiced?side=SALES").json().get("items");
    }

    @Test
    void receivablesAtDeliveryAnInvoiceAtAnotherPriceBooksOnlyTheDifference() {
        // 10 @ 11.30 with 13% VAT: 100 + 13 owed at delivery.
        long delivery = posted("SALES_DELIVERY", null, List.of(line(item, 10, "price", "11.30", "taxRate", "0.13")));
        assertThat(receivable()).isEqualByComparingTo("113");
        assertThat(uninvoiced()).hasSize(1);
        assertThat(uninvoiced().get(0).get("openQty").decimalValue()).isEqualByComparingTo("10");
        assertThat(uninvoiced().get(0).get("openAmount").decimalValue()).isEqualByComparingTo("113");

        // Invoiced at 11.86: 118.60 = 104.96 + 13.64, so 4.96 more revenue and 0.64 more VAT.
        long invoice = posted(
                "SALES_INVOICE",
                delivery,
                List.of(line(item, 10, "price", "11.86", "taxRate", "0.13", "sourceLine", 1)));
        assertThat(f.booked(invoice, "1122")).isEqualByComparingTo("5.60");
        assertThat(f.booked(invoice, "6001")).isEqualByComparingTo("-4.96");
        assertThat(f.booked(invoice, "2221")).isEqualByComparingTo("-0.64");
        assertThat(receivable()).isEqualByComparingTo("118.60");
        assertThat(uninvoiced()).isEmpty();
        // The stock did not move.
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("10");
        f.assertBooksAgree();

        // Invoiced in full: nothing more, and the delivery is not unposted under its invoice.
        assertThat(invoiceOneMore(delivery, "11").code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");
        assertThat(expect(f.api.post("/api/v1/documents/" + delivery + "/unpost", Map.of()), 409)
                        .code())
                .isEqualTo("INVALID_STATE");
        expect(f.api.post("/api/v1/documents/" + invoice + "/unpost", Map.of()), 200);
        assertThat(receivable()).isEqualByComparingTo("113");
        f.assertBooksAgree();
        // Chosen before the first delivery: not any more.
        revenueAtInvoice(true, 400);
    }

    @Test
    void revenueAtInvoiceWaitsForTheInvoiceAndAReturnCreditsOnlyWhatWasInvoiced() {
        revenueAtInvoice(true, 200);
        long delivery = posted("SALES_DELIVERY", null, List.of(line(item, 10, "price", "11.30", "taxRate", "0.13")));
        // Only the cost of sales at delivery: 10 × 6.
        assertThat(f.booked(delivery, "1122")).isEqualByComparingTo("0");
        assertThat(f.booked(delivery, "6401")).isEqualByComparingTo("60");
        assertThat(receivable()).isEqualByComparingTo("0");
        assertThat(uninvoiced().get(0).get("openAmount").decimalValue()).isEqualByComparingTo("113");

        long invoice = posted("SALES_INVOICE", delivery, List.of(line(item, 6, "price", "11.30", "taxRate", "0.13")));
        assertThat(f.booked(invoice, "1122")).isEqualByComparingTo("67.80");
        assertThat(f.booked(invoice, "6001")).isEqualByComparingTo("-60");
        assertThat(f.booked(invoice, "2221")).isEqualByComparingTo("-7.80");
        assertThat(uninvoiced().get(0).get("openQty").decimalValue()).isEqualByComparingTo("4");
        f.assertBooksAgree();

        // Five come back: four were never invoiced, one was: 10 + 1.30 is credited.
        long returned = posted("SALES_RETURN", delivery, List.of(line(item, 5, "price", "11.30", "taxRate", "0.13")));
        assertThat(f.booked(returned, "1122")).isEqualByComparingTo("-11.30");
        assertThat(f.booked(returned, "6001")).isEqualByComparingTo("10");
        assertThat(receivable()).isEqualByComparingTo("56.50");
        assertThat(uninvoiced()).isEmpty();
        f.assertBooksAgree();
        // Nothing is left to invoice.
        assertThat(invoiceOneMore(delivery, "11.30").code()).isEqualTo("OPEN_QUANTITY_EXCEEDED");

        // Unposting the return takes its credit back; the four are to invoice again.
        expect(f.api.post("/api/v1/documents/" + returned + "/unpost", Map.of()), 200);
        assertThat(receivable()).isEqualByComparingTo("67.80");
        assertThat(uninvoiced().get(0).get("openQty").decimalValue()).isEqualByComparingTo("4");
        f.assertBooksAgree();

        // The customer pays what was invoiced: the receipt settles the delivery with its invoice, and
        // the invoice cannot be unposted under it.
        JsonNode open =
                f.api.get("/api/v1/partners/" + customer + "/open-items").json().get("items");
        assertThat(open.get(0).get("open").decimalValue()).as(open.toString()).isEqualByComparingTo("67.80");
        var paid = expect(
                        f.api.post(
                                "/api/v1/settlements",
                                Map.of("kind", "RECEIPT", "partner", customer, "amount", "67.80")),
                        201)
                .json();
        assertThat(paid.get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("67.80");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/open-items")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(f.api.post("/api/v1/documents/" + invoice + "/unpost", Map.of())
                        .code())
                .isEqualTo("INVALID_STATE");
        f.assertBooksAgree();
        revenueAtInvoice(false, 400);
    }
}
