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

/** Vouchers written by posting, mirrored by unposting, balancing; partner balances; stock vs books. */
@IntegrationTest
class FinanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
    }

    long posted(String type, String wh, String partner, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", wh, "lines", lines));
        if (partner != null) {
            body.put("partner", partner);
        }
        long id = expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
        expect(f.post(id), 200);
        return id;
    }

    /**
     * Created and posted in one call, a document books exactly what it books created and then
     * posted: the one-call path uses the lines as written (at their columns' scale) and the value
     * the ledger just wrote instead of reading them back. Odd factors, four-decimal quantities,
     * six-decimal prices and VAT, in two warehouses that see the same sequence.
     */
    @Test
    void createdAndPostedAtOnceBooksWhatCreatedThenPostedBooks() {
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");
        String item = Api.unique("I");
        expect(
                f.api.post(
                        "/api/v1/items",
                        Map.of(
                                "code",
                                item,
                                "name",
                                "商品 " + item,
                                "unit",
                                "pcs",
                                "taxRate",
                                "0.13",
                                "units",
                                List.of(Map.of("unit", "pack", "factor", "0.25")))),
                201);
        List<Map<String, Object>> steps = List.of(
                Map.of(
                        "type",
                        "PURCHASE_RECEIPT",
                        "partner",
                        supplier,
                        "lines",
                        List.of(
                                line(item, "7.3332", "unit", "pack", "price", "12.345678"),
                                line(item, "3.0001", "price", "4.999999", "taxRate", "0.09"))),
                Map.of("type", "OTHER_OUTBOUND", "lines", List.of(line(item, "0.3336", "unit", "pack"))),
                Map.of(
                        "type",
                        "SALES_DELIVERY",
                        "partner",
                        customer,
                        "lines",
                        List.of(
                                line(item, "1.1111", "price", "9.876543"),
                                line(item, "0.5", "unit", "pack", "price", "3"))),
                Map.of("type", "OTHER_INBOUND", "lines", List.of(line(item, "2.2222", "price", "0.123457"))));
        String twoCalls = f.warehouse();
        String oneCall = f.warehouse();
        for (Map<String, Object> step : steps) {
            var body = new LinkedHashMap<String, Object>(step);
            body.put("warehouse", twoCalls);
            long a = draft(body);
            expect(f.post(a), 200);
            body.put("warehouse", oneCall);
            long b = expect(f.api.post("/api/v1/documents?post=true", body), 201)
                    .json()
                    .get("id")
                    .asLong();
            assertThat(booked(b)).as(step.get("type").toString()).isEqualTo(booked(a));
            assertThat(lines(b)).isEqualTo(lines(a));
            assertThat(header(b)).isEqualTo(header(a));
        }
        assertThat(moves(item, oneCall)).isEqualTo(moves(item, twoCalls));
        f.assertBooksAgree();
    }

    /** Debit less credit per account over the document's vouchers. */
    private Map<String, BigDecimal> booked(long document) {
        Map<String, BigDecimal> booked = new java.util.TreeMap<>();
        for (JsonNode v : vouchers(document)) {
            for (JsonNode l : v.get("lines")) {
                booked.merge(
                        l.get("account").asString(),
                        l.get("debit")
                                .decimalValue()
                                .subtract(l.get("credit").decimalValue())
                                .stripTrailingZeros(),
                        BigDecimal::add);
            }
        }
        return booked;
    }

    /** What posting leaves on the header: status, version, who submitted and posted it, and when. */
    private List<String> header(long document) {
        JsonNode d = f.api.get("/api/v1/documents/" + document).json();
        return List.of(
                d.get("status").asString(),
                d.get("version").toString(),
                d.get("submittedBy").asString(),
                d.get("postedBy").asString(),
                Boolean.toString(d.get("postedAt").isNull()));
    }

    private List<String> lines(long document) {
        return f.api.get("/api/v1/documents/" + document)
                .json()
                .get("lines")
                .valueStream()
                .map(l -> l.get("baseQty").decimalValue().stripTrailingZeros() + " " + l.get("amount") + " "
                        + l.get("taxAmount") + " " + l.get("netAmount"))
                .toList();
    }

    private List<String> moves(String item, String warehouse) {
        return f.api.get("/api/v1/stock/moves?size=100&item=" + item + "&warehouse=" + warehouse)
                .json()
                .get("items")
                .valueStream()
                .map(m -> m.get("qty").decimalValue().stripTrailingZeros() + " "
                        + m.get("unitCost").decimalValue().stripTrailingZeros() + " "
                        + m.get("value").decimalValue().stripTrailingZeros())
                .toList();
    }

    /** A draft of the given body; answers its id. */
    long draft(Map<String, Object> body) {
        return expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
    }

    JsonNode vouchers(long document) {
        return expect(f.api.get("/api/v1/vouchers?sourceDocument=" + document), 200)
                .json();
    }

    static void assertBalanced(JsonNode voucher) {
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonNode l : voucher.get("lines")) {
            debit = debit.add(l.get("debit").decimalValue());
            credit = credit.add(l.get("credit").decimalValue());
        }
        assertThat(debit).isEqualByComparingTo(credit);
    }

    BigDecimal amount(JsonNode voucher, String account, String side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : voucher.get("lines")) {
            if (l.get("account").asString().equals(account)) {
                sum = sum.add(l.get(side).decimalValue());
            }
        }
        return sum;
    }

    @Test
    void receiptsAndDeliveriesPostBalancedVouchersThatUnpostMirrorsAndBooksAgreeWithStock() {
        String wh = f.warehouse();
        String item = f.item(false);
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");

        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", 3)));
        JsonNode rv = vouchers(receipt).get(0);
        assertBalanced(rv);
        assertThat(amount(rv, "1405", "debit")).isEqualByComparingTo("30");
        assertThat(amount(rv, "2202", "credit")).isEqualByComparingTo("30");
        assertThat(f.api.get("/api/v1/partners/" + supplier + "/balance")
                        .json()
                        .get("payable")
                        .decimalValue())
                .isEqualByComparingTo("30");

        long delivery = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 4, "price", 5)));
        JsonNode dv = vouchers(delivery).get(0);
        assertBalanced(dv);
        assertThat(amount(dv, "1122", "debit")).isEqualByComparingTo("20");
        assertThat(amount(dv, "6001", "credit")).isEqualByComparingTo("20");
        assertThat(amount(dv, "6401", "debit")).isEqualByComparingTo("12");
        assertThat(amount(dv, "1405", "credit")).isEqualByComparingTo("12");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("20");
        assertStockAgreesWithBooks();

        expect(f.api.post("/api/v1/documents/" + delivery + "/unpost", Map.of()), 200);
        JsonNode both = vouchers(delivery);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).get("reversalOf").asLong())
                .isEqualTo(dv.get("id").asLong());
        assertBalanced(both.get(1));
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertStockAgreesWithBooks();

        // Other issues and customer returns keep the books with the stock too.
        posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        long again = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 2, "price", 5)));
        long ret = draft(Map.of(
                "type",
                "SALES_RETURN",
                "warehouse",
                wh,
                "sourceDocument",
                again,
                "lines",
                List.of(line(item, 1, "price", 5))));
        expect(f.post(ret), 200);
        JsonNode back = vouchers(ret).get(0);
        assertBalanced(back);
        assertThat(amount(back, "1122", "credit")).isEqualByComparingTo("5");
        assertThat(amount(back, "1405", "debit")).isEqualByComparingTo("3");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("5");
        assertStockAgreesWithBooks();
    }

    @Test
    void aCustomerOverTheCreditLimitIsRefusedOrWarnedAsTheCompanySays() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 100, 1);
        String customer = Api.unique("CRD");
        expect(
                f.api.post(
                        "/api/v1/partners",
                        Map.of("code", customer, "name", "赊账客户", "type", "CUSTOMER", "creditLimit", 100)),
                201);
        var settings = f.api.get("/api/v1/settings").json();
        var body = new LinkedHashMap<String, Object>(Api.JSON.convertValue(settings, Map.class));
        body.put("creditControl", "BLOCK");
        expect(f.api.put("/api/v1/settings", body), 200);

        long order = posted("SALES_ORDER", wh, customer, List.of(line(item, 16, "price", 5))); // 80 open
        long second = draft(Map.of(
                "type",
                "SALES_ORDER",
                "warehouse",
                wh,
                "partner",
                customer,
                "lines",
                List.of(line(item, 5, "price", 5))));
        var refused = f.post(second); // 80 open + 25 > 100
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(refused.text()).contains("105");

        // Delivering the first order moves its 80 from open orders to the receivable: still 80.
        long delivery = draft(Map.of(
                "type",
                "SALES_DELIVERY",
                "warehouse",
                wh,
                "sourceDocument",
                order,
                "lines",
                List.of(line(item, 16, "price", 5))));
        expect(f.post(delivery), 200);
        // Not more than the order has open, though.
        long more = draft(Map.of(
                "type",
                "SALES_DELIVERY",
                "warehouse",
                wh,
                "sourceDocument",
                order,
                "lines",
                List.of(line(item, 1, "price", 5))));
        assertThat(f.post(more).code()).isIn("OPEN_QUANTITY_EXCEEDED", "INVALID_STATE");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("80");
        assertThat(f.post(second).code()).isEqualTo("CREDIT_LIMIT_EXCEEDED");

        body = new LinkedHashMap<String, Object>(
                Api.JSON.convertValue(f.api.get("/api/v1/settings").json(), Map.class));
        body.put("creditControl", "WARN");
        expect(f.api.put("/api/v1/settings", body), 200);
        expect(f.post(second), 200);
        assertThat(f.api.get("/api/v1/audit-log?action=CREDIT_WARNING")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void vatIsSeparatedFromPricesBookedTo2221AndKeptOutOfStockValueAndRevenue() {
        String wh = f.warehouse();
        String item = Api.unique("VAT");
        expect(
                f.api.post("/api/v1/items", Map.of("code", item, "name", "含税商品", "unit", "pcs", "taxRate", "0.13")),
                201);
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");

        // Prices include VAT by default: 10 × 11.30 = 113.00 is 100.00 and 13.00 of input VAT.
        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", "11.30")));
        JsonNode line =
                f.api.get("/api/v1/documents/" + receipt).json().get("lines").get(0);
        assertThat(line.get("taxRate").decimalValue()).isEqualByComparingTo("0.13");
        assertThat(line.get("taxAmount").decimalValue()).isEqualByComparingTo("13.00");
        assertThat(line.get("netAmount").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode rv = vouchers(receipt).get(0);
        assertBalanced(rv);
        assertThat(amount(rv, "1405", "debit")).isEqualByComparingTo("100");
        assertThat(amount(rv, "2221", "debit")).isEqualByComparingTo("13");
        assertThat(amount(rv, "2202", "credit")).isEqualByComparingTo("113");
        assertThat(f.summary(item, wh).get("value").decimalValue()).isEqualByComparingTo("100");

        // 4 × 22.60 = 90.40: revenue 80.00, output VAT 10.40, cost 4 × 10 = 40.
        long delivery = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 4, "price", "22.60")));
        JsonNode dv = vouchers(delivery).get(0);
        assertBalanced(dv);
        assertThat(amount(dv, "1122", "debit")).isEqualByComparingTo("90.40");
        assertThat(amount(dv, "6001", "credit")).isEqualByComparingTo("80");
        assertThat(amount(dv, "2221", "credit")).isEqualByComparingTo("10.40");
        assertThat(amount(dv, "6401", "debit")).isEqualByComparingTo("40");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("90.40");

        // Prices without VAT, and a line's own rate: 10 × 10 = 100 plus 9% = 109 payable.
        var settings = new LinkedHashMap<String, Object>(
                Api.JSON.convertValue(f.api.get("/api/v1/settings").json(), Map.class));
        assertThat(settings.get("pricesIncludeTax")).isEqualTo(true);
        settings.put("pricesIncludeTax", false);
        expect(f.api.put("/api/v1/settings", settings), 200);
        long second =
                posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", "10", "taxRate", "0.09")));
        JsonNode sv = vouchers(second).get(0);
        assertThat(amount(sv, "1405", "debit")).isEqualByComparingTo("100");
        assertThat(amount(sv, "2221", "debit")).isEqualByComparingTo("9");
        assertThat(amount(sv, "2202", "credit")).isEqualByComparingTo("109");

        // A return to the supplier gives the VAT back too.
        long back = draft(Map.of(
                "type",
                "PURCHASE_RETURN",
                "warehouse",
                wh,
                "sourceDocument",
                second,
                "lines",
                List.of(line(item, 1, "price", "10", "taxRate", "0.09"))));
        expect(f.post(back), 200);
        JsonNode bv = vouchers(back).get(0);
        assertBalanced(bv);
        assertThat(amount(bv, "2221", "credit")).isEqualByComparingTo("0.90");
        assertStockAgreesWithBooks();

        // A rate outside 0..1 is refused next to the field and writes nothing.
        var bad = f.api.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "PURCHASE_RECEIPT",
                        "warehouse",
                        wh,
                        "partner",
                        supplier,
                        "lines",
                        List.of(line(item, 1, "price", "1", "taxRate", "13"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("lines[0].taxRate");
    }

    @Test
    void voucherRulesBookRevenueVatAndIssuesToTheAccountsTheCompanyChose() throws Exception {
        String wh = f.warehouse();
        String item = Api.unique("VR");
        expect(
                f.api.post("/api/v1/items", Map.of("code", item, "name", "规则商品", "unit", "pcs", "taxRate", "0.13")),
                201);
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");
        assertThat(f.api.get("/api/v1/accounts").text()).contains("22210102").contains("销项税额");

        expect(f.api.put("/api/v1/voucher-rules", Map.of("role", "OUTPUT_TAX", "account", "22210102")), 200);
        expect(f.api.put("/api/v1/voucher-rules", Map.of("role", "INPUT_TAX", "account", "22210101")), 200);
        expect(
                f.api.put(
                        "/api/v1/voucher-rules",
                        Map.of("documentType", "SALES_DELIVERY", "role", "REVENUE", "account", "6051")),
                200);
        expect(f.api.post("/api/v1/accounts", Map.of("code", "560201", "name", "办公用品")), 200);
        expect(
                f.api.put(
                        "/api/v1/voucher-rules",
                        Map.of("documentType", "OTHER_OUTBOUND", "role", "ADJUSTMENT", "account", "560201")),
                200);

        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", "11.30")));
        assertThat(amount(vouchers(receipt).get(0), "22210101", "debit")).isEqualByComparingTo("13");
        long delivery = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 2, "price", "22.60")));
        JsonNode dv = vouchers(delivery).get(0);
        assertThat(amount(dv, "6051", "credit")).isEqualByComparingTo("40");
        assertThat(amount(dv, "22210102", "credit")).isEqualByComparingTo("5.20");
        assertThat(amount(dv, "6001", "credit")).isEqualByComparingTo("0");
        long issue = posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        assertThat(amount(vouchers(issue).get(0), "560201", "debit")).isEqualByComparingTo("10");
        assertStockAgreesWithBooks();

        // Unknown accounts and types, malformed codes and orphans are refused beside their field.
        var unknown = f.api.put("/api/v1/voucher-rules", Map.of("role", "REVENUE", "account", "9999"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"account\"");
        assertThat(f.api.put(
                                "/api/v1/voucher-rules",
                                Map.of("documentType", "FOO", "role", "REVENUE", "account", "6001"))
                        .text())
                .contains("documentType");
        assertThat(f.api.post("/api/v1/accounts", Map.of("code", "12", "name", "短"))
                        .status())
                .isEqualTo(400);
        var orphan = f.api.post("/api/v1/accounts", Map.of("code", "99990101", "name", "孤儿"));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.text()).contains("9999");
        // A rule removed falls back to the default.
        expect(f.api.put("/api/v1/voucher-rules", Map.of("role", "OUTPUT_TAX", "account", "")), 200);
        JsonNode rules = f.api.get("/api/v1/voucher-rules").json().get("items");
        for (JsonNode r : rules) {
            if (r.get("documentType").asString().equals("*")
                    && r.get("role").asString().equals("OUTPUT_TAX")) {
                assertThat(r.get("account").asString()).isEqualTo("2221");
                assertThat(r.get("builtIn").asBoolean()).isTrue();
            }
        }
        assertThat(f.api.newUser("SALES_CLERK")
                        .put("/api/v1/voucher-rules", Map.of("role", "REVENUE", "account", "6001"))
                        .status())
                .isEqualTo(403);

        String adminName = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        assertThat(web.page("/accounts")).contains("会计科目与凭证规则").contains("办公用品").contains("其他业务收入");
        var refused = web.form(
                "/accounts", "/accounts/rules", Map.of("documentType", "*", "role", "REVENUE", "account", "8888"));
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("is-invalid")
                .contains("8888");
    }

    /**
     * A server remembers the voucher rules it read; a rule changed by another server (here: in the
     * database behind this one's back) is still booked by the very next posting, in both call styles.
     */
    @Test
    void voucherRulesChangedElsewhereAreBookedByTheNextPosting() {
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 10, 2);
        long first = posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        assertThat(amount(vouchers(first).get(0), "6051", "debit")).isEqualByComparingTo("0");
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long company = jdbc.sql("select company_id from document where id = ?")
                .param(first)
                .query(Long.class)
                .single();
        jdbc.sql("insert into voucher_rule (company_id, doc_type, posting_role, account_code)"
                        + " values (?, 'OTHER_OUTBOUND', 'ADJUSTMENT', '6051')")
                .param(company)
                .update();
        long second = posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        assertThat(amount(vouchers(second).get(0), "6051", "debit")).isEqualByComparingTo("2");
        long atOnce = expect(
                        f.api.post(
                                "/api/v1/documents?post=true",
                                Map.of("type", "OTHER_OUTBOUND", "warehouse", wh, "lines", List.of(line(item, 1)))),
                        201)
                .json()
                .get("id")
                .asLong();
        assertThat(amount(vouchers(atOnce).get(0), "6051", "debit")).isEqualByComparingTo("2");
        jdbc.sql("delete from voucher_rule where company_id = ?").param(company).update();
        long after = posted("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)));
        assertThat(amount(vouchers(after).get(0), "6051", "debit")).isEqualByComparingTo("0");
        assertBalanced(vouchers(after).get(0));
        assertStockAgreesWithBooks();
    }

    @Test
    void unpostingAReceiptAfterTheAverageMovedKeepsTheBooksWithTheStock() {
        // Found by the ledger property: 14 units worth 54 average 3.857143; 4 leave for the other
        // warehouse at 15.43. The receipt's 10 units are the last ones left, so they go back out with
        // all the value left (38.57), not with the 50.00 they brought; the 11.43 stays with the
        // transferred units and the books follow, against cost of sales.
        String wh = f.warehouse();
        String other = f.warehouse();
        String item = f.item(false);
        String supplier = f.partner("SUPPLIER");
        f.inbound(wh, item, 4, 1);
        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", 5)));
        f.posted("TRANSFER", wh, other, List.of(line(item, 4)));
        expect(f.api.post("/api/v1/documents/" + receipt + "/unpost", Map.of()), 200);
        JsonNode reversal = vouchers(receipt).get(1);
        assertBalanced(reversal);
        assertThat(amount(reversal, "2202", "debit")).isEqualByComparingTo("50");
        assertThat(amount(reversal, "1405", "credit")).isEqualByComparingTo("38.57");
        assertThat(amount(reversal, "6401", "credit")).isEqualByComparingTo("11.43");
        assertStockAgreesWithBooks();
        // Posted again, it books what it brings this time, not the difference left behind.
        expect(f.post(receipt), 200);
        assertThat(amount(vouchers(receipt).get(2), "1405", "debit")).isEqualByComparingTo("50");
        assertStockAgreesWithBooks();
    }

    @Test
    void theVoucherBookListsFiltersAndExportsEveryVoucherWithItsDocument() throws Exception {
        String wh = f.warehouse();
        String item = f.item(false);
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");
        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", 3)));
        long delivery = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 4, "price", 5)));
        expect(f.api.post("/api/v1/documents/" + delivery + "/unpost", Map.of()), 200);

        JsonNode all = expect(f.api.get("/api/v1/vouchers"), 200).json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("sourceDocument").asLong()).isEqualTo(receipt);
        assertThat(first.get("documentType").asString()).isEqualTo("PURCHASE_RECEIPT");
        all.get("items").forEach(FinanceIntegrationTests::assertBalanced);

        assertThat(f.api.get("/api/v1/vouchers?account=6001")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(f.api.get("/api/v1/vouchers?partner=" + supplier)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        String number =
                f.api.get("/api/v1/documents/" + delivery).json().get("number").asString();
        JsonNode byNumber = f.api.get("/api/v1/vouchers?document=" + number).json();
        assertThat(byNumber.get("total").asLong()).isEqualTo(2);
        assertThat(byNumber.get("items").get(1).get("reversalOf").asLong())
                .isEqualTo(byNumber.get("items").get(0).get("id").asLong());
        assertThat(f.api.get("/api/v1/vouchers?to=2000-01-01")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(f.api.get("/api/v1/vouchers?size=1&page=1").json().get("items"))
                .hasSize(1);

        // One row per line, in the column order accounting software imports.
        var xlsx = expect(f.api.get("/api/v1/vouchers?format=xlsx"), 200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("凭证字");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 4 + 4);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).startsWith("采购入库 ");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("1405");
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(30.0);
        }
        // The same for 金蝶 and 用友, per period: their import templates' columns.
        String period = java.time.YearMonth.now().toString();
        var kingdee = expect(f.api.get("/api/v1/vouchers?format=xlsx&layout=kingdee&period=" + period), 200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(kingdee.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("会计期间");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("分录序号");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 4 + 4);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("1405");
            assertThat(sheet.getRow(1).getCell(11).getNumericCellValue()).isEqualTo(30.0);
        }
        var yonyou = expect(f.api.get("/api/v1/vouchers?format=xlsx&layout=yonyou&period=" + period), 200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(yonyou.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("科目编码");
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("供应商编码");
        }
        assertThat(f.api.get("/api/v1/vouchers?format=xlsx&layout=sap").code()).isEqualTo("VALIDATION_FAILED");

        String adminName = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        assertThat(web.page("/vouchers?document=" + number))
                .contains("凭证查询")
                .contains(number)
                .contains("冲销");

        // The books are the company's: not for a user limited to one warehouse, nor without VIEW_COST.
        var limited = f.api.newUser(Map.of("warehouses", List.of(wh)), "OWNER");
        assertThat(limited.get("/api/v1/vouchers").status()).isEqualTo(403);
        assertThat(f.api.newUser("WAREHOUSE_CLERK").get("/api/v1/vouchers").status())
                .isEqualTo(403);
    }

    void assertStockAgreesWithBooks() {
        var checks = f.api.get("/api/v1/reconciliation").json().get("checks");
        assertThat(checks).hasSize(3);
        assertThat(checks.get(0).get("name").asString()).isEqualTo("STOCK_VS_INVENTORY_ACCOUNT");
        for (JsonNode check : checks) {
            assertThat(check.get("difference").decimalValue())
                    .as(check.toString())
                    .isEqualByComparingTo("0");
            assertThat(check.get("documents")).isEmpty();
        }
    }

    @Test
    void aDifferenceIsShownWithItsDocumentAndTheDailyRunRaisesAnAlert() {
        String wh = f.warehouse();
        String item = f.item(false);
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");
        long receipt = posted("PURCHASE_RECEIPT", wh, supplier, List.of(line(item, 10, "price", 3)));
        long delivery = posted("SALES_DELIVERY", wh, customer, List.of(line(item, 4, "price", 5)));
        assertStockAgreesWithBooks();
        var run =
                expect(f.api.post("/api/v1/reconciliation/run", Map.of()), 200).json();
        assertThat(run.get("checks")).hasSize(3);
        assertThat(f.api.get("/api/v1/reports/alerts").text()).doesNotContain("RECONCILIATION_DIFFERENCE");

        // Someone changes a booked figure behind the system's back: the receivable of the delivery.
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long voucher = vouchers(delivery).get(0).get("id").asLong();
        jdbc.sql("update voucher_line set debit = debit + 7 where voucher_id = ? and account_code = '1122'")
                .param(voucher)
                .update();
        jdbc.sql("update voucher_line set credit = credit + 7 where voucher_id = ? and account_code = '6001'")
                .param(voucher)
                .update();

        JsonNode checks = f.api.get("/api/v1/reconciliation").json().get("checks");
        JsonNode ar = checks.get(1);
        assertThat(ar.get("name").asString()).isEqualTo("DELIVERIES_VS_AR");
        assertThat(ar.get("expected").decimalValue()).isEqualByComparingTo("20");
        assertThat(ar.get("actual").decimalValue()).isEqualByComparingTo("27");
        assertThat(ar.get("documents")).hasSize(1);
        assertThat(ar.get("documents").get(0).get("id").asLong()).isEqualTo(delivery);
        assertThat(ar.get("documents").get(0).get("difference").decimalValue()).isEqualByComparingTo("7");
        assertThat(checks.get(2).get("expected").decimalValue()).isEqualByComparingTo("30");
        assertThat(checks.get(2).get("difference").decimalValue()).isEqualByComparingTo("0");
        // As of a day before anything happened, nothing is expected nor booked.
        JsonNode before = f.api.get("/api/v1/reconciliation?date=2000-01-01")
                .json()
                .get("checks")
                .get(1);
        assertThat(before.get("actual").decimalValue()).isEqualByComparingTo("0");

        // The alert comes from the daily run, once it has seen the difference (35% of 20, over 0.5%).
        assertThat(f.api.get("/api/v1/reports/alerts").text()).doesNotContain("RECONCILIATION_DIFFERENCE");
        expect(f.api.post("/api/v1/reconciliation/run", Map.of()), 200);
        assertThat(f.api.get("/api/v1/reports/alerts").text())
                .contains("RECONCILIATION_DIFFERENCE")
                .contains("DELIVERIES_VS_AR");
        assertThat(receipt).isPositive();
    }
}
