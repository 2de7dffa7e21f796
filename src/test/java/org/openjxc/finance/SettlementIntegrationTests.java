package org.openjxc.finance;

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
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Receipts and payments settling open documents oldest first, advances, ageing, cancelling. */
@IntegrationTest
class SettlementIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;
    String item;
    String customer;
    String supplier;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
        item = f.item(false);
        // Stocked a year back, so that the deliveries dated months ago had the goods on their dates.
        var stocked = new LinkedHashMap<String, Object>(
                Map.of("type", "OTHER_INBOUND", "warehouse", wh, "lines", List.of(line(item, 100, "price", "1"))));
        stocked.put("date", LocalDate.now().minusYears(1).toString());
        expect(
                f.post(expect(f.api.post("/api/v1/documents", stocked), 201)
                        .json()
                        .get("id")
                        .asLong()),
                200);
        customer = Api.unique("CUS");
        expect(
                f.api.post(
                        "/api/v1/partners",
                        Map.of("code", customer, "name", "月结客户", "type", "CUSTOMER", "paymentTermsDays", 30)),
                201);
        supplier = Api.unique("SUP");
        expect(f.api.post("/api/v1/partners", Map.of("code", supplier, "name", "供应商", "type", "SUPPLIER")), 201);
    }

    long posted(String type, String partner, LocalDate date, Long source, int qty, String price) {
        var body = new LinkedHashMap<String, Object>(Map.of(
                "type",
                type,
                "warehouse",
                wh,
                "partner",
                partner,
                "date",
                date.toString(),
                "lines",
                List.of(line(item, qty, "price", price))));
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

    JsonNode settle(String kind, String partner, String amount) {
        return expect(
                        f.api.post("/api/v1/settlements", Map.of("kind", kind, "partner", partner, "amount", amount)),
                        201)
                .json();
    }

    /** Open amount per document, as plain text ("90"). */
    Map<Long, String> open(String partner, String kind) {
        Map<Long, String> result = new LinkedHashMap<>();
        for (JsonNode i : f.api.get("/api/v1/partners/" + partner + "/open-items?kind=" + kind)
                .json()
                .get("items")) {
            result.put(
                    i.get("document").asLong(),
                    i.get("open").decimalValue().stripTrailingZeros().toPlainString());
        }
        return result;
    }

    BigDecimal receivable() {
        return f.api.get("/api/v1/partners/" + customer + "/balance")
                .json()
                .get("receivable")
                .decimalValue();
    }

    @Test
    void aReceiptSettlesTheOldestDeliveriesFirstAndCancellingTakesItBack() {
        long old = posted("SALES_DELIVERY", customer, today.minusDays(100), null, 10, "10");
        long mid = posted("SALES_DELIVERY", customer, today.minusDays(40), null, 5, "10");
        long recent = posted("SALES_DELIVERY", customer, today, null, 3, "10");
        var ret = new LinkedHashMap<String, Object>(Map.of(
                "type",
                "SALES_RETURN",
                "warehouse",
                wh,
                "sourceDocument",
                old,
                "lines",
                List.of(line(item, 1, "price", "10", "status", "AVAILABLE"))));
        expect(
                f.post(expect(f.api.post("/api/v1/documents", ret), 201)
                        .json()
                        .get("id")
                        .asLong()),
                200);
        assertThat(open(customer, "RECEIPT"))
                .containsExactly(Map.entry(old, "90"), Map.entry(mid, "50"), Map.entry(recent, "30"));
        assertThat(receivable()).isEqualByComparingTo("170");

        JsonNode first = settle("RECEIPT", customer, "120");
        assertThat(first.get("number").asString()).startsWith("SKD-");
        assertThat(first.get("allocations")).hasSize(2);
        assertThat(first.get("unallocated").decimalValue()).isEqualByComparingTo("0");
        assertThat(open(customer, "RECEIPT")).containsExactly(Map.entry(mid, "20"), Map.entry(recent, "30"));
        assertThat(receivable()).isEqualByComparingTo("50");
        JsonNode voucher = f.api.get(
                        "/api/v1/vouchers?document=" + first.get("number").asString())
                .json()
                .get("items")
                .get(0);
        assertThat(voucher.get("documentType").asString()).isEqualTo("RECEIPT");
        assertThat(voucher.get("lines").get(0).get("account").asString()).isEqualTo("1002");

        // Due 30 days after the document: the middle one is 10 days overdue, the recent one not due.
        JsonNode ageing =
                f.api.get("/api/v1/reports/ageing?kind=RECEIPT").json().get("items");
        JsonNode row = find(ageing, customer);
        assertThat(row.get("days1to30").decimalValue()).isEqualByComparingTo("20");
        assertThat(row.get("notDue").decimalValue()).isEqualByComparingTo("30");
        assertThat(row.get("total").decimalValue()).isEqualByComparingTo("50");

        // The statement: brought forward, each document and receipt with the running balance.
        JsonNode st = f.api.get(
                        "/api/v1/partners/" + customer + "/statement?from=" + today.minusDays(50) + "&to=" + today)
                .json();
        assertThat(st.get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(st.get("opening").decimalValue()).isEqualByComparingTo("100");
        assertThat(st.get("lines")).hasSize(4);
        assertThat(st.get("closing").decimalValue()).isEqualByComparingTo("50");
        var sheet = expect(
                f.api.get("/api/v1/partners/" + customer + "/statement?format=xlsx&from=" + today.minusDays(50)), 200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheet.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(6);
            assertThat(workbook.getSheetAt(0).getRow(6).getCell(5).getNumericCellValue())
                    .isEqualTo(50.0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        // A settled delivery cannot be unposted.
        var refused = expect(f.api.post("/api/v1/documents/" + mid + "/unpost", Map.of()), 409);
        assertThat(refused.text()).contains(first.get("number").asString());

        // More than is open: the rest is an advance.
        JsonNode second = settle("RECEIPT", customer, "100");
        assertThat(second.get("unallocated").decimalValue()).isEqualByComparingTo("50");
        assertThat(open(customer, "RECEIPT")).isEmpty();
        row = find(f.api.get("/api/v1/reports/ageing?kind=RECEIPT").json().get("items"), customer);
        assertThat(row.get("advance").decimalValue()).isEqualByComparingTo("50");
        assertThat(row.get("net").decimalValue()).isEqualByComparingTo("-50");
        assertThat(receivable()).isEqualByComparingTo("-50");

        // Cancelling the first gives its 120 back to the documents it settled.
        String number = first.get("number").asString();
        assertThat(expect(f.api.post("/api/v1/settlements/" + number + "/cancel", Map.of()), 200)
                        .json()
                        .get("cancelled")
                        .asBoolean())
                .isTrue();
        assertThat(open(customer, "RECEIPT")).containsExactly(Map.entry(old, "90"), Map.entry(mid, "30"));
        assertThat(receivable()).isEqualByComparingTo("70");
        expect(f.api.post("/api/v1/settlements/" + number + "/cancel", Map.of()), 409);
        for (JsonNode check : f.api.get("/api/v1/reconciliation").json().get("checks")) {
            assertThat(check.get("difference").decimalValue())
                    .as(check.toString())
                    .isEqualByComparingTo("0");
        }
    }

    @Test
    void aPaymentSettlesWhatIsOwedToASupplier() {
        long receipt = posted("PURCHASE_RECEIPT", supplier, today, null, 10, "5");
        JsonNode payment = settle("PAYMENT", supplier, "20");
        assertThat(payment.get("number").asString()).startsWith("FKD-");
        assertThat(open(supplier, "PAYMENT")).containsExactly(Map.entry(receipt, "30"));
        assertThat(f.api.get("/api/v1/partners/" + supplier + "/balance")
                        .json()
                        .get("payable")
                        .decimalValue())
                .isEqualByComparingTo("30");
        JsonNode ageing =
                f.api.get("/api/v1/reports/ageing?kind=PAYMENT").json().get("items");
        assertThat(find(ageing, supplier).get("total").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void wrongInputIsRefusedNextToItsFieldAndWritesNothing() {
        var wrongRole =
                f.api.post("/api/v1/settlements", Map.of("kind", "RECEIPT", "partner", supplier, "amount", "5"));
        assertThat(wrongRole.status()).isEqualTo(400);
        assertThat(wrongRole.text()).contains("\"partner\"");
        var badAccount = f.api.post(
                "/api/v1/settlements",
                Map.of("kind", "RECEIPT", "partner", customer, "amount", "5", "account", "6001"));
        assertThat(badAccount.text()).contains("\"account\"");
        var zero = f.api.post("/api/v1/settlements", Map.of("kind", "RECEIPT", "partner", customer, "amount", "0"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text()).contains("amount");
        assertThat(f.api.get("/api/v1/settlements").json().get("total").asLong())
                .isZero();
        assertThat(f.api.newUser("WAREHOUSE_CLERK")
                        .post("/api/v1/settlements", Map.of("kind", "RECEIPT", "partner", customer, "amount", "5"))
                        .status())
                .isEqualTo(403);

        // Not into a closed month.
        java.time.YearMonth last = java.time.YearMonth.now().minusMonths(1);
        expect(f.api.post("/api/v1/periods/" + last + "/close", Map.of()), 200);
        var closed = f.api.post(
                "/api/v1/settlements",
                Map.of(
                        "kind",
                        "RECEIPT",
                        "partner",
                        customer,
                        "amount",
                        "5",
                        "date",
                        last.atDay(3).toString()));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("PERIOD_CLOSED");
        assertThat(f.api.get("/api/v1/settlements").json().get("total").asLong())
                .isZero();
    }

    @Test
    void thePagesEnterAReceiptShowWhatItSettledAndAgeWhatIsOpen() {
        posted("SALES_DELIVERY", customer, today.minusDays(100), null, 10, "10");
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, Api.ADMIN_PASSWORD);
        assertThat(web.page("/reports/ageing"))
                .contains("账龄分析")
                .contains("月结客户")
                .contains("100.00");

        // A wrong amount comes back beside its field; nothing is written.
        var refused = web.form(
                "/settlements",
                "/settlements",
                Map.of("kind", "RECEIPT", "partner", customer, "amount", "-1", "account", "1002"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("is-invalid");
        assertThat(f.api.get("/api/v1/settlements").json().get("total").asLong())
                .isZero();

        var posted = web.form(
                "/settlements",
                "/settlements",
                Map.of(
                        "kind",
                        "RECEIPT",
                        "partner",
                        customer,
                        "amount",
                        "60",
                        "account",
                        "1001",
                        "date",
                        today.toString()));
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String number = location.substring(location.lastIndexOf('/') + 1);
        String page = web.page("/settlements/" + number);
        assertThat(page)
                .contains(number)
                .contains("XSCK-")
                .contains("1001 库存现金")
                .contains("60.00");
        assertThat(web.page("/settlements")).contains(number);
        assertThat(web.page("/reports/ageing")).contains("40.00");
        assertThat(web.page("/partners/" + customer + "/statement?from=" + today.minusDays(200)))
                .contains("对账单")
                .contains(number)
                .contains("40.00");

        web.form("/settlements/" + number, "/settlements/" + number + "/cancel", Map.of());
        assertThat(web.page("/settlements/" + number)).contains("已作废");
    }

    private static JsonNode find(JsonNode rows, String partner) {
        for (JsonNode r : rows) {
            if (r.get("partner").asString().equals(partner)) {
                return r;
            }
        }
        throw new AssertionError(partner + " not in " + rows);
    }
}
