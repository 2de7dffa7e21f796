package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Data scopes (API.md "Access and audit"): a user limited to org units or warehouses sees and
 * changes only their data, in every list, read, change, export and report; another unit's
 * document answers 404. Transfers are seen by both sides, each doing its own part.
 */
@IntegrationTest
class DataScopeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** A company with two stores (org units N01 and N02), one warehouse each, stock in both. */
    private record Stores(Api admin, StockFixture f, String w1, String w2, String item) {}

    private Stores stores() {
        Api admin = TestCompanies.create(context, port);
        expect(admin.post("/api/v1/org-units", Map.of("code", "N01", "name", "一店")), 201);
        expect(admin.post("/api/v1/org-units", Map.of("code", "N02", "name", "二店")), 201);
        String w1 = Api.unique("W");
        String w2 = Api.unique("W");
        expect(admin.post("/api/v1/warehouses", Map.of("code", w1, "name", "一店仓", "orgUnit", "N01")), 201);
        expect(admin.post("/api/v1/warehouses", Map.of("code", w2, "name", "二店仓", "orgUnit", "N02")), 201);
        var f = new StockFixture(admin);
        String item = f.item(false);
        f.inbound(w1, item, 10, "5.00");
        f.inbound(w2, item, 20, "5.00");
        return new Stores(admin, f, w1, w2, item);
    }

    @Test
    void aUserOfOneOrgUnitSeesAndChangesOnlyItsOwnWarehouses() throws Exception {
        Stores s = stores();
        String username = s.admin().createUser(Map.of("orgUnits", List.of("N01")), "STORE_MANAGER");
        Api store1 = s.admin().login(username, "secret-pw-1");
        JsonNode mine = s.f().draft("OTHER_OUTBOUND", s.w1(), null, List.of(line(s.item(), 1)));
        JsonNode theirs = s.f().draft("OTHER_OUTBOUND", s.w2(), null, List.of(line(s.item(), 1)));
        long theirId = theirs.get("id").asLong();
        String their = "/api/v1/documents/" + theirId;

        // lists
        List<String> numbers = numbers(store1.get("/api/v1/documents?size=200").json());
        assertThat(numbers)
                .contains(mine.get("number").asString())
                .doesNotContain(theirs.get("number").asString());
        assertThat(store1.get("/api/v1/documents?warehouse=" + s.w2())
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(codes(store1.get("/api/v1/warehouses").json())).containsExactly(s.w1());
        // reads: another unit's document and warehouse do not exist for this user
        expect(store1.get(their), 404);
        expect(store1.get(their + "/attachments"), 404);
        expect(store1.get(their + "/followers"), 404);
        Api books = s.admin().newUser(Map.of("orgUnits", List.of("N01")), "ACCOUNTANT");
        expect(books.get("/api/v1/vouchers?sourceDocument=" + theirId), 404);
        expect(store1.get("/api/v1/warehouses/" + s.w2()), 404);
        expect(store1.get("/api/v1/warehouses/" + s.w2() + "/bins"), 404);
        // changes
        var update = new LinkedHashMap<String, Object>(Map.of(
                "type", "OTHER_OUTBOUND", "warehouse", s.w2(), "lines", List.of(line(s.item(), 2)), "version", 1));
        expect(store1.put(their, update), 404);
        expect(store1.post(their + "/post", Map.of()), 404);
        expect(store1.post(their + "/cancel", Map.of()), 404);
        expect(store1.delete(their), 404);
        var outside = store1.post(
                "/api/v1/documents",
                Map.of("type", "OTHER_INBOUND", "warehouse", s.w2(), "lines", List.of(line(s.item(), 1))));
        expect(outside, 400);
        assertThat(outside.text()).contains("\"field\":\"warehouse\"");
        // stock
        assertThat(warehouses(
                        store1.get("/api/v1/stock/summary?item=" + s.item()).json()))
                .containsOnly(s.w1());
        assertThat(warehouses(store1.get("/api/v1/stock?item=" + s.item()).json()))
                .containsOnly(s.w1());
        assertThat(warehouses(store1.get("/api/v1/stock/moves?item=" + s.item()).json()))
                .containsOnly(s.w1());
        assertThat(store1.get("/api/v1/stock/summary?warehouse=" + s.w2())
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        // company-wide checks and the books are not for a user who sees part of the company
        expect(store1.get("/api/v1/stock/verify"), 403);
        expect(store1.get("/api/v1/reconciliation"), 403);
        // the same user's own document works as usual
        expect(store1.post("/api/v1/documents/" + mine.get("id").asLong() + "/post", Map.of()), 200);

        // export and the dashboard, as the pages serve them
        WebSession web = WebSession.login(port, username, "secret-pw-1");
        var export = web.get("/documents/export");
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> exported = firstColumn(export.body());
        assertThat(exported)
                .contains(mine.get("number").asString())
                .doesNotContain(theirs.get("number").asString());
        String home = web.page("/");
        assertThat(home).doesNotContain(theirs.get("number").asString());
        assertThat(web.get("/documents/" + theirId).statusCode()).isEqualTo(404);
        assertThat(web.get("/documents/" + theirId + "/print").statusCode()).isEqualTo(404);
        List<String> stockRows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                web.get("/stock/export?item=" + s.item()).body()))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> stockRows.add(cell.toString())));
        }
        assertThat(stockRows).contains(s.w1()).doesNotContain(s.w2());
        Api auditor = s.admin().newUser(Map.of("orgUnits", List.of("N01")), "AUDITOR");
        expect(auditor.get("/api/v1/audit-log"), 403);
        String stockPage = web.page("/stock?item=" + s.item());
        assertThat(stockPage).contains(s.w1()).doesNotContain(s.w2());
    }

    @Test
    void bothSidesSeeATransferAndEachDoesItsOwnPart() {
        Stores s = stores();
        Api sender = s.admin().newUser(Map.of("warehouses", List.of(s.w1())), "STORE_MANAGER");
        Api receiver = s.admin().newUser(Map.of("warehouses", List.of(s.w2())), "STORE_MANAGER");
        String w3 = Api.unique("W");
        expect(s.admin().post("/api/v1/warehouses", Map.of("code", w3, "name", "三店仓", "orgUnit", "N02")), 201);
        Api bystander = s.admin().newUser(Map.of("warehouses", List.of(w3)), "STORE_MANAGER");

        // the sender sends to a warehouse it cannot otherwise see
        var created = sender.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "TRANSFER",
                        "warehouse",
                        s.w1(),
                        "toWarehouse",
                        s.w2(),
                        "lines",
                        List.of(line(s.item(), 4))));
        expect(created, 201);
        long id = created.json().get("id").asLong();
        String path = "/api/v1/documents/" + id;
        expect(receiver.get(path), 200);
        expect(bystander.get(path), 404);
        var notYours = receiver.post(path + "/post", Map.of());
        expect(notYours, 403);
        expect(sender.post(path + "/post", Map.of()), 200);
        assertThat(numbers(receiver.get("/api/v1/documents?type=TRANSFER").json()))
                .contains(created.json().get("number").asString());
        // only the receiving side receives
        expect(sender.post(path + "/receive", Map.of()), 403);
        expect(bystander.post(path + "/receive", Map.of()), 404);
        expect(receiver.post(path + "/receive", Map.of()), 200);
        expect(receiver.post(path + "/unpost", Map.of()), 403);
        assertThat(s.f().onHand(s.item(), s.w2())).isEqualByComparingTo("24");
        assertThat(s.f().onHand(s.item(), s.w1())).isEqualByComparingTo("6");
        s.f().assertConsistent();
    }

    @Test
    void ownDocumentsOnlyHidesColleaguesDocuments() {
        Stores s = stores();
        Api clerk =
                s.admin().newUser(Map.of("warehouses", List.of(s.w1()), "ownDocumentsOnly", true), "WAREHOUSE_CLERK");
        var own = clerk.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "OTHER_INBOUND",
                        "warehouse",
                        s.w1(),
                        "lines",
                        List.of(line(s.item(), 1, "price", "5.00"))));
        expect(own, 201);
        JsonNode colleagues = s.f().draft("OTHER_INBOUND", s.w1(), null, List.of(line(s.item(), 1, "price", "5.00")));
        List<String> seen = numbers(clerk.get("/api/v1/documents?size=200").json());
        assertThat(seen)
                .contains(own.json().get("number").asString())
                .doesNotContain(colleagues.get("number").asString());
        expect(clerk.get("/api/v1/documents/" + colleagues.get("id").asLong()), 404);
        expect(clerk.post("/api/v1/documents/" + colleagues.get("id").asLong() + "/post", Map.of()), 404);
    }

    @Test
    void aUserSeeingPartOfTheCompanyCannotHandOutMore() {
        Stores s = stores();
        Api localAdmin = s.admin().newUser(Map.of("warehouses", List.of(s.w1())), "ADMIN");
        Map<String, Object> base =
                Map.of("username", Api.unique("x").replace("-", "_"), "password", "secret-pw-1", "displayName", "x");
        var whole = new LinkedHashMap<String, Object>(base);
        expect(localAdmin.post("/api/v1/users", whole), 400);
        var other = new LinkedHashMap<String, Object>(base);
        other.put("warehouses", List.of(s.w2()));
        var refused = localAdmin.post("/api/v1/users", other);
        expect(refused, 400);
        assertThat(refused.text()).contains("warehouses[0]");
        var units = new LinkedHashMap<String, Object>(base);
        units.put("orgUnits", List.of("N01"));
        expect(localAdmin.post("/api/v1/users", units), 400);
        var fine = new LinkedHashMap<String, Object>(base);
        fine.put("warehouses", List.of(s.w1()));
        expect(localAdmin.post("/api/v1/users", fine), 201);
    }

    @Test
    void theCreatorNeitherApprovesNorPostsTheirOwnDocumentUnderSegregationOfDuties() {
        Stores s = stores();
        var settings = new LinkedHashMap<String, Object>(
                Api.JSON.convertValue(s.admin().get("/api/v1/settings").json(), Map.class));
        @SuppressWarnings("unchecked")
        var approval = new LinkedHashMap<String, Object>((Map<String, Object>) settings.get("requireApproval"));
        approval.put("OTHER_INBOUND", true);
        settings.put("requireApproval", approval);
        settings.put("segregationOfDuties", true);
        expect(s.admin().put("/api/v1/settings", settings), 200);
        Api creator = s.admin().newUser("STORE_MANAGER");
        Api approver = s.admin().newUser("STORE_MANAGER");
        // an item nobody else received lately, so the suspected-duplicate rule stays out of the way
        String item = s.f().item(false);
        var doc = creator.post(
                "/api/v1/documents",
                Map.of("type", "OTHER_INBOUND", "warehouse", s.w1(), "lines", List.of(line(item, 3, "price", "5.00"))));
        expect(doc, 201);
        String path = "/api/v1/documents/" + doc.json().get("id").asLong();
        expect(creator.post(path + "/submit", Map.of()), 200);
        var ownApproval = creator.post(path + "/approve", Map.of());
        expect(ownApproval, 403);
        assertThat(ownApproval.code()).isEqualTo("SEGREGATION_OF_DUTIES");
        expect(approver.post(path + "/approve", Map.of()), 200);
        var ownPosting = creator.post(path + "/post", Map.of());
        expect(ownPosting, 403);
        assertThat(ownPosting.code()).isEqualTo("SEGREGATION_OF_DUTIES");
        assertThat(s.f().onHand(item, s.w1())).isEqualByComparingTo("0");
        expect(approver.post(path + "/post", Map.of()), 200);
        assertThat(s.f().onHand(item, s.w1())).isEqualByComparingTo("3");

        // switched off, one person may do both
        settings = new LinkedHashMap<String, Object>(
                Api.JSON.convertValue(s.admin().get("/api/v1/settings").json(), Map.class));
        settings.put("segregationOfDuties", false);
        expect(s.admin().put("/api/v1/settings", settings), 200);
        var second = creator.post(
                "/api/v1/documents",
                Map.of("type", "OTHER_INBOUND", "warehouse", s.w1(), "lines", List.of(line(item, 1, "price", "5.00"))));
        String secondPath = "/api/v1/documents/" + second.json().get("id").asLong();
        expect(creator.post(secondPath + "/submit", Map.of()), 200);
        expect(creator.post(secondPath + "/approve", Map.of()), 200);
        expect(creator.post(secondPath + "/post", Map.of()), 200);
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(d -> numbers.add(d.get("number").asString()));
        return numbers;
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(d -> codes.add(d.get("code").asString()));
        return codes;
    }

    private static List<String> warehouses(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(d -> codes.add(d.get("warehouse").asString()));
        assertThat(codes).isNotEmpty();
        return codes;
    }

    private static List<String> firstColumn(byte[] xlsx) throws Exception {
        List<String> values = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var formatter = new DataFormatter();
            workbook.getSheetAt(0).forEach(row -> values.add(formatter.formatCellValue(row.getCell(0))));
        }
        return values;
    }
}
