package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Stock counts: the books' quantity is taken per position when it is counted, so business
 * going on during the count makes no false difference; blind counting, recounts beyond the
 * tolerance, freeze, and approval by someone who neither created nor counted, which posts the
 * adjustment with its voucher.
 */
@IntegrationTest
class CountingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private record Shop(Api admin, StockFixture f, String w, Api manager, Api clerk, Api approver) {}

    private Shop shop() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse("A-01", "A-02");
        return new Shop(
                admin,
                f,
                w,
                admin.newUser("STORE_MANAGER"),
                admin.newUser("WAREHOUSE_CLERK"),
                admin.newUser("STORE_MANAGER"));
    }

    private static Map<String, Object> count(String w, Object... more) {
        var body = new LinkedHashMap<String, Object>(Map.of("warehouse", w, "kind", "FULL"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> entry(String bin, String item, Object qty, Object... more) {
        var body = new LinkedHashMap<String, Object>(Map.of("bin", bin, "item", item, "qty", qty));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void businessDuringTheCountMakesNoFalseDifferenceAndApprovalPostsTheAdjustment() {
        Shop s = shop();
        String x = s.f().item(false);
        String y = s.f().item(false);
        String z = s.f().item(false);
        s.f().inbound(s.w(), x, 10, "4.00", "bin", "A-01");
        s.f().inbound(s.w(), y, 5, "6.00", "bin", "A-02");
        var created = s.manager().post("/api/v1/counts", count(s.w(), "blind", true));
        expect(created, 201);
        long id = created.json().get("id").asLong();
        String path = "/api/v1/counts/" + id;
        assertThat(created.json().get("lines").asLong()).isEqualTo(2);
        assertThat(created.json().get("number").asString()).startsWith("PD-");

        // the shop sells 3 of x before anyone counts it: the count takes the books as they are then
        s.f().posted("OTHER_OUTBOUND", s.w(), null, List.of(line(x, 3, "bin", "A-01")));
        JsonNode countedX = expect(s.clerk().post(path + "/entries", entry("A-01", x, 7)), 200)
                .json();
        assertThat(countedX.get("systemQty").isNull()).as("blind").isTrue();
        // y is counted short by one; then a delivery of 2 arrives before the approval
        expect(s.clerk().post(path + "/entries", entry("A-02", y, 4)), 200);
        s.f().inbound(s.w(), y, 2, "6.00", "bin", "A-02");
        // z was found on a shelf where the books have nothing
        expect(s.clerk().post(path + "/entries", entry("A-01", z, 2)), 200);

        var ownEntry = s.manager().post(path + "/entries", entry("A-01", x, 7));
        expect(ownEntry, 403);
        assertThat(ownEntry.code()).isEqualTo("SEGREGATION_OF_DUTIES");

        JsonNode lines = s.manager().get(path + "/lines").json().get("items");
        Map<String, JsonNode> byItem = new HashMap<>();
        lines.forEach(l -> byItem.put(l.get("item").asString(), l));
        assertThat(byItem.get(x).get("systemQty").decimalValue()).isEqualByComparingTo("7");
        assertThat(byItem.get(x).get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(byItem.get(y).get("systemQty").decimalValue()).isEqualByComparingTo("5");
        assertThat(byItem.get(y).get("difference").decimalValue()).isEqualByComparingTo("-1");
        assertThat(byItem.get(z).get("listed").asBoolean()).isFalse();

        JsonNode differences = s.manager().get(path + "/lines?differences=true").json();
        assertThat(differences.get("total").asLong()).isEqualTo(2);
        JsonNode yVariance =
                differences.get("items").get(0).get("item").asString().equals(y)
                        ? differences.get("items").get(0)
                        : differences.get("items").get(1);
        assertThat(yVariance.get("recentMoves").size()).isGreaterThanOrEqualTo(1);
        expect(
                s.manager()
                        .put(
                                path + "/lines/" + yVariance.get("line").asInt() + "/cause",
                                Map.of("cause", "MISSED_OUTBOUND", "note", "赠品未开单")),
                200);

        expect(s.clerk().post(path + "/submit", Map.of()), 200);
        var ownApproval = s.manager().post(path + "/approve", Map.of());
        expect(ownApproval, 403);
        assertThat(ownApproval.code()).isEqualTo("SEGREGATION_OF_DUTIES");
        expect(s.clerk().post(path + "/approve", Map.of()), 403);
        JsonNode approved =
                expect(s.approver().post(path + "/approve", Map.of()), 200).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        long adjustment = approved.get("adjustmentDocument").asLong();
        JsonNode doc = s.admin().get("/api/v1/documents/" + adjustment).json();
        assertThat(doc.get("type").asString()).isEqualTo("COUNT_ADJUSTMENT");
        assertThat(doc.get("status").asString()).isEqualTo("POSTED");

        assertThat(s.f().onHand(x, s.w())).isEqualByComparingTo("7");
        assertThat(s.f().onHand(y, s.w())).isEqualByComparingTo("6");
        assertThat(s.f().onHand(z, s.w())).isEqualByComparingTo("2");
        s.f().assertConsistent();
        JsonNode vouchers =
                s.admin().get("/api/v1/vouchers?sourceDocument=" + adjustment).json();
        assertThat(vouchers.size()).isEqualTo(1);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonNode l : vouchers.get(0).get("lines")) {
            debit = debit.add(l.get("debit").decimalValue());
            credit = credit.add(l.get("credit").decimalValue());
        }
        assertThat(debit).isEqualByComparingTo(credit);
        assertThat(vouchers.get(0).toString()).contains("1901").contains("1405");

        JsonNode accuracy = s.admin().get("/api/v1/reports/count-accuracy").json();
        assertThat(accuracy.toString())
                .contains(s.w())
                .contains(java.time.LocalDate.now().toString().substring(0, 7));
        long total = 0;
        long wrong = 0;
        for (JsonNode a : accuracy) {
            total += a.get("lines").asLong();
            wrong += a.get("differences").asLong();
        }
        assertThat(total).isEqualTo(3);
        assertThat(wrong).isEqualTo(2);
        JsonNode responsibility =
                s.admin().get("/api/v1/reports/count-responsibility").json();
        assertThat(responsibility.toString()).contains("MISSED_OUTBOUND");
    }

    @Test
    void aCountBeyondTheToleranceIsCountedAgainAndEverythingMustBeCounted() {
        Shop s = shop();
        String x = s.f().item(false);
        String y = s.f().item(false);
        s.f().inbound(s.w(), x, 10, "4.00", "bin", "A-01");
        s.f().inbound(s.w(), y, 3, "4.00", "bin", "A-02");
        long id = expect(s.manager().post("/api/v1/counts", count(s.w(), "tolerancePercent", 10)), 201)
                .json()
                .get("id")
                .asLong();
        String path = "/api/v1/counts/" + id;
        JsonNode first = expect(s.clerk().post(path + "/entries", entry("A-01", x, 8)), 200)
                .json();
        assertThat(first.get("needsRecount").asBoolean()).isTrue();
        var notDone = s.clerk().post(path + "/submit", Map.of());
        expect(notDone, 409);
        assertThat(notDone.text()).contains("\"uncounted\":1").contains("\"recounts\":1");
        JsonNode recount = expect(s.clerk().post(path + "/entries", entry("A-01", x, 9)), 200)
                .json();
        assertThat(recount.get("needsRecount").asBoolean()).isFalse();
        assertThat(recount.get("finalQty").decimalValue()).isEqualByComparingTo("9");
        // piece by piece: two counters scanning the same shelf add up
        Api second = s.admin().newUser("WAREHOUSE_CLERK");
        expect(s.clerk().post(path + "/entries", entry("A-02", y, 1, "add", true)), 200);
        JsonNode added = expect(second.post(path + "/entries", entry("A-02", y, 2, "add", true)), 200)
                .json();
        assertThat(added.get("countedQty").decimalValue()).isEqualByComparingTo("3");
        expect(s.clerk().post(path + "/submit", Map.of()), 200);
        expect(s.approver().post(path + "/approve", Map.of()), 200);
        assertThat(s.f().onHand(x, s.w())).isEqualByComparingTo("9");
        assertThat(s.f().onHand(y, s.w())).isEqualByComparingTo("3");

        // bad input changes nothing
        long other = expect(s.manager().post("/api/v1/counts", count(s.w())), 201)
                .json()
                .get("id")
                .asLong();
        var unknown = s.clerk().post("/api/v1/counts/" + other + "/entries", entry("Z-99", "NO-SUCH", 1));
        expect(unknown, 400);
        assertThat(unknown.text()).contains("\"field\":\"bin\"").contains("\"field\":\"item\"");
        expect(s.clerk().post("/api/v1/counts/" + other + "/entries", entry("A-01", x, -1)), 400);
        var adHoc = s.manager().post("/api/v1/counts", Map.of("warehouse", s.w(), "kind", "AD_HOC"));
        expect(adHoc, 400);
        expect(s.manager().post("/api/v1/counts/" + id + "/cancel", Map.of()), 409);
    }

    @Test
    void aFrozenCountHoldsPostingsIntoItsBinsUntilItEnds() {
        Shop s = shop();
        String x = s.f().item(false);
        s.f().inbound(s.w(), x, 10, "4.00", "bin", "A-01");
        s.f().inbound(s.w(), x, 10, "4.00", "bin", "A-02");
        long id = expect(
                        s.manager()
                                .post(
                                        "/api/v1/counts",
                                        Map.of(
                                                "warehouse",
                                                s.w(),
                                                "kind",
                                                "AD_HOC",
                                                "binFrom",
                                                "A-01",
                                                "binTo",
                                                "A-01",
                                                "freeze",
                                                true)),
                        201)
                .json()
                .get("id")
                .asLong();
        long held = s.f().draft("OTHER_OUTBOUND", s.w(), null, List.of(line(x, 1, "bin", "A-01")))
                .get("id")
                .asLong();
        var refused = s.f().post(held);
        expect(refused, 409);
        assertThat(refused.text()).contains("PD-");
        s.f().posted("OTHER_OUTBOUND", s.w(), null, List.of(line(x, 1, "bin", "A-02")));
        expect(s.manager().post("/api/v1/counts/" + id + "/cancel", Map.of()), 200);
        expect(s.f().post(held), 200);
        assertThat(s.f().onHand(x, s.w())).isEqualByComparingTo("18");
    }

    @Test
    void itemsAreClassifiedByConsumptionValueAndPlansMakeCycleCounts() {
        Shop s = shop();
        String a = s.f().item(false);
        String b = s.f().item(false);
        String c = s.f().item(false);
        String d = s.f().item(false);
        for (String item : List.of(a, b, c, d)) {
            s.f().inbound(s.w(), item, 100, "1.00", "bin", "A-01");
        }
        s.f().posted("OTHER_OUTBOUND", s.w(), null, List.of(line(a, 80, "bin", "A-01")));
        s.f().posted("OTHER_OUTBOUND", s.w(), null, List.of(line(b, 15, "bin", "A-01")));
        s.f().posted("OTHER_OUTBOUND", s.w(), null, List.of(line(c, 5, "bin", "A-01")));
        JsonNode sizes = expect(s.admin().post("/api/v1/items/abc-classification", Map.of()), 200)
                .json();
        assertThat(sizes.get("A").asInt()).isEqualTo(1);
        assertThat(s.admin().get("/api/v1/items/" + a).json().get("abcClass").asString())
                .isEqualTo("A");
        assertThat(s.admin().get("/api/v1/items/" + b).json().get("abcClass").asString())
                .isEqualTo("B");
        assertThat(s.admin().get("/api/v1/items/" + c).json().get("abcClass").asString())
                .isEqualTo("C");
        assertThat(s.admin().get("/api/v1/items/" + d).json().get("abcClass").asString())
                .isEqualTo("D");
        expect(s.manager().post("/api/v1/items/abc-classification", Map.of()), 403);

        var plan = s.manager()
                .put(
                        "/api/v1/count-plans",
                        Map.of("warehouse", s.w(), "abcClass", "A", "samplePercent", 100, "everyDays", 1));
        expect(plan, 200);
        expect(
                s.manager()
                        .put(
                                "/api/v1/count-plans",
                                Map.of("warehouse", s.w(), "abcClass", "A", "samplePercent", 0, "everyDays", 1)),
                400);
        JsonNode made = expect(s.manager().post("/api/v1/count-plans/run", Map.of()), 200)
                .json();
        assertThat(made.size()).isEqualTo(1);
        assertThat(made.get(0).get("kind").asString()).isEqualTo("CYCLE");
        JsonNode lines = s.manager()
                .get("/api/v1/counts/" + made.get(0).get("id").asLong() + "/lines")
                .json();
        assertThat(lines.get("total").asLong()).isEqualTo(1);
        assertThat(lines.get("items").get(0).get("item").asString()).isEqualTo(a);
        // counted today: the plan is due again tomorrow, not twice today
        assertThat(expect(s.manager().post("/api/v1/count-plans/run", Map.of()), 200)
                        .json()
                        .size())
                .isZero();
        assertThat(s.manager()
                        .get("/api/v1/count-plans")
                        .json()
                        .get(0)
                        .get("nextDue")
                        .asString())
                .isEqualTo(java.time.LocalDate.now().plusDays(1).toString());
    }

    @Test
    void aFilledInSheetIsImportedWhollyOrNotAtAllAndPhotosStayWithTheCount() throws Exception {
        Shop s = shop();
        String x = s.f().item(false);
        String y = s.f().item(false);
        s.f().inbound(s.w(), x, 10, "4.00", "bin", "A-01");
        s.f().inbound(s.w(), y, 10, "4.00", "bin", "A-02");
        long id = expect(s.manager().post("/api/v1/counts", count(s.w())), 201)
                .json()
                .get("id")
                .asLong();
        String path = "/api/v1/counts/" + id;
        String bad = "货位,商品,实盘数\nA-01," + x + ",9\nA-02,NO-SUCH-ITEM,3\nA-02," + y + ",abc\n";
        JsonNode refused = expect(s.clerk().upload(path + "/sheet", "sheet.csv", bad.getBytes()), 200)
                .json();
        assertThat(refused.get("problemCount").asLong()).isEqualTo(2);
        assertThat(refused.get("imported").asInt()).isZero();
        assertThat(s.manager().get(path).json().get("counted").asLong())
                .as("nothing entered")
                .isZero();
        String good = "bin,item,counted qty\nA-01," + x + ",9\nA-02," + y + ",\n";
        JsonNode imported = expect(s.clerk().upload(path + "/sheet", "sheet.csv", good.getBytes()), 200)
                .json();
        assertThat(imported.get("imported").asInt()).isEqualTo(1);
        assertThat(s.manager().get(path).json().get("counted").asLong()).isEqualTo(1);

        // the sheet as the page gives it: walking order, the books hidden from counters of a blind count
        org.openjxc.support.WebSession web = org.openjxc.support.WebSession.login(
                port, s.clerk().get("/api/v1/account").json().get("username").asString(), "secret-pw-1");
        var sheet = web.get("/counts/" + id + "/sheet");
        assertThat(sheet.statusCode()).isEqualTo(200);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheet.body()))) {
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            workbook.getSheetAt(0).forEach(r -> {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < 7; c++) {
                    cells.add(formatter.formatCellValue(r.getCell(c)));
                }
                rows.add(cells);
            });
        }
        assertThat(rows.get(0)).containsExactly("货位", "商品", "名称", "单位", "批次", "账面数", "实盘数");
        assertThat(rows.get(1).subList(0, 2)).containsExactly("A-01", x);
        assertThat(rows.get(1).get(5)).as("blind").isEmpty();
        assertThat(rows.get(1).get(6)).isEqualTo("9");
        assertThat(rows.get(2).subList(0, 2)).containsExactly("A-02", y);

        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        expect(s.clerk().upload(path + "/lines/1/photo", "破损.png", out.toByteArray()), 201);
        expect(s.clerk().upload(path + "/lines/99/photo", "x.png", out.toByteArray()), 404);
        expect(s.clerk().upload(path + "/lines/1/photo", "x.png", "<script>".getBytes()), 400);
        JsonNode photos = s.manager().get(path + "/photos").json();
        assertThat(photos.size()).isEqualTo(1);
        assertThat(photos.get(0).get("fileName").asString()).isEqualTo("line-1-破损.png");
    }

    @Test
    void aCountOfAnotherStoreDoesNotExistForItsUsers() {
        Shop s = shop();
        String other = s.f().warehouse("B-01");
        String x = s.f().item(false);
        s.f().inbound(s.w(), x, 1, "4.00", "bin", "A-01");
        long id = expect(s.manager().post("/api/v1/counts", count(s.w())), 201)
                .json()
                .get("id")
                .asLong();
        Api elsewhere = s.admin().newUser(Map.of("warehouses", List.of(other)), "STORE_MANAGER");
        expect(elsewhere.get("/api/v1/counts/" + id), 404);
        expect(elsewhere.post("/api/v1/counts/" + id + "/entries", entry("A-01", x, 1)), 404);
        assertThat(elsewhere.get("/api/v1/counts").json().get("total").asLong()).isZero();
        expect(elsewhere.post("/api/v1/counts", count(s.w())), 400);
    }
}
