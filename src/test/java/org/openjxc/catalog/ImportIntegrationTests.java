package org.openjxc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bulk import: every bad row reported, nothing half-imported, then the fixed file goes in whole. */
@IntegrationTest
class ImportIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;
    String p;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        p = Api.unique("IMP");
    }

    @Test
    void refusesAFileWithBadRowsListingEachAndImportsNothing() {
        String taken = "TAKEN" + System.nanoTime();
        admin.post(
                "/api/v1/items", Map.of("code", p + "-OLD", "name", "旧商品", "unit", "pcs", "barcodes", List.of(taken)));
        String csv = String.join(
                "\n",
                "code,name,unit,units,barcodes,salePrice,costMethod",
                p + "-1,可乐,bottle,box=24,B" + p + "1,3.5,FIFO",
                p + "-2,雪碧,furlong,,,3.5,",
                p + "-1,重复,bottle,,,1,",
                p + "-3,芬达,bottle,box=0,,abc,LIFO",
                p + "-4,美年达,bottle,,B" + p + "1;" + taken + ",,",
                p + "-OLD,已存在,pcs,,,,");
        var r = admin.upload("/api/v1/items/import", "items.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("rows").asInt()).isEqualTo(6);
        var errors = r.json().get("errors");
        assertThat(errors.toString())
                .contains("\"row\":3,\"field\":\"unit\"")
                .contains("\"row\":4,\"field\":\"code\"")
                .contains("\"row\":5,\"field\":\"units\"")
                .contains("\"row\":5,\"field\":\"salePrice\"")
                .contains("\"row\":5,\"field\":\"costMethod\"")
                .contains("\"row\":6,\"field\":\"barcodes\"")
                .contains("\"row\":7,\"field\":\"code\"");
        assertThat(admin.get("/api/v1/items?q=" + p + "-1").json().get("total").asLong())
                .isZero();
    }

    @Test
    void importsAFixedFileWholeWithUnitsAndBarcodes() {
        admin.post("/api/v1/categories", Map.of("code", p + "-CAT", "name", "饮料"));
        String csv = String.join(
                "\n",
                "编码,名称,基本单位,辅助单位,条码,售价,分类",
                p + "-1,可乐,bottle,box=24;pack=6,X" + p + "1,3.5," + p + "-CAT",
                p + "-2,雪碧,bottle,,X" + p + "2 X" + p + "3,3.2,");
        var dry = admin.upload("/api/v1/items/import?dryRun=true", "items.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.json().get("imported").asInt()).isZero();
        assertThat(admin.get("/api/v1/items/" + p + "-1").status()).isEqualTo(404);

        var r = admin.upload("/api/v1/items/import", "items.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        var item = admin.get("/api/v1/items/" + p + "-1").json();
        assertThat(item.get("units")).hasSize(2);
        assertThat(item.get("category").asString()).isEqualTo(p + "-CAT");
        assertThat(admin.get("/api/v1/items/by-barcode/X" + p + "3")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo(p + "-2");
        assertThat(admin.get("/api/v1/audit-log?entity=Item&action=IMPORT&key=items.csv")
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void readsExcelFilesIncludingBarcodesTypedAsNumbers() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            String[] columns = {"code", "name", "unit", "barcodes", "salePrice"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(p + "-X");
            row.createCell(1).setCellValue("王老吉");
            row.createCell(2).setCellValue("can");
            long barcode = 6900000000000L + System.nanoTime() % 1000000000L;
            row.createCell(3).setCellValue((double) barcode);
            row.createCell(4).setCellValue(4.5);
            workbook.write(out);
            var r = admin.upload("/api/v1/items/import", "items.xlsx", out.toByteArray());
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            var item = admin.get("/api/v1/items/" + p + "-X").json();
            assertThat(item.get("barcodes").get(0).asString()).isEqualTo(String.valueOf(barcode));
            assertThat(item.get("salePrice").decimalValue()).isEqualByComparingTo("4.5");
        }
    }

    @Test
    void refusesUnknownColumnsAndWrongFileTypes() {
        var unknown = admin.upload(
                "/api/v1/items/import",
                "items.csv",
                "code,name,unit,colour\nA,B,pcs,red".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("colour");
        var pdf = admin.upload("/api/v1/items/import", "items.pdf", new byte[] {1, 2, 3});
        assertThat(pdf.status()).isEqualTo(400);
        var garbage = admin.upload("/api/v1/items/import", "items.xlsx", new byte[] {1, 2, 3});
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void importsPartnersWarehousesAndBinsAllOrNothing() {
        String partners = "code,name,type,region\n" + p + "-S,供应商甲,SUPPLIER,华北\n" + p + "-C,客户乙,FRIEND,华南";
        var bad = admin.upload("/api/v1/partners/import", "p.csv", partners.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/partners/" + p + "-S").status()).isEqualTo(404);

        var good = admin.upload(
                "/api/v1/partners/import",
                "p.csv",
                partners.replace("FRIEND", "CUSTOMER").getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(admin.get("/api/v1/partners/" + p + "-C").json().get("type").asString())
                .isEqualTo("CUSTOMER");

        String warehouses = "编码,名称,所属组织\n" + p + "-W1,一号仓,HQ\n" + p + "-W2,二号仓,HQ";
        assertThat(admin.upload("/api/v1/warehouses/import", "w.csv", warehouses.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        String bins =
                "warehouse,code,countsAsAvailable\n" + p + "-W1,A-01,yes\n" + p + "-W1,Z-01,no\n" + p + "-W9,A-01,yes";
        var badBins = admin.upload("/api/v1/bins/import", "b.csv", bins.getBytes(StandardCharsets.UTF_8));
        assertThat(badBins.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/warehouses/" + p + "-W1/bins")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        var goodBins = admin.upload(
                "/api/v1/bins/import",
                "b.csv",
                bins.substring(0, bins.lastIndexOf('\n')).getBytes(StandardCharsets.UTF_8));
        assertThat(goodBins.status()).as(goodBins.text()).isEqualTo(200);
        assertThat(admin.get("/api/v1/warehouses/" + p + "-W1/bins")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void requiresTheImportPermission() {
        Api clerk = admin.newUser("WAREHOUSE_CLERK");
        var r = clerk.upload(
                "/api/v1/items/import", "items.csv", "code,name,unit\nA,B,pcs".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void countsRowsUnderTheProgressIdOnlyForTheUserWhoStartedIt() {
        String id = "prog-" + p.toLowerCase();
        String csv = String.join("\n", "code,name,unit", p + "-A,甲,pcs", p + "-B,乙,pcs", p + "-C,丙,pcs") + "\n";
        var r = admin.upload("/api/v1/items/import?progress=" + id, "items.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);

        var progress = admin.get("/api/v1/import-progress/" + id);
        assertThat(progress.status()).as(progress.text()).isEqualTo(200);
        assertThat(progress.json().get("phase").asString()).isEqualTo("DONE");
        assertThat(progress.json().get("rows").asInt()).isEqualTo(3);
        assertThat(progress.json().get("total").asInt()).isEqualTo(3);
        assertThat(progress.json().get("percent").asInt()).isEqualTo(100);

        Api other = admin.newUser("ADMIN");
        assertThat(other.get("/api/v1/import-progress/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/import-progress/never-started-1").status())
                .isEqualTo(404);
    }
}
