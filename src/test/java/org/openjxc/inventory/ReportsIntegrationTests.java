package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Report figures checked against a small history computed by hand. */
@IntegrationTest
class ReportsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static final LocalDate TODAY = LocalDate.now();

    private long posted(
            Api api, String type, LocalDate date, String warehouse, String to, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", type, "date", date.toString(), "warehouse", warehouse, "lines", lines));
        if (to != null) {
            body.put("toWarehouse", to);
        }
        var created = expect(api.post("/api/v1/documents", body), 201);
        long id = created.json().get("id").asLong();
        expect(api.post("/api/v1/documents/" + id + "/post", Map.of()), 200);
        return id;
    }

    /**
     * By hand, item x in W: day −10 in 10 at 2.00 (value 20); day −5 out 4 at 2.00 (−8); day −3 in
     * 6 at 3.00 (+18, average 2.50); day −2 out 1 posted and unposted (nothing); day −1 transfer of
     * 2 to W2 at 2.50 (−5), received. So as of day −6: 10 / 20; as of day −4: 6 / 12; today W 10 /
     * 25 and W2 2 / 5. From day −5: opening 10 / 20, in 6 (other inbound) / 18, out 4 (other
     * outbound) + 2 (transfer) / 13, closing 10 / 25.
     */
    @Test
    void stockAsOfAnyDateAndThePeriodsInAndOutMatchTheHandComputedHistory() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String w2 = f.warehouse();
        String x = f.item(false);
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(10), w, null, List.of(line(x, 10, "price", "2.00")));
        posted(admin, "OTHER_OUTBOUND", TODAY.minusDays(5), w, null, List.of(line(x, 4)));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(3), w, null, List.of(line(x, 6, "price", "3.00")));
        long undone = posted(admin, "OTHER_OUTBOUND", TODAY.minusDays(2), w, null, List.of(line(x, 1)));
        expect(admin.post("/api/v1/documents/" + undone + "/unpost", Map.of()), 200);
        long transfer = posted(admin, "TRANSFER", TODAY.minusDays(1), w, w2, List.of(line(x, 2)));
        expect(admin.post("/api/v1/documents/" + transfer + "/receive", Map.of()), 200);

        assertThat(balance(admin, TODAY.minusDays(6), x)).containsExactly(w + " 10 20.00");
        assertThat(balance(admin, TODAY.minusDays(4), x)).containsExactly(w + " 6 12.00");
        assertThat(balance(admin, TODAY, x)).containsExactlyInAnyOrder(w + " 10 25.00", w2 + " 2 5.00");

        JsonNode period = admin.get(
                        "/api/v1/reports/in-out-summary?item=" + x + "&from=" + TODAY.minusDays(5) + "&to=" + TODAY)
                .json();
        Map<String, JsonNode> byWarehouse = new HashMap<>();
        period.get("items").forEach(r -> byWarehouse.put(r.get("warehouse").asString(), r));
        JsonNode r = byWarehouse.get(w);
        assertThat(r.get("openingQty").decimalValue()).isEqualByComparingTo("10");
        assertThat(r.get("openingValue").decimalValue()).isEqualByComparingTo("20");
        assertThat(r.get("inQty").decimalValue()).isEqualByComparingTo("6");
        assertThat(r.get("inValue").decimalValue()).isEqualByComparingTo("18");
        assertThat(r.get("inByType").get("OTHER_INBOUND").decimalValue()).isEqualByComparingTo("6");
        assertThat(r.get("outQty").decimalValue()).isEqualByComparingTo("6");
        assertThat(r.get("outValue").decimalValue()).isEqualByComparingTo("13");
        assertThat(r.get("outByType").get("OTHER_OUTBOUND").decimalValue()).isEqualByComparingTo("4");
        assertThat(r.get("outByType").get("TRANSFER").decimalValue()).isEqualByComparingTo("2");
        assertThat(r.get("closingQty").decimalValue()).isEqualByComparingTo("10");
        assertThat(r.get("closingValue").decimalValue()).isEqualByComparingTo("25");
        JsonNode arrived = byWarehouse.get(w2);
        assertThat(arrived.get("inByType").get("TRANSFER").decimalValue())
                .as("arrival in transit and receipt count once")
                .isEqualByComparingTo("2");
        assertThat(arrived.get("closingQty").decimalValue()).isEqualByComparingTo("2");

        // Excel: the same figures
        var xlsx = admin.get("/api/v1/reports/stock-balance?format=xlsx&item=" + x + "&warehouse=" + w);
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(x);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(10.0);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(25.0);
        }
        expect(admin.get("/api/v1/reports/in-out-summary?format=xlsx&item=" + x), 200);
        expect(admin.get("/api/v1/reports/in-out-summary?from=" + TODAY + "&to=" + TODAY.minusDays(1)), 400);

        // scope and cost: a user of W2 sees W2 only, and no values without VIEW_COST
        Api store = admin.newUser(Map.of("warehouses", List.of(w2)), "STORE_MANAGER");
        JsonNode seen =
                store.get("/api/v1/reports/stock-balance?item=" + x).json().get("items");
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.get(0).get("warehouse").asString()).isEqualTo(w2);
        assertThat(seen.get(0).get("value").isNull()).isTrue();
    }

    /**
     * By hand: x received 100 at 1.00 on day −60, 40 delivered on day −30 → over the last 90 days
     * cost of sales 40, average stock (0 + 60) / 2 = 30, turnover 1.33, 40 / 90 a day, so 60 last
     * 135 days. y received 10 at 5.00 on day −120 and never left: slow-moving and dead, not x.
     */
    /**
     * By hand: moving-average m in W gets 10 on day −100, 10 on day −40, 5 on day −5 (all at 10) and
     * 12 go out today, so the 13 on hand are the latest receipts: 5 of 0–30 days, 8 of 31–60 (a
     * status change today is not a receipt). FIFO f gets 10 at 5 on day −400 and 10 at 7 on day −10,
     * 4 go out of the oldest: 6 over 365 days (30) and 10 of 0–30 (70).
     */
    @Test
    void stockAgeingByReceiptLayerMatchesTheHandComputedReceipts() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String m = f.item(false);
        String fifo = f.item(false, "FIFO");
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(100), w, null, List.of(line(m, 10, "price", "10")));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(40), w, null, List.of(line(m, 10, "price", "10")));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(5), w, null, List.of(line(m, 5, "price", "10")));
        posted(admin, "OTHER_OUTBOUND", TODAY, w, null, List.of(line(m, 12)));
        posted(
                admin,
                "STATUS_CHANGE",
                TODAY,
                w,
                null,
                List.of(line(m, 2, "fromStatus", "AVAILABLE", "status", "FROZEN")));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(400), w, null, List.of(line(fifo, 10, "price", "5")));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(10), w, null, List.of(line(fifo, 10, "price", "7")));
        posted(admin, "OTHER_OUTBOUND", TODAY, w, null, List.of(line(fifo, 4)));

        var rows = expect(admin.get("/api/v1/reports/stock-ageing?warehouse=" + w), 200)
                .json()
                .get("items");
        assertThat(rows).hasSize(2);
        // Oldest first: the FIFO item's layer of day −400.
        var first = rows.get(0);
        assertThat(first.get("item").asString()).isEqualTo(fifo);
        assertThat(first.get("qty").decimalValue()).isEqualByComparingTo("16");
        assertThat(first.get("value").decimalValue()).isEqualByComparingTo("100");
        assertThat(first.get("qtyByAge").toString()).isEqualTo("[10,0,0,0,0,6]");
        assertThat(first.get("valueByAge").get(5).decimalValue()).isEqualByComparingTo("30");
        assertThat(first.get("oldest").asString())
                .isEqualTo(TODAY.minusDays(400).toString());
        var second = rows.get(1);
        assertThat(second.get("item").asString()).isEqualTo(m);
        assertThat(second.get("qtyByAge").toString()).isEqualTo("[5,8,0,0,0,0]");
        assertThat(second.get("valueByAge").get(1).decimalValue()).isEqualByComparingTo("80");
        assertThat(second.get("oldest").asString())
                .isEqualTo(TODAY.minusDays(40).toString());

        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        assertThat(web.page("/reports/stock-ageing?warehouse=" + w))
                .contains("库龄分析")
                .contains("31–60 天")
                .contains(m);
        var file = web.get("/reports/stock-ageing?format=xlsx&warehouse=" + w);
        assertThat(file.statusCode()).isEqualTo(200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(fifo);
            assertThat(sheet.getRow(1).getCell(15).getNumericCellValue()).isEqualTo(6.0);
        }
    }

    @Test
    void theHomePageListsWhatWaitsForEachPerson() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String w2 = f.warehouse();
        String item = f.item(false);
        f.inbound(w, item, 10, "2");
        var settings = new java.util.HashMap<String, Object>(
                Api.JSON.convertValue(admin.get("/api/v1/settings").json(), Map.class));
        settings.put("requireApproval", Map.of("OTHER_INBOUND", true));
        expect(admin.put("/api/v1/settings", settings), 200);
        Api manager = admin.newUser("STORE_MANAGER");

        // The admin enters and submits a receipt that needs approval: the manager approves it, not the admin.
        long receipt = f.draft("OTHER_INBOUND", w, null, List.of(line(item, 5, "price", "2")))
                .get("id")
                .asLong();
        expect(admin.post("/api/v1/documents/" + receipt + "/submit", Map.of()), 200);
        assertThat(kinds(admin, receipt)).doesNotContain("TO_APPROVE");
        assertThat(kinds(manager, receipt)).containsExactly("TO_APPROVE");
        expect(manager.post("/api/v1/documents/" + receipt + "/approve", Map.of()), 200);
        // Approved: posting is the manager's too, the creator's duties being kept apart.
        assertThat(kinds(manager, receipt)).containsExactly("TO_POST");
        assertThat(kinds(admin, receipt)).isEmpty();

        // A transfer shipped to W2 waits to be received; a count waits to be counted by someone else.
        long transfer = posted(admin, "TRANSFER", TODAY, w, w2, List.of(line(item, 3)));
        assertThat(kinds(admin, transfer)).containsExactly("TO_RECEIVE");
        expect(manager.post("/api/v1/counts", Map.of("warehouse", w, "kind", "FULL")), 201);
        var adminTasks = admin.get("/api/v1/reports/tasks").json();
        assertThat(adminTasks.toString()).contains("TO_COUNT").contains("\"link\":\"/documents/" + transfer + "\"");
        assertThat(manager.get("/api/v1/reports/tasks").json().toString()).doesNotContain("TO_COUNT");

        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        String home = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD)
                .page("/");
        assertThat(home).contains("我的待办").contains("待收货").contains("待盘点").contains("本月毛利");
        expect(admin.post("/api/v1/documents/" + transfer + "/receive", Map.of()), 200);
        assertThat(kinds(admin, transfer)).isEmpty();
    }

    /** The kinds of task a user has for one document. */
    private static List<String> kinds(Api user, long document) {
        List<String> kinds = new java.util.ArrayList<>();
        for (var t : user.get("/api/v1/reports/tasks").json()) {
            if (t.get("link").asString().equals("/documents/" + document)) {
                kinds.add(t.get("kind").asString());
            }
        }
        return kinds;
    }

    @Test
    void turnoverDaysOfSupplyAndSlowStockMatchTheHandComputedHistory() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String x = f.item(false);
        String y = f.item(false);
        String customer = Api.unique("C");
        expect(admin.post("/api/v1/partners", Map.of("code", customer, "name", "客户", "type", "CUSTOMER")), 201);
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(60), w, null, List.of(line(x, 100, "price", "1.00")));
        posted(admin, "OTHER_INBOUND", TODAY.minusDays(120), w, null, List.of(line(y, 10, "price", "5.00")));
        var delivery = new LinkedHashMap<String, Object>(Map.of(
                "type",
                "SALES_DELIVERY",
                "date",
                TODAY.minusDays(30).toString(),
                "warehouse",
                w,
                "partner",
                customer,
                "lines",
                List.of(line(x, 40, "price", "2.00"))));
        long id = expect(admin.post("/api/v1/documents", delivery), 201)
                .json()
                .get("id")
                .asLong();
        expect(admin.post("/api/v1/documents/" + id + "/post", Map.of()), 200);

        JsonNode turnover = admin.get("/api/v1/reports/turnover?item=" + x)
                .json()
                .get("items")
                .get(0);
        assertThat(turnover.get("soldQty").decimalValue()).isEqualByComparingTo("40");
        assertThat(turnover.get("costOfSales").decimalValue()).isEqualByComparingTo("40");
        assertThat(turnover.get("averageStockValue").decimalValue()).isEqualByComparingTo("30");
        assertThat(turnover.get("turnover").decimalValue()).isEqualByComparingTo("1.33");
        assertThat(turnover.get("daysOfSupply").decimalValue()).isEqualByComparingTo("135");
        assertThat(turnover.get("lastOutbound").asString())
                .isEqualTo(TODAY.minusDays(30).toString());

        JsonNode slow = admin.get("/api/v1/reports/slow-moving?days=90&warehouse=" + w)
                .json()
                .get("items");
        assertThat(slow.size()).isEqualTo(1);
        assertThat(slow.get(0).get("item").asString()).isEqualTo(y);
        assertThat(slow.get(0).get("lastOutbound").isNull()).isTrue();
        JsonNode capital =
                admin.get("/api/v1/reports/capital?top=2&warehouse=" + w).json().get("items");
        assertThat(capital.get(0).get("item").asString()).isEqualTo(x);
        assertThat(capital.get(1).get("item").asString()).isEqualTo(y);
        expect(admin.get("/api/v1/reports/slow-moving?days=0"), 400);
    }

    /**
     * By hand: x costs 2.00; customer A (华东, 小王) takes 4 at 5.00 (revenue 20, cost 8) and
     * returns 1 (−5, −2); customer B (华南, 小李) takes 2 at 3.00 (6, 4). Item x: 21 − 10 = 11,
     * 52.4 %. A: 15 − 6 = 9, B: 6 − 4 = 2; 华东 9, 华南 2; 小王 9, 小李 2.
     */
    @Test
    void marginsByItemCustomerRegionAndSalespersonMatchTheHandComputedSales() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String x = f.item(false);
        f.inbound(w, x, 10, "2.00");
        String a = Api.unique("CA");
        String b = Api.unique("CB");
        expect(
                admin.post(
                        "/api/v1/partners",
                        Map.of("code", a, "name", "甲", "type", "CUSTOMER", "region", "华东", "salesperson", "小王")),
                201);
        expect(
                admin.post(
                        "/api/v1/partners",
                        Map.of("code", b, "name", "乙", "type", "CUSTOMER", "region", "华南", "salesperson", "小李")),
                201);
        long toA = deliver(admin, w, a, x, 4, "5.00");
        deliver(admin, w, b, x, 2, "3.00");
        var back = new LinkedHashMap<String, Object>(Map.of(
                "type",
                "SALES_RETURN",
                "warehouse",
                w,
                "sourceDocument",
                toA,
                "lines",
                List.of(line(x, 1, "price", "5.00"))));
        long returned = expect(admin.post("/api/v1/documents", back), 201)
                .json()
                .get("id")
                .asLong();
        expect(admin.post("/api/v1/documents/" + returned + "/post", Map.of()), 200);

        JsonNode byItem = admin.get("/api/v1/reports/margin?groupBy=item").json();
        JsonNode row = byItem.get(0);
        assertThat(row.get("key").asString()).isEqualTo(x);
        assertThat(row.get("revenue").decimalValue()).isEqualByComparingTo("21");
        assertThat(row.get("cost").decimalValue()).isEqualByComparingTo("10");
        assertThat(row.get("margin").decimalValue()).isEqualByComparingTo("11");
        assertThat(row.get("marginPercent").decimalValue()).isEqualByComparingTo("52.4");
        assertThat(margins(admin, "customer")).containsExactly(a + " 9.00", b + " 2.00");
        assertThat(margins(admin, "region")).containsExactly("华东 9.00", "华南 2.00");
        assertThat(margins(admin, "salesperson")).containsExactly("小王 9.00", "小李 2.00");
        // The item has no category: one column "-", a row per region with its margin and percent.
        assertThat(margins(admin, "category")).containsExactly("- 11.00");
        JsonNode cells = admin.get("/api/v1/reports/margin-heatmap").json().get("items");
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).get("region").asString()).isEqualTo("华东");
        assertThat(cells.get(0).get("margin").decimalValue()).isEqualByComparingTo("9");
        assertThat(cells.get(0).get("marginPercent").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(cells.get(1).get("marginPercent").decimalValue()).isEqualByComparingTo("33.3");
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        String page = org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD)
                .page("/reports/margin-heatmap");
        assertThat(page).contains("毛利热力图").contains("华南").contains("33.3%").contains("hsl(130");
        // The trend: this month's 21 of sales, 10 of cost, 11 of margin; an empty month before it.
        JsonNode trend = admin.get("/api/v1/reports/trend?months=2").json().get("items");
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0).get("revenue").decimalValue()).isEqualByComparingTo("0");
        assertThat(trend.get(1).get("month").asString())
                .isEqualTo(java.time.YearMonth.now().toString());
        assertThat(trend.get(1).get("revenue").decimalValue()).isEqualByComparingTo("21");
        assertThat(trend.get(1).get("cost").decimalValue()).isEqualByComparingTo("10");
        assertThat(trend.get(1).get("margin").decimalValue()).isEqualByComparingTo("11");
        expect(admin.get("/api/v1/reports/trend?months=0"), 400);
        assertThat(org.openjxc.support.WebSession.login(port, adminName, Api.ADMIN_PASSWORD)
                        .page("/reports/trend"))
                .contains("经营趋势")
                .contains("trend-chart")
                .contains("21.00");
        expect(admin.get("/api/v1/reports/margin?groupBy=colour"), 400);
        expect(admin.newUser("WAREHOUSE_CLERK").get("/api/v1/reports/margin"), 403);
        expect(admin.newUser("WAREHOUSE_CLERK").get("/api/v1/reports/margin-heatmap"), 403);
    }

    private long deliver(Api api, String warehouse, String customer, String item, int qty, String price) {
        var body = new LinkedHashMap<String, Object>(Map.of(
                "type",
                "SALES_DELIVERY",
                "warehouse",
                warehouse,
                "partner",
                customer,
                "lines",
                List.of(line(item, qty, "price", price))));
        long id = expect(api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
        expect(api.post("/api/v1/documents/" + id + "/post", Map.of()), 200);
        return id;
    }

    private static List<String> margins(Api api, String groupBy) {
        List<String> rows = new ArrayList<>();
        api.get("/api/v1/reports/margin?groupBy=" + groupBy)
                .json()
                .forEach(r -> rows.add(r.get("key").asString() + " "
                        + r.get("margin").decimalValue().setScale(2).toPlainString()));
        return rows;
    }

    @Test
    void theDocumentTraceCountsWhatEachPersonDidIncludingDeletedDrafts() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String x = f.item(false);
        long kept = f.draft("OTHER_INBOUND", w, null, List.of(line(x, 1, "price", "1")))
                .get("id")
                .asLong();
        var edit = new LinkedHashMap<String, Object>(Map.of(
                "type", "OTHER_INBOUND", "warehouse", w, "lines", List.of(line(x, 2, "price", "1")), "version", 1));
        expect(admin.put("/api/v1/documents/" + kept, edit), 200);
        expect(admin.post("/api/v1/documents/" + kept + "/post", Map.of()), 200);
        expect(admin.post("/api/v1/documents/" + kept + "/unpost", Map.of()), 200);
        long dropped = f.draft("OTHER_INBOUND", w, null, List.of(line(x, 1, "price", "1")))
                .get("id")
                .asLong();
        expect(admin.delete("/api/v1/documents/" + dropped), 204);
        String me = admin.get("/api/v1/account").json().get("username").asString();

        JsonNode trace = admin.get("/api/v1/reports/document-trace?user=" + me).json();
        assertThat(trace.size()).isEqualTo(1);
        JsonNode row = trace.get(0);
        assertThat(row.get("documentType").asString()).isEqualTo("OTHER_INBOUND");
        assertThat(row.get("created").asLong()).isEqualTo(2);
        assertThat(row.get("edited").asLong()).isEqualTo(1);
        assertThat(row.get("posted").asLong()).isEqualTo(1);
        assertThat(row.get("unposted").asLong()).isEqualTo(1);
        assertThat(row.get("deleted").asLong()).isEqualTo(1);
        expect(admin.newUser("WAREHOUSE_CLERK").get("/api/v1/reports/document-trace"), 403);
    }

    /**
     * By hand: a batch worth 10 expires in 10 days and never went out, b worth 30 never went
     * out, c worth 60 after 40 was delivered at cost. Stock 100: expiring 0.10, idle 0.40 (a and
     * b), annual turnover 40 × 365 / 90 / 100 = 1.62; score 100 − 4 − 16 − 20 × 0.595 = 68.
     */
    @Test
    void theHealthScoreFollowsItsPublishedFormula() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse();
        String a = f.item(true);
        String b = f.item(false);
        String c = f.item(false);
        f.inbound(
                w,
                a,
                10,
                "1.00",
                "batch",
                "B1",
                "expiryDate",
                TODAY.plusDays(10).toString());
        f.inbound(w, b, 30, "1.00");
        f.inbound(w, c, 100, "1.00");
        String customer = Api.unique("C");
        expect(admin.post("/api/v1/partners", Map.of("code", customer, "name", "客户", "type", "CUSTOMER")), 201);
        deliver(admin, w, customer, c, 40, "2.00");
        JsonNode row = null;
        for (JsonNode r : admin.get("/api/v1/reports/health").json()) {
            if (r.get("warehouse").asString().equals(w)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("stockValue").decimalValue()).isEqualByComparingTo("100");
        assertThat(row.get("expiringShare").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(row.get("idleShare").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(row.get("annualTurnover").decimalValue()).isEqualByComparingTo("1.62");
        assertThat(row.get("score").decimalValue()).isEqualByComparingTo("68");
        expect(admin.newUser("WAREHOUSE_CLERK").get("/api/v1/reports/health"), 403);
    }

    @Test
    void alertsPointAtWhatNeedsAPerson() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse("A-01", "Z-01");
        String w2 = f.warehouse();
        String low = Api.unique("I");
        expect(admin.post("/api/v1/items", Map.of("code", low, "name", "安全库存品", "unit", "pcs", "safetyStock", 5)), 201);
        f.inbound(w, low, 1, "1.00");
        String batch = f.item(true);
        f.inbound(
                w,
                batch,
                3,
                "1.00",
                "batch",
                "B1",
                "expiryDate",
                TODAY.plusDays(10).toString());
        String aside = f.item(false);
        f.inbound(w, aside, 2, "1.00", "bin", "Z-01");
        long transfer = f.posted("TRANSFER", w, w2, List.of(line(low, 1)));

        JsonNode alerts = admin.get("/api/v1/reports/alerts").json().get("items");
        List<String> seen = new ArrayList<>();
        alerts.forEach(a -> seen.add(a.get("kind").asString() + " "
                + (a.get("item").isNull()
                        ? a.get("documentNumber").asString()
                        : a.get("item").asString())));
        assertThat(seen).contains("BELOW_SAFETY_STOCK " + low, "EXPIRING " + batch, "NOT_AVAILABLE_STOCK " + aside);
        assertThat(seen.stream().anyMatch(s -> s.startsWith("IN_TRANSIT "))).isTrue();
        assertThat(alerts.toString()).contains("\"document\":" + transfer);
        // a user of the other warehouse sees only what concerns it
        Api other = admin.newUser(Map.of("warehouses", List.of(w2)), "STORE_MANAGER");
        JsonNode theirs = other.get("/api/v1/reports/alerts").json().get("items");
        assertThat(theirs.size()).isPositive();
        theirs.forEach(
                a -> assertThat(a.get("warehouse").asString()).as(a.toString()).isEqualTo(w2));
        assertThat(seen.stream().anyMatch(s -> s.startsWith("NEGATIVE_STOCK "))).isFalse();

        // A company that allows negative stock is shown where it went below zero.
        var settings = new java.util.HashMap<String, Object>(
                Api.JSON.convertValue(admin.get("/api/v1/settings").json(), Map.class));
        settings.put("allowNegativeStock", true);
        expect(admin.put("/api/v1/settings", settings), 200);
        f.posted("OTHER_OUTBOUND", w, null, List.of(line(aside, 5, "bin", "Z-01")));
        assertThat(admin.get("/api/v1/reports/alerts").json().toString())
                .contains("\"kind\":\"NEGATIVE_STOCK\",\"item\":\"" + aside + "\"");
    }

    private static List<String> balance(Api api, LocalDate date, String item) {
        List<String> rows = new ArrayList<>();
        api.get("/api/v1/reports/stock-balance?date=" + date + "&item=" + item)
                .json()
                .get("items")
                .forEach(r -> rows.add(r.get("warehouse").asString() + " "
                        + r.get("qty").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + r.get("value").decimalValue().setScale(2).toPlainString()));
        return rows;
    }
}
