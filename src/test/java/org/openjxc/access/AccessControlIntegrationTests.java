package org.openjxc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Roles, temporary grants, tokens, passwords and the audit trail's markers (API.md "Access and
 * audit"): each rule and each way around it that a real company would try.
 */
@IntegrationTest
class AccessControlIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void rolesArePermissionSetsAndNobodyGivesWhatTheyLack() {
        Api admin = TestCompanies.create(context, port);
        JsonNode permissions = admin.get("/api/v1/permissions").json();
        assertThat(permissions.findValuesAsString("code")).contains("POST_SALES_DELIVERY", "VIEW_COST");
        assertThat(permissions.toString()).contains("\"group\":\"SALES_DELIVERY\"");

        String code = "COUNTER_" + Api.unique("R").replace("-", "_").toUpperCase();
        var created = admin.post(
                "/api/v1/roles",
                Map.of("code", code, "name", "收银", "permissions", List.of("VIEW_DASHBOARD", "VIEW_STOCK")));
        expect(created, 201);
        assertThat(created.json().get("builtIn").asBoolean()).isFalse();
        var unknown = admin.post(
                "/api/v1/roles", Map.of("code", code + "_X", "name", "x", "permissions", List.of("FLY_TO_MOON")));
        expect(unknown, 400);
        assertThat(unknown.text()).contains("permissions[0]");
        expect(
                admin.put(
                        "/api/v1/roles/" + code,
                        Map.of("code", code, "name", "收银员", "permissions", List.of("VIEW_DASHBOARD"))),
                200);
        assertThat(admin.get("/api/v1/roles/" + code).json().get("permissions").size())
                .isEqualTo(1);
        var builtIn = admin.put(
                "/api/v1/roles/SALES_CLERK",
                Map.of("code", "SALES_CLERK", "name", "x", "permissions", List.of("VIEW_DASHBOARD")));
        expect(builtIn, 409);

        // a user administrator without every permission cannot hand out ADMIN, nor build a role holding more
        String userAdminRole = "USER_ADMIN_" + Api.unique("R").replace("-", "_").toUpperCase();
        expect(
                admin.post(
                        "/api/v1/roles",
                        Map.of(
                                "code",
                                userAdminRole,
                                "name",
                                "用户管理员",
                                "permissions",
                                List.of("MANAGE_USERS", "MANAGE_ROLES", "VIEW_DASHBOARD", "VIEW_STOCK"))),
                201);
        Api userAdmin = admin.newUser(Map.of(), userAdminRole);
        var escalation = userAdmin.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        Api.unique("e").replace("-", "_"),
                        "password",
                        "secret-pw-1",
                        "displayName",
                        "e",
                        "roles",
                        List.of("ADMIN")));
        expect(escalation, 400);
        assertThat(escalation.text()).contains("roles[0]");
        var widerRole = userAdmin.post(
                "/api/v1/roles", Map.of("code", code + "_W", "name", "w", "permissions", List.of("VIEW_COST")));
        expect(widerRole, 400);
        expect(
                userAdmin.post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("e").replace("-", "_"),
                                "password",
                                "secret-pw-1",
                                "displayName",
                                "e",
                                "roles",
                                List.of(code))),
                201);
        // a role someone holds is not deleted; an unused one is
        expect(admin.delete("/api/v1/roles/" + code), 409);
        expect(admin.post("/api/v1/roles", Map.of("code", code + "_U", "name", "u", "permissions", List.of())), 201);
        expect(admin.delete("/api/v1/roles/" + code + "_U"), 204);
        expect(admin.get("/api/v1/roles/" + code + "_U"), 404);
    }

    @Test
    void masterDataPermissionsAreGrantedPerKindAndAction() {
        Api admin = TestCompanies.create(context, port);
        String item = new StockFixture(admin).item(false);
        String role = "PRICER_" + Api.unique("R").replace("-", "_").toUpperCase();
        expect(
                admin.post(
                        "/api/v1/roles",
                        Map.of("code", role, "name", "调价员", "permissions", List.of("VIEW_ITEM", "EDIT_ITEM"))),
                201);
        Api pricer = admin.newUser(Map.of(), role);
        expect(pricer.put("/api/v1/items/" + item, itemBody(item, "调价后", "8.80", 1)), 200);
        expect(pricer.post("/api/v1/items", itemBody(Api.unique("I"), "新品", "1", 1)), 403);
        expect(pricer.delete("/api/v1/items/" + item), 403);
        expect(pricer.get("/api/v1/partners"), 403);
        expect(pricer.get("/api/v1/warehouses"), 403);
        expect(pricer.get("/api/v1/items/" + item), 200);
    }

    @Test
    void aTemporaryGrantWorksOnlyInItsWarehouseAndOnlyUntilItEnds() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w1 = f.warehouse();
        String w2 = f.warehouse();
        String item = f.item(false);
        String username = admin.createUser(Map.of(), "SALES_CLERK");
        Api clerk = admin.login(username, "secret-pw-1");
        Map<String, Object> inboundW1 =
                Map.of("type", "OTHER_INBOUND", "warehouse", w1, "lines", List.of(line(item, 1, "price", "2")));
        Map<String, Object> inboundW2 =
                Map.of("type", "OTHER_INBOUND", "warehouse", w2, "lines", List.of(line(item, 1, "price", "2")));
        expect(clerk.post("/api/v1/documents", inboundW1), 403);

        OffsetDateTime until = OffsetDateTime.now().plusSeconds(3);
        var grant = admin.post(
                "/api/v1/users/" + username + "/grants",
                Map.of("role", "WAREHOUSE_CLERK", "warehouse", w1, "until", until.toString(), "reason", "盘点周顶班"));
        expect(grant, 201);
        assertThat(grant.json().get("active").asBoolean()).isTrue();
        expect(clerk.post("/api/v1/documents", inboundW1), 201);
        var elsewhere = clerk.post("/api/v1/documents", inboundW2);
        expect(elsewhere, 403);

        Thread.sleep(java.time.Duration.between(OffsetDateTime.now(), until).toMillis() + 300);
        expect(clerk.post("/api/v1/documents", inboundW1), 403);
        JsonNode grants = admin.get("/api/v1/users/" + username + "/grants").json();
        assertThat(grants.get(0).get("active").asBoolean()).isFalse();
        assertThat(grants.get(0).get("reason").asString()).isEqualTo("盘点周顶班");

        // a grant for a warehouse outside the user's scope widens it while it lasts; revoking ends it at once
        Api storeUser = admin.newUser(Map.of("warehouses", List.of(w2)), "WAREHOUSE_CLERK");
        String storeUsername =
                storeUser.get("/api/v1/account").json().get("username").asString();
        assertThat(storeUser.get("/api/v1/warehouses").json().get("total").asLong())
                .isEqualTo(1);
        var cover = admin.post(
                "/api/v1/users/" + storeUsername + "/grants",
                Map.of(
                        "role",
                        "WAREHOUSE_CLERK",
                        "warehouse",
                        w1,
                        "until",
                        OffsetDateTime.now().plusHours(8).toString()));
        expect(cover, 201);
        assertThat(storeUser.get("/api/v1/warehouses").json().get("total").asLong())
                .isEqualTo(2);
        expect(
                admin.post(
                        "/api/v1/users/" + storeUsername + "/grants/"
                                + cover.json().get("id").asLong() + "/revoke",
                        Map.of()),
                200);
        assertThat(storeUser.get("/api/v1/warehouses").json().get("total").asLong())
                .isEqualTo(1);

        var past = admin.post(
                "/api/v1/users/" + username + "/grants",
                Map.of(
                        "role",
                        "WAREHOUSE_CLERK",
                        "until",
                        OffsetDateTime.now().minusMinutes(1).toString()));
        expect(past, 400);
        assertThat(past.text()).contains("\"field\":\"until\"");
        assertThat(admin.get("/api/v1/audit-log?entity=TemporaryGrant&marker=PERMISSION_CHANGE")
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void revokedTokensStopWorkingAndAResetPasswordMustBeChanged() {
        Api admin = TestCompanies.create(context, port);
        String username = admin.createUser(Map.of(), "WAREHOUSE_CLERK");
        Api first = admin.login(username, "secret-pw-1");
        Api second = admin.login(username, "secret-pw-1");
        JsonNode tokens = first.get("/api/v1/account/tokens").json();
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.toString()).doesNotContain(first.token()).doesNotContain(second.token());
        long newest = tokens.get(0).get("id").asLong();
        expect(first.delete("/api/v1/account/tokens/" + newest), 204);
        expect(second.get("/api/v1/documents"), 401);
        expect(first.get("/api/v1/documents"), 200);
        expect(first.delete("/api/v1/account/tokens/" + newest), 404);

        assertThat(admin.post("/api/v1/users/" + username + "/tokens/revoke", Map.of())
                        .json()
                        .get("revoked")
                        .asInt())
                .isEqualTo(1);
        expect(first.get("/api/v1/documents"), 401);

        var weak = admin.post("/api/v1/users/" + username + "/reset-password", Map.of("password", "12345678"));
        expect(weak, 400);
        expect(admin.post("/api/v1/users/" + username + "/reset-password", Map.of("password", "Temp-pass-42")), 200);
        expect(
                Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pw-1")),
                401);
        Api temporary = admin.login(username, "Temp-pass-42");
        var blocked = temporary.get("/api/v1/documents");
        expect(blocked, 403);
        assertThat(blocked.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        expect(temporary.get("/api/v1/account"), 200);
        var wrongCurrent = temporary.post(
                "/api/v1/account/password", Map.of("currentPassword", "nope-nope-1", "newPassword", "Fresh-pass-77"));
        expect(wrongCurrent, 400);
        assertThat(wrongCurrent.text()).contains("currentPassword");
        var containsName = temporary.post(
                "/api/v1/account/password", Map.of("currentPassword", "Temp-pass-42", "newPassword", "x1" + username));
        expect(containsName, 400);
        assertThat(containsName.text()).contains("newPassword");
        expect(
                temporary.post(
                        "/api/v1/account/password",
                        Map.of("currentPassword", "Temp-pass-42", "newPassword", "Fresh-pass-77")),
                204);
        expect(temporary.get("/api/v1/documents"), 200);
        assertThat(admin.get("/api/v1/users/" + username)
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isFalse();

        // in the browser, a required change comes before every page
        expect(admin.post("/api/v1/users/" + username + "/reset-password", Map.of("password", "Temp-pass-43")), 200);
        WebSession web = WebSession.login(port, username, "Temp-pass-43");
        var home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        assertThat(web.page("/account/password")).contains("currentPassword");
        var changed = web.form(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword",
                        "Temp-pass-43",
                        "newPassword",
                        "Fresh-pass-78",
                        "confirmPassword",
                        "Fresh-pass-78"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedAccountIsUnlockedByAnAdministratorAndWeakPasswordsAreRefused() {
        Api admin = TestCompanies.create(context, port);
        var weak = admin.post(
                "/api/v1/users",
                Map.of("username", Api.unique("w").replace("-", "_"), "password", "password1", "displayName", "w"));
        expect(weak, 400);
        assertThat(weak.text()).contains("\"field\":\"password\"");
        String username = admin.createUser(Map.of(), "WAREHOUSE_CLERK");
        Api anonymous = Api.anonymous(port);
        for (int i = 0; i < 5; i++) {
            anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-" + i));
        }
        expect(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pw-1")), 429);
        assertThat(admin.get("/api/v1/users/" + username)
                        .json()
                        .get("lockedUntil")
                        .isNull())
                .isFalse();
        expect(admin.post("/api/v1/users/" + username + "/unlock", Map.of()), 200);
        expect(anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pw-1")), 200);
        // a disabled user's open session and tokens stop at the next call
        Api user = admin.login(username, "secret-pw-1");
        WebSession web = WebSession.login(port, username, "secret-pw-1");
        expect(admin.post("/api/v1/users/" + username + "/disable", Map.of()), 200);
        expect(user.get("/api/v1/documents"), 401);
        var page = web.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void theAuditTrailMarksDeletionsPermissionChangesAndPriceChanges() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String item = f.item(false);
        expect(admin.put("/api/v1/items/" + item, itemBody(item, "可乐", "19.90", 1)), 200);
        expect(admin.put("/api/v1/items/" + item, itemBody(item, "改名不改价", "19.90", 2)), 200);
        JsonNode itemChanges =
                admin.get("/api/v1/audit-log?entity=Item&key=" + item).json();
        List<String> markers = new ArrayList<>();
        itemChanges
                .get("items")
                .forEach(e -> markers.add(
                        e.get("marker").isNull() ? "-" : e.get("marker").asString()));
        // newest first: the rename, the price change, the creation
        assertThat(markers).containsExactly("-", "SENSITIVE_FIELD", "-");

        String username = admin.createUser(Map.of(), "WAREHOUSE_CLERK");
        JsonNode userChanges =
                admin.get("/api/v1/audit-log?entity=User&key=" + username).json();
        assertThat(userChanges.get("items").get(0).get("marker").asString()).isEqualTo("PERMISSION_CHANGE");

        String w = f.warehouse();
        JsonNode draft = f.draft("OTHER_INBOUND", w, null, List.of(line(item, 1, "price", "1")));
        expect(admin.delete("/api/v1/documents/" + draft.get("id").asLong()), 204);
        JsonNode deletions =
                admin.get("/api/v1/audit-log?marker=DELETION&entity=Document").json();
        assertThat(deletions.toString()).contains(draft.get("number").asString());
        // the log itself offers no way to change or remove an entry
        long id = deletions.get("items").get(0).get("id").asLong();
        assertThat(admin.delete("/api/v1/audit-log/" + id).status()).isIn(404, 405);
        assertThat(admin.put("/api/v1/audit-log/" + id, Map.of()).status()).isIn(404, 405);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** On PostgreSQL the database itself refuses to change or remove audit entries. */
    @Test
    void theDatabaseRefusesToRewriteTheAuditLog() throws Exception {
        String product;
        try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                product.equals("PostgreSQL"), "the append-only trigger exists on PostgreSQL");
        long before =
                jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update audit_log set action = 'X'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single())
                .isEqualTo(before);
    }

    /** Forms refuse a post without the page's CSRF token; pages carry the security headers. */
    @Test
    void formsNeedTheirCsrfTokenAndPagesCarrySecurityHeaders() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String admins = admin.get("/api/v1/account").json().get("username").asString();
        WebSession web = WebSession.login(port, admins, Api.ADMIN_PASSWORD);
        var page = web.get("/users");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        var forged = web.postWithoutToken("/users/new", "username=forged&password=Forged-pass-1&displayName=x");
        assertThat(forged.statusCode()).isEqualTo(403);
        expect(admin.get("/api/v1/users/forged"), 404);
    }

    @Test
    void namesAndRemarksAreShownAsTextNeverAsMarkup() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String item = f.item(false);
        expect(admin.put("/api/v1/items/" + item, itemBody(item, "<script>alert('item')</script>", "1", 1)), 200);
        String w = f.warehouse();
        var doc = admin.post(
                "/api/v1/documents",
                Map.of(
                        "type",
                        "OTHER_INBOUND",
                        "warehouse",
                        w,
                        "remark",
                        "<img src=x onerror=alert('remark')>",
                        "lines",
                        List.of(line(item, 1, "price", "1"))));
        expect(doc, 201);
        String admins = admin.get("/api/v1/account").json().get("username").asString();
        WebSession web = WebSession.login(port, admins, Api.ADMIN_PASSWORD);
        for (String page : List.of(
                "/items?q=" + item,
                "/documents/" + doc.json().get("id").asLong(),
                "/documents/" + doc.json().get("id").asLong() + "/print",
                "/audit-log?entity=Item")) {
            String html = web.page(page);
            assertThat(html).as(page).doesNotContain("<script>alert(").doesNotContain("<img src=x onerror");
        }
        assertThat(web.page("/items?q=" + item)).contains("&lt;script&gt;alert(");
    }

    private static Map<String, Object> itemBody(String code, String name, String salePrice, int version) {
        return Map.of("code", code, "name", name, "unit", "pcs", "salePrice", salePrice, "version", version);
    }
}
