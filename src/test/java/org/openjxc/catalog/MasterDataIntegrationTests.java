package org.openjxc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Items, partners, org units, warehouses and bins over the API, good paths and bad. */
@IntegrationTest
class MasterDataIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void login() {
        admin = Api.admin(port);
    }

    Map<String, Object> item(String code, Object... more) {
        var body = new java.util.LinkedHashMap<String, Object>(
                Map.of("code", code, "name", "可口可乐 330ml", "unit", "bottle"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void createsAnItemWithAlternateUnitsAndBarcodes() {
        String code = Api.unique("SKU");
        String barcode = "69" + System.nanoTime() % 100000000000L;
        var r = admin.post(
                "/api/v1/items",
                item(
                        code,
                        "units",
                        List.of(Map.of("unit", "box", "factor", 24), Map.of("unit", "pack", "factor", 6)),
                        "barcodes",
                        List.of(barcode),
                        "salePrice",
                        3.5,
                        "purchasePrice",
                        2.1,
                        "costMethod",
                        "FIFO"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        var json = r.json();
        assertThat(json.get("unit").asString()).isEqualTo("bottle");
        assertThat(json.get("units")).hasSize(2);
        assertThat(json.get("units").get(0).get("unit").asString()).isEqualTo("box");
        assertThat(json.get("units").get(0).get("factor").decimalValue()).isEqualByComparingTo("24");
        assertThat(json.get("barcodes").get(0).asString()).isEqualTo(barcode);
        assertThat(json.get("costMethod").asString()).isEqualTo("FIFO");

        assertThat(admin.get("/api/v1/items/by-barcode/" + barcode)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo(code);
        assertThat(admin.get("/api/v1/items?q=" + barcode).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void findsChineseNamesByPinyinInitials() {
        String code = Api.unique("PY");
        admin.post("/api/v1/items", item(code, "name", "康师傅红烧牛肉面"));
        var found = admin.get("/api/v1/items?q=ksfhsnrm");
        assertThat(found.text()).contains(code);
    }

    @Test
    void refusesADuplicateCode() {
        String code = Api.unique("DUP");
        assertThat(admin.post("/api/v1/items", item(code)).status()).isEqualTo(201);
        var again = admin.post("/api/v1/items", item(code));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_CODE");
        assertThat(again.json().get("detail").asString()).contains("商品").contains(code);
    }

    @Test
    void refusesAUnitFactorOfZeroOrLessAndWritesNothing() {
        String code = Api.unique("F0");
        var zero = admin.post("/api/v1/items", item(code, "units", List.of(Map.of("unit", "box", "factor", 0))));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("units[0].factor");
        var negative = admin.post("/api/v1/items", item(code, "units", List.of(Map.of("unit", "box", "factor", -2))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/items/" + code).status()).isEqualTo(404);
    }

    @Test
    void refusesABarcodeThatAnotherItemUses() {
        String barcode = "BC" + System.nanoTime();
        admin.post("/api/v1/items", item(Api.unique("A"), "barcodes", List.of(barcode)));
        String second = Api.unique("B");
        var r = admin.post("/api/v1/items", item(second, "barcodes", List.of(barcode)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("barcodes[0]");
        assertThat(admin.get("/api/v1/items/" + second).status()).isEqualTo(404);
    }

    @Test
    void reportsEveryBadReferenceAtOnce() {
        var r = admin.withHeader("Accept-Language", "en")
                .post(
                        "/api/v1/items",
                        item(
                                Api.unique("R"),
                                "unit",
                                "furlong",
                                "units",
                                List.of(Map.of("unit", "parsec", "factor", 2)),
                                "category",
                                "NO-SUCH",
                                "defaultSupplier",
                                "NOBODY"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text())
                .contains(
                        "\"field\":\"unit\"",
                        "\"field\":\"units[0].unit\"",
                        "\"field\":\"category\"",
                        "\"field\":\"defaultSupplier\"");
    }

    @Test
    void refusesUnknownEnumValuesNamingTheAllowedOnes() {
        var r = admin.post("/api/v1/items", item(Api.unique("E"), "costMethod", "LIFO"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("costMethod");
        assertThat(r.text()).contains("MOVING_AVERAGE");
    }

    @Test
    void refusesAStaleVersion() {
        String code = Api.unique("V");
        admin.post("/api/v1/items", item(code));
        assertThat(admin.put("/api/v1/items/" + code, item(code, "name", "新名字", "version", 1))
                        .status())
                .isEqualTo(200);
        var stale = admin.put("/api/v1/items/" + code, item(code, "name", "旧页面", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(admin.get("/api/v1/items/" + code).json().get("name").asString())
                .isEqualTo("新名字");
    }

    @Test
    void hidesPurchasePricesFromUsersWithoutThePermissionAndKeepsThemOnTheirEdits() {
        String code = Api.unique("P");
        admin.post("/api/v1/items", item(code, "purchasePrice", 2.5, "salePrice", 4));
        Api clerk = admin.newUser("SALES_CLERK");
        var seen = clerk.get("/api/v1/items/" + code).json();
        assertThat(seen.get("purchasePrice").isNull()).isTrue();
        assertThat(seen.get("salePrice").decimalValue()).isEqualByComparingTo("4");

        Api itemsEditor = admin.newUser("WAREHOUSE_CLERK");
        // A warehouse clerk cannot edit items at all.
        assertThat(itemsEditor.put("/api/v1/items/" + code, item(code)).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/items/" + code)
                        .json()
                        .get("purchasePrice")
                        .decimalValue())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void auditsPriceChangesAsSensitive() {
        String code = Api.unique("AU");
        admin.post("/api/v1/items", item(code, "salePrice", 4));
        admin.put("/api/v1/items/" + code, item(code, "salePrice", 5));
        var entries =
                admin.get("/api/v1/audit-log?entity=Item&key=" + code).json().get("items");
        assertThat(entries.get(0).get("action").asString()).isEqualTo("UPDATE_PRICE");
        assertThat(entries.get(0).get("before").asString()).contains("\"salePrice\":4");
    }

    @Test
    void refusesCyclesInTheCategoryTree() {
        String a = Api.unique("CA");
        String b = Api.unique("CB");
        admin.post("/api/v1/categories", Map.of("code", a, "name", "饮料"));
        admin.post("/api/v1/categories", Map.of("code", b, "name", "碳酸饮料", "parent", a));
        var cycle = admin.put("/api/v1/categories/" + a, Map.of("code", a, "name", "饮料", "parent", b));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("errors").get(0).get("field").asString()).isEqualTo("parent");
        var self = admin.put("/api/v1/categories/" + a, Map.of("code", a, "name", "饮料", "parent", a));
        assertThat(self.status()).isEqualTo(400);
    }

    @Test
    void listsItemsOfACategoryAndItsSubcategories() {
        String top = Api.unique("T");
        String sub = Api.unique("S");
        admin.post("/api/v1/categories", Map.of("code", top, "name", "食品"));
        admin.post("/api/v1/categories", Map.of("code", sub, "name", "零食", "parent", top));
        String code = Api.unique("SNACK");
        admin.post("/api/v1/items", item(code, "category", sub));
        assertThat(admin.get("/api/v1/items?category=" + top).text()).contains(code);
    }

    @Test
    void refusesToDeleteWhatIsReferencedAndSuggestsDeactivating() {
        String category = Api.unique("DC");
        admin.post("/api/v1/categories", Map.of("code", category, "name", "在用分类"));
        String code = Api.unique("DI");
        admin.post("/api/v1/items", item(code, "category", category));
        var r = admin.delete("/api/v1/categories/" + category);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("REFERENCED");
        assertThat(admin.get("/api/v1/categories").text()).contains(category);

        assertThat(admin.delete("/api/v1/items/" + code).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/categories/" + category).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/audit-log?entity=Item&action=DELETE&key=" + code)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void managesPartnersAndRefusesAClientAsDefaultSupplier() {
        String customer = Api.unique("CUS");
        var created = admin.post(
                "/api/v1/partners",
                Map.of(
                        "code",
                        customer,
                        "name",
                        "华联超市",
                        "type",
                        "CUSTOMER",
                        "region",
                        "华东",
                        "salesperson",
                        "张三",
                        "creditLimit",
                        50000));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(admin.get("/api/v1/partners?q=hlcs").text()).contains(customer);
        assertThat(admin.get("/api/v1/partners?type=SUPPLIER&q=" + customer)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        var r = admin.post("/api/v1/items", item(Api.unique("X"), "defaultSupplier", customer));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("defaultSupplier");

        var badType = admin.post("/api/v1/partners", Map.of("code", Api.unique("P"), "name", "x", "type", "FRIEND"));
        assertThat(badType.status()).isEqualTo(400);
        var negativeCredit = admin.post(
                "/api/v1/partners", Map.of("code", Api.unique("P"), "name", "x", "type", "BOTH", "creditLimit", -1));
        assertThat(negativeCredit.status()).isEqualTo(400);
    }

    @Test
    void keepsSeveralContactsPerPartnerAndRefusesBadOnesWritingNothing() {
        String code = Api.unique("SUP");
        var created = admin.post(
                "/api/v1/partners",
                Map.of(
                        "code",
                        code,
                        "name",
                        "绿源食品",
                        "type",
                        "SUPPLIER",
                        "contacts",
                        List.of(
                                Map.of("name", "王芳", "title", "销售", "phone", "13800001111", "primary", true),
                                Map.of("name", "李会计", "title", "财务", "email", "li@example.com"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("contacts")).hasSize(2);
        assertThat(created.json().get("contacts").get(0).get("primary").asBoolean())
                .isTrue();
        assertThat(admin.get("/api/v1/partners?q=13800001111").text()).contains(code);
        assertThat(admin.get("/api/v1/partners?q=李会计").text()).contains(code);

        // PUT without a contact list keeps them; with one replaces them.
        var kept = admin.put(
                "/api/v1/partners/" + code, Map.of("code", code, "name", "绿源食品有限公司", "type", "SUPPLIER", "version", 1));
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().get("contacts")).hasSize(2);

        var badEmail = admin.put(
                "/api/v1/partners/" + code,
                Map.of(
                        "code",
                        code,
                        "name",
                        "x",
                        "type",
                        "SUPPLIER",
                        "version",
                        2,
                        "contacts",
                        List.of(Map.of("name", "A"), Map.of("name", "B", "email", "not-an-address"))));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text()).contains("contacts[1].email");
        var twoPrimaries = admin.put(
                "/api/v1/partners/" + code,
                Map.of(
                        "code",
                        code,
                        "name",
                        "x",
                        "type",
                        "SUPPLIER",
                        "version",
                        2,
                        "contacts",
                        List.of(Map.of("name", "A", "primary", true), Map.of("name", "B", "primary", true))));
        assertThat(twoPrimaries.status()).isEqualTo(400);
        assertThat(twoPrimaries.json().get("errors").get(0).get("field").asString())
                .isEqualTo("contacts");
        var unchanged = admin.get("/api/v1/partners/" + code).json();
        assertThat(unchanged.get("name").asString()).isEqualTo("绿源食品有限公司");
        assertThat(unchanged.get("contacts")).hasSize(2);

        var replaced = admin.put(
                "/api/v1/partners/" + code,
                Map.of(
                        "code",
                        code,
                        "name",
                        "绿源食品有限公司",
                        "type",
                        "SUPPLIER",
                        "version",
                        2,
                        "contacts",
                        List.of(Map.of("name", "赵仓管", "phone", "021-5555"))));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().get("contacts")).hasSize(1);
        assertThat(replaced.json().get("contacts").get(0).get("name").asString())
                .isEqualTo("赵仓管");
        assertThat(admin.delete("/api/v1/partners/" + code).status()).isEqualTo(204);
    }

    @Test
    void keepsOnePictureAnItemCheckedByItsContent() throws Exception {
        String code = Api.unique("PIC");
        admin.post("/api/v1/items", item(code));
        byte[] png = png(java.awt.Color.RED);

        var stored = admin.upload("PUT", "/api/v1/items/" + code + "/picture", "../../etc/可乐.png", png);
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        assertThat(stored.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(stored.json().get("fileName").asString()).isEqualTo("可乐.png");
        var shown = admin.get("/api/v1/items/" + code + "/picture");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Content-Type")).startsWith("image/png");
        assertThat(shown.body()).isEqualTo(png);

        // A script named like a picture, an empty file and an oversized one are refused; the picture stays.
        var script = admin.upload(
                "PUT", "/api/v1/items/" + code + "/picture", "x.png", "<script>alert(1)</script>".getBytes());
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(admin.upload("PUT", "/api/v1/items/" + code + "/picture", "e.png", new byte[0])
                        .status())
                .isEqualTo(400);
        byte[] huge = java.util.Arrays.copyOf(png, 3 * 1024 * 1024);
        assertThat(admin.upload("PUT", "/api/v1/items/" + code + "/picture", "big.png", huge)
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/items/" + code + "/picture").body()).isEqualTo(png);

        byte[] blue = png(java.awt.Color.BLUE);
        assertThat(admin.upload("PUT", "/api/v1/items/" + code + "/picture", "b.png", blue)
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/items/" + code + "/picture").body()).isEqualTo(blue);
        assertThat(admin.get("/api/v1/audit-log?entity=Item&key=" + code + "&action=ATTACH")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        Api viewer = admin.newUser("SALES_CLERK");
        assertThat(viewer.upload("PUT", "/api/v1/items/" + code + "/picture", "b.png", png)
                        .status())
                .isEqualTo(403);
        assertThat(admin.delete("/api/v1/items/" + code + "/picture").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/items/" + code + "/picture").status()).isEqualTo(404);
        // The item, no longer referenced by its picture, can be deleted.
        admin.upload("PUT", "/api/v1/items/" + code + "/picture", "b.png", blue);
        assertThat(admin.delete("/api/v1/items/" + code).status()).isEqualTo(204);
    }

    private static byte[] png(java.awt.Color color) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void managesOrgUnitsWarehousesAndBins() {
        String store = Api.unique("N");
        assertThat(admin.post("/api/v1/org-units", Map.of("code", store, "name", "南京店", "parent", "HQ"))
                        .status())
                .isEqualTo(201);
        String wh = Api.unique("WH");
        var created = admin.post("/api/v1/warehouses", Map.of("code", wh, "name", "南京仓", "orgUnit", store));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("orgUnit").asString()).isEqualTo(store);

        assertThat(admin.post("/api/v1/warehouses/" + wh + "/bins", Map.of("code", "A-03-02-01"))
                        .status())
                .isEqualTo(201);
        var nearExpiry = admin.post(
                "/api/v1/warehouses/" + wh + "/bins",
                Map.of("code", "Z-01", "name", "临期品专区", "countsAsAvailable", false));
        assertThat(nearExpiry.json().get("countsAsAvailable").asBoolean()).isFalse();
        var bins = admin.get("/api/v1/warehouses/" + wh + "/bins").json();
        assertThat(bins.get("total").asLong()).isEqualTo(2);
        assertThat(bins.get("items").get(0).get("countsAsAvailable").asBoolean())
                .isTrue();
        assertThat(admin.post("/api/v1/warehouses/" + wh + "/bins", Map.of("code", "Z-01"))
                        .code())
                .isEqualTo("DUPLICATE_CODE");

        var unknownOrg =
                admin.post("/api/v1/warehouses", Map.of("code", Api.unique("W"), "name", "x", "orgUnit", "NOPE"));
        assertThat(unknownOrg.status()).isEqualTo(400);

        var inUse = admin.delete("/api/v1/org-units/" + store);
        assertThat(inUse.code()).isEqualTo("REFERENCED");
        var cycle = admin.put("/api/v1/org-units/HQ", Map.of("code", "HQ", "name", "总部", "parent", store));
        assertThat(cycle.status()).isEqualTo(400);
    }

    @Test
    void refusesCodesThatCannotLiveInAnAddress() {
        var r = admin.post("/api/v1/items", item("A B/C"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }
}
