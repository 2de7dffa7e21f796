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

/** Production and kits (issue #10): BOMs, tolerance, cost roll-up, kits, recipes, disassembly; figures by hand. */
@IntegrationTest
class ProductionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    StockFixture f;
    String wh;

    @BeforeEach
    void company() {
        f = new StockFixture(TestCompanies.create(context, port));
        wh = f.warehouse();
    }

    String kitItem() {
        String code = Api.unique("K");
        expect(
                f.api.post("/api/v1/items", Map.of("code", code, "name", "组合 " + code, "unit", "pcs", "type", "KIT")),
                201);
        return code;
    }

    Map<String, Object> bom(String item, String kind, Object output, List<Map<String, Object>> lines, Object... more) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("item", item, "version", "V1", "kind", kind, "outputQty", output, "lines", lines));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    long createBom(Map<String, Object> body) {
        return expect(f.api.post("/api/v1/boms", body), 201).json().get("id").asLong();
    }

    Map<String, Object> doc(String type, Long source, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", wh, "lines", lines));
        if (source != null) {
            body.put("sourceDocument", source);
        }
        return body;
    }

    long draft(Map<String, Object> body) {
        return expect(f.api.post("/api/v1/documents", body), 201)
                .json()
                .get("id")
                .asLong();
    }

    long posted(Map<String, Object> body) {
        long id = draft(body);
        expect(f.post(id), 200);
        return id;
    }

    BigDecimal value(String item) {
        JsonNode s = f.summary(item, wh);
        return s == null ? BigDecimal.ZERO : s.get("value").decimalValue();
    }

    BigDecimal reserved(String item) {
        return f.summary(item, wh).get("reserved").decimalValue();
    }

    @Test
    void materialIssueBeyondTheToleranceIsRefusedUntilAnAuthorisedOverrideWithAReason() {
        String bread = f.item(false);
        String flour = f.item(false);
        f.inbound(wh, flour, 300, "2");
        // 1.8 kg of flour per loaf, ±5 %: an order of 100 loaves needs 180 kg and may take up to 189.
        createBom(bom(bread, "PRODUCTION", 1, List.of(line(flour, "1.8"))));
        long order = posted(doc("PRODUCTION_ORDER", null, List.of(line(bread, 100))));
        assertThat(reserved(flour)).isEqualByComparingTo("180");

        long tooMuch = draft(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 200))));
        var refused = expect(f.post(tooMuch), 409).json();
        assertThat(refused.get("code").asString()).isEqualTo("TOLERANCE_EXCEEDED");
        assertThat(refused.get("required").asString()).isEqualTo("180");
        assertThat(refused.get("allowed").asString()).isEqualTo("189");
        assertThat(refused.get("issued").asString()).isEqualTo("200");
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("300");

        // Within the tolerance it posts, and takes what the order reserved.
        posted(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 185))));
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("115");
        assertThat(reserved(flour)).isEqualByComparingTo("0");

        // 15 kg more makes 200 in all: refused, then posted once an authorised user gives a reason.
        long more = draft(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 15))));
        expect(f.post(more), 409);
        var noReason =
                expect(f.api.post("/api/v1/production/documents/" + more + "/override", Map.of("reason", " ")), 400);
        assertThat(noReason.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        expect(
                f.api.post("/api/v1/production/documents/" + more + "/override", Map.of("reason", "面粉受潮，多领 15 kg")),
                204);
        expect(f.post(more), 200);
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("100");

        // An override holds for the quantities it was given for: an edited issue needs another.
        long edited = draft(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 1))));
        expect(f.api.post("/api/v1/production/documents/" + edited + "/override", Map.of("reason", "试做")), 204);
        var version =
                f.api.get("/api/v1/documents/" + edited).json().get("version").asInt();
        var changed = doc("PRODUCTION_ISSUE", order, List.of(line(flour, 5)));
        changed.put("version", version);
        expect(f.api.put("/api/v1/documents/" + edited, changed), 200);
        expect(f.post(edited), 409);

        // A material not on the BOM is refused as well.
        String salt = f.item(false);
        f.inbound(wh, salt, 10, "1");
        var offBom = expect(f.post(draft(doc("PRODUCTION_ISSUE", order, List.of(line(salt, 1))))), 409)
                .json();
        assertThat(offBom.get("code").asString()).isEqualTo("TOLERANCE_EXCEEDED");
        assertThat(offBom.get("item").asString()).isEqualTo(salt);
        f.assertBooksAgree();
    }

    @Test
    void anIssueWithinTheToleranceStillNeverTakesStockThatIsNotThere() {
        String bread = f.item(false);
        String flour = f.item(false);
        f.inbound(wh, flour, 10, "2");
        createBom(bom(bread, "PRODUCTION", 1, List.of(line(flour, "1.8"))));
        long order = posted(doc("PRODUCTION_ORDER", null, List.of(line(bread, 100))));
        // The order reserves what there is (10 of the 180 it needs).
        assertThat(reserved(flour)).isEqualByComparingTo("10");
        var refused = expect(f.post(draft(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 20))))), 409)
                .json();
        assertThat(refused.get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("10");
        // Closing the order lets go of what it reserved.
        expect(f.api.post("/api/v1/documents/" + order + "/close", Map.of()), 200);
        assertThat(reserved(flour)).isEqualByComparingTo("0");
        f.assertBooksAgree();
    }

    @Test
    void finishedGoodsCostTheMaterialsIssuedPlusLabourAndOverheadLessByProducts() {
        String product = f.item(false);
        String a = f.item(false);
        String b = f.item(false);
        String scrap = f.item(false);
        f.inbound(wh, a, 100, "3");
        f.inbound(wh, b, 100, "5");
        // Per 10 units: 20 of A, 10 of B plus 10 % scrap, and 2 of scrap material out at 1.00 each;
        // labour 1.50 and overhead 0.50 per unit. Standard: 2 × 3 + 1.1 × 5 + 2 − 0.2 × 1 = 13.30 a unit.
        long bomId = createBom(bom(
                product,
                "PRODUCTION",
                10,
                List.of(line(a, 20), line(b, 10, "scrapPercent", 10), line(scrap, 2, "byProduct", true, "unitCost", 1)),
                "labourRate",
                "1.5",
                "overheadRate",
                "0.5"));
        long order = posted(doc("PRODUCTION_ORDER", null, List.of(line(product, 10))));
        assertThat(reserved(a)).isEqualByComparingTo("20");
        assertThat(reserved(b)).isEqualByComparingTo("11");
        // The version the order was posted with is fixed: it can no longer be changed, only replaced.
        var inUse = expect(
                f.api.put("/api/v1/boms/" + bomId, bom(product, "PRODUCTION", 10, List.of(line(a, 25), line(b, 10)))),
                409);
        assertThat(inUse.json().get("code").asString()).isEqualTo("INVALID_STATE");

        // Receiving before any material was issued is short of what the output needs.
        var early = expect(f.post(draft(doc("PRODUCTION_RECEIPT", order, List.of(line(product, 4))))), 409)
                .json();
        assertThat(early.get("code").asString()).isEqualTo("TOLERANCE_EXCEEDED");

        long issue = posted(doc("PRODUCTION_ISSUE", order, List.of(line(a, 20), line(b, 11))));
        assertThat(f.booked(issue, "5001")).isEqualByComparingTo("115");
        assertThat(f.booked(issue, "1405")).isEqualByComparingTo("-115");
        assertThat(reserved(a)).isEqualByComparingTo("0");

        // 4 of 10: 4/10 of the 115 issued (46) + labour 6 + overhead 2 − by-product 0.80 = 53.20.
        long first = posted(doc("PRODUCTION_RECEIPT", order, List.of(line(product, 4), line(scrap, "0.8"))));
        assertThat(value(product)).isEqualByComparingTo("53.20");
        assertThat(value(scrap)).isEqualByComparingTo("0.80");
        assertThat(f.booked(first, "1405")).isEqualByComparingTo("54.00");
        assertThat(f.booked(first, "5001")).isEqualByComparingTo("-46.00");
        assertThat(f.booked(first, "5101")).isEqualByComparingTo("-8.00");
        var progress = f.api.get("/api/v1/production/orders/" + order).json();
        assertThat(progress.get("workInProgress").decimalValue()).isEqualByComparingTo("69");
        assertThat(progress.get("outputs").get(0).get("open").decimalValue()).isEqualByComparingTo("6");
        JsonNode cost = progress.get("receipts").get(0);
        assertThat(cost.get("total").decimalValue()).isEqualByComparingTo("53.20");
        assertThat(cost.get("standard").decimalValue()).isEqualByComparingTo("53.20");
        assertThat(cost.get("variance").decimalValue()).isEqualByComparingTo("0");

        // The rest completes the order and takes all the materials left: 69 + 9 + 3 − 1.20 = 79.80.
        posted(doc("PRODUCTION_RECEIPT", order, List.of(line(product, 6), line(scrap, "1.2"))));
        assertThat(value(product)).isEqualByComparingTo("133.00");
        progress = f.api.get("/api/v1/production/orders/" + order).json();
        assertThat(progress.get("workInProgress").decimalValue()).isEqualByComparingTo("0");
        assertThat(progress.get("complete").asBoolean()).isTrue();
        // Nothing more to make.
        expect(f.post(draft(doc("PRODUCTION_RECEIPT", order, List.of(line(product, 1))))), 409);
        // The issue cannot be unposted under the receipts that took its materials.
        expect(f.api.post("/api/v1/documents/" + issue + "/unpost", Map.of()), 409);
        f.assertBooksAgree();
    }

    @Test
    void kitsMoveTheirComponentsAndRecipesBackflushTheirIngredients() {
        String customer = f.partner("CUSTOMER");
        String tea = f.item(false);
        String cup = f.item(false);
        String flour = f.item(false);
        f.inbound(wh, tea, 10, "4");
        f.inbound(wh, cup, 5, "6");
        f.inbound(wh, flour, 10, "2");
        String box = kitItem();
        createBom(bom(box, "KIT", 1, List.of(line(tea, 2), line(cup, 1))));
        String cake = kitItem();
        createBom(bom(cake, "RECIPE", 1, List.of(line(flour, "0.3", "scrapPercent", 10))));

        var delivery = doc("SALES_DELIVERY", null, List.of(line(box, 2, "price", 50), line(cake, 10, "price", 8)));
        delivery.put("partner", customer);
        long sold = posted(delivery);
        assertThat(f.onHand(tea, wh)).isEqualByComparingTo("6");
        assertThat(f.onHand(cup, wh)).isEqualByComparingTo("3");
        // 10 cakes × 0.3 kg × 1.1 = 3.3 kg of flour.
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("6.7");
        // Cost of sales: 2 × (2 × 4 + 6) + 3.3 × 2 = 34.60; revenue 2 × 50 + 10 × 8 = 180.
        assertThat(f.booked(sold, "6401")).isEqualByComparingTo("34.60");
        assertThat(f.booked(sold, "6001")).isEqualByComparingTo("-180");
        assertThat(f.onHand(box, wh)).isEqualByComparingTo("0");

        // A kit comes back as its components at what they left at; a cake's flour does not.
        var back = doc(
                "SALES_RETURN",
                sold,
                List.of(line(box, 1, "price", 50, "status", "AVAILABLE"), line(cake, 1, "price", 8)));
        back.put("partner", customer);
        long returned = posted(back);
        assertThat(f.onHand(tea, wh)).isEqualByComparingTo("8");
        assertThat(f.onHand(cup, wh)).isEqualByComparingTo("4");
        assertThat(f.onHand(flour, wh)).isEqualByComparingTo("6.7");
        assertThat(f.booked(returned, "1405")).isEqualByComparingTo("14");

        // Unposting the return takes the components out again.
        expect(f.api.post("/api/v1/documents/" + returned + "/unpost", Map.of()), 200);
        assertThat(f.onHand(tea, wh)).isEqualByComparingTo("6");

        // A kit without a valid BOM is refused and nothing moves; kits are never received into stock.
        String bare = kitItem();
        var noBom = doc("SALES_DELIVERY", null, List.of(line(tea, 1, "price", 5), line(bare, 1, "price", 5)));
        noBom.put("partner", customer);
        var r = expect(f.post(draft(noBom)), 409).json();
        assertThat(r.get("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(r.get("item").asString()).isEqualTo(bare);
        assertThat(f.onHand(tea, wh)).isEqualByComparingTo("6");
        var inbound = expect(
                f.api.post("/api/v1/documents", doc("OTHER_INBOUND", null, List.of(line(box, 1, "price", 1)))), 400);
        assertThat(inbound.json().get("errors").toString()).contains("lines[0].item");
        f.assertBooksAgree();
    }

    @Test
    void aKitWithABatchComponentGoesOutFirstExpiryFirstAndComesBackOnlyComponentByComponent() {
        String customer = f.partner("CUSTOMER");
        String milk = f.item(true);
        f.inbound(
                wh,
                milk,
                5,
                "3",
                "batch",
                "LATE",
                "expiryDate",
                java.time.LocalDate.now().plusDays(90).toString());
        f.inbound(
                wh,
                milk,
                5,
                "3",
                "batch",
                "SOON",
                "expiryDate",
                java.time.LocalDate.now().plusDays(10).toString());
        String box = kitItem();
        createBom(bom(box, "KIT", 1, List.of(line(milk, 2))));
        var delivery = doc("SALES_DELIVERY", null, List.of(line(box, 2, "price", 20)));
        delivery.put("partner", customer);
        long sold = posted(delivery);
        JsonNode moves = f.api.get("/api/v1/stock?item=" + milk + "&warehouse=" + wh)
                .json()
                .get("items");
        for (JsonNode p : moves) {
            if (p.get("batch").asString().equals("SOON")) {
                assertThat(p.get("onHand").decimalValue()).isEqualByComparingTo("1");
            }
        }
        var back = doc("SALES_RETURN", sold, List.of(line(box, 1, "price", 20)));
        back.put("partner", customer);
        var refused = expect(f.post(draft(back)), 409).json();
        assertThat(refused.get("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(f.onHand(milk, wh)).isEqualByComparingTo("6");
        f.assertBooksAgree();
    }

    @Test
    void disassemblyRecoversThePartsAtExactlyTheValueTakenApart() {
        String product = f.item(false);
        String a = f.item(false);
        String b = f.item(false);
        f.inbound(wh, a, 10, "3");
        f.inbound(wh, b, 10, "5");
        f.inbound(wh, product, 2, "13.3");
        // One unit (13.30) into 2 of A and 1 of B, weighted 2 × 3 : 1 × 5 → 7.25 and 6.05.
        long apart = posted(doc("DISASSEMBLY", null, List.of(line(product, -1), line(a, 2), line(b, 1))));
        assertThat(f.onHand(product, wh)).isEqualByComparingTo("1");
        assertThat(value(a)).isEqualByComparingTo("37.25");
        assertThat(value(b)).isEqualByComparingTo("56.05");
        assertThat(f.booked(apart, "1405")).isEqualByComparingTo("0");
        // Both sides are needed.
        expect(f.post(draft(doc("DISASSEMBLY", null, List.of(line(a, 1))))), 400);
        expect(f.api.post("/api/v1/documents/" + apart + "/unpost", Map.of()), 200);
        assertThat(value(a)).isEqualByComparingTo("30");
        f.assertBooksAgree();
    }

    @Test
    void bomsAreCheckedWhenSavedAndExplodeOverSeveralLevels() {
        String top = f.item(false);
        String sub = f.item(false);
        String leaf = f.item(false);
        f.inbound(wh, leaf, 10, "2");
        createBom(bom(sub, "PRODUCTION", 2, List.of(line(leaf, 3)), "labourRate", "1"));
        long topBom = createBom(bom(top, "PRODUCTION", 1, List.of(line(sub, 4, "scrapPercent", 5))));

        // 4 × 1.05 = 4.2 of the sub-assembly, which takes 1.5 of the leaf each: 6.3.
        var explosion = f.api.get("/api/v1/boms/" + topBom + "/explosion?qty=1").json();
        JsonNode rows = explosion.get("rows");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("level").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("qty").decimalValue()).isEqualByComparingTo("4.2");
        assertThat(rows.get(0).get("bomVersion").asString()).isEqualTo("V1");
        assertThat(rows.get(1).get("level").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("qty").decimalValue()).isEqualByComparingTo("6.3");
        // Sub-assembly has no stock: rolled up as 1.5 × 2 + 1 = 4 a unit; the top 4.2 × 4 = 16.80.
        assertThat(explosion.get("standardUnitCost").decimalValue()).isEqualByComparingTo("16.8");

        // The leaf made of the top item would close a cycle.
        var cycle = expect(f.api.post("/api/v1/boms", bom(leaf, "PRODUCTION", 1, List.of(line(top, 1)))), 400);
        assertThat(cycle.text()).contains("lines");
        // A second version overlapping the first is refused; one after it is fine.
        expect(f.api.post("/api/v1/boms", bom(top, "PRODUCTION", 1, List.of(line(leaf, 1)), "version", "V2")), 400);
        var later = bom(top, "PRODUCTION", 1, List.of(line(leaf, 1)), "version", "V2", "validFrom", "2099-01-01");
        expect(f.api.post("/api/v1/boms", later), 400);
        // (V1 is open-ended: it must end before V2 starts.)
        // Kits take kit items as parents only, and by-products belong to production.
        expect(f.api.post("/api/v1/boms", bom(top, "KIT", 1, List.of(line(leaf, 1)), "version", "K1")), 400);
        String kit = kitItem();
        var byProduct = expect(
                f.api.post("/api/v1/boms", bom(kit, "KIT", 1, List.of(line(leaf, 1), line(sub, 1, "byProduct", true)))),
                400);
        assertThat(byProduct.text()).contains("lines[1].byProduct");
        assertThat(f.api.get("/api/v1/boms?item=" + top).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void thePagesEditABomShowItsExplosionFollowAnOrderAndOverrideTheTolerance() {
        String bread = f.item(false);
        String flour = f.item(false);
        f.inbound(wh, flour, 300, "2");
        String admin = f.api.get("/api/v1/account").json().get("username").asString();
        var web = org.openjxc.support.WebSession.login(port, admin, Api.ADMIN_PASSWORD);

        // A wrong line comes back beside its field and nothing is saved.
        var refused = web.form(
                "/production/boms/new",
                "/production/boms/new",
                Map.of(
                        "item",
                        bread,
                        "version",
                        "V1",
                        "kind",
                        "PRODUCTION",
                        "outputQty",
                        "1",
                        "tolerancePercent",
                        "5",
                        "validFrom",
                        java.time.LocalDate.now().toString(),
                        "lines[0].item",
                        bread,
                        "lines[0].qty",
                        "1"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("is-invalid");
        assertThat(f.api.get("/api/v1/boms?item=" + bread).json().get("total").asLong())
                .isZero();

        var saved = web.form(
                "/production/boms/new",
                "/production/boms/new",
                Map.of(
                        "item",
                        bread,
                        "version",
                        "V1",
                        "kind",
                        "PRODUCTION",
                        "outputQty",
                        "1",
                        "tolerancePercent",
                        "5",
                        "validFrom",
                        java.time.LocalDate.now().toString(),
                        "lines[0].item",
                        flour,
                        "lines[0].qty",
                        "1.8",
                        "lines[0].scrapPercent",
                        "0"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(web.page(location.replaceFirst("^https?://[^/]+", "")))
                .contains("多级展开")
                .contains(flour)
                .contains("3.60");
        assertThat(web.page("/production/boms?item=" + bread)).contains(bread).contains("V1");
        assertThat(web.get("/production/boms/export").statusCode()).isEqualTo(200);

        long order = posted(doc("PRODUCTION_ORDER", null, List.of(line(bread, 100))));
        assertThat(web.page("/production/orders/" + order))
                .contains("生产进度")
                .contains("180")
                .contains("生产领料");
        // The issue starts with what the order still needs.
        assertThat(web.page("/documents/new?type=PRODUCTION_ISSUE&source=" + order))
                .contains(flour)
                .contains("180");

        long issue = draft(doc("PRODUCTION_ISSUE", order, List.of(line(flour, 200))));
        assertThat(web.page("/documents/" + issue)).contains("授权超允差");
        var granted = web.form(
                "/documents/" + issue, "/production/documents/" + issue + "/override", Map.of("reason", "配方试验"));
        assertThat(granted.statusCode()).isEqualTo(302);
        expect(f.post(issue), 200);
        assertThat(f.api.get("/api/v1/audit-log?action=OVERRIDE").json().toString())
                .contains("配方试验");
    }
}
