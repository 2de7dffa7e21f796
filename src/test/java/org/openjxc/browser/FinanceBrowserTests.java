package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An accountant's pages: a landed cost entered in the form, the voucher book, cost layers, reconciliation, periods. */
@IntegrationTest
class FinanceBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aLandedCostFromTheFormShowsInTheBooksAndTheLayers() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        var f = new StockFixture(admin);
        String wh = f.warehouse();
        String tea = f.item(false, "FIFO");
        String freight = Api.unique("FRT");
        expect(
                admin.post("/api/v1/items", Map.of("code", freight, "name", "运费", "unit", "pcs", "type", "SERVICE")),
                201);
        String supplier = Api.unique("SUP");
        expect(admin.post("/api/v1/partners", Map.of("code", supplier, "name", "茶叶供应商", "type", "SUPPLIER")), 201);
        String carrier = Api.unique("CAR");
        expect(admin.post("/api/v1/partners", Map.of("code", carrier, "name", "顺路物流", "type", "SUPPLIER")), 201);
        long receipt = expect(
                        admin.post(
                                "/api/v1/documents?post=true",
                                Map.of(
                                        "type",
                                        "PURCHASE_RECEIPT",
                                        "warehouse",
                                        wh,
                                        "partner",
                                        supplier,
                                        "lines",
                                        List.of(line(tea, 10, "price", "10")))),
                        201)
                .json()
                .get("id")
                .asLong();
        String receiptNumber =
                admin.get("/api/v1/documents/" + receipt).json().get("number").asString();

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(adminName);
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        driver.get(url("/documents/new?type=LANDED_COST"));
        new Select(driver.findElement(By.id("warehouse"))).selectByValue(wh);
        driver.findElement(By.id("partner")).sendKeys(carrier);
        driver.findElement(By.id("sourceDocument")).sendKeys(receiptNumber);
        new Select(driver.findElement(By.id("allocation"))).selectByValue("QTY");
        driver.findElement(By.id("lines0.item")).sendKeys(freight);
        driver.findElement(By.id("lines0.qty")).sendKeys("1");
        driver.findElement(By.id("lines0.price")).sendKeys("21.80");
        driver.findElement(By.id("lines0.taxRate")).sendKeys("9");
        Browser.screenshot(driver, "landed-cost-form");
        Browser.click(driver, driver.findElement(By.id("save")));
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));
        assertThat(driver.findElement(By.id("doc-allocation")).getText()).isEqualTo("按数量");
        assertThat(driver.findElement(By.cssSelector("#lines .tax-amount")).getText())
                .isEqualTo("1.80");
        String number = driver.findElement(By.id("doc-number")).getText();
        Browser.screenshot(driver, "landed-cost");

        // 20.00 without VAT onto 10 units still held: the layer is now worth 120.
        driver.get(url("/cost-layers?item=" + tea));
        assertThat(driver.findElement(By.id("layers")).getText())
                .contains(receiptNumber)
                .contains("120.00");
        Browser.screenshot(driver, "cost-layers");

        driver.get(url("/vouchers?document=" + number));
        String book = driver.findElement(By.id("voucher-list")).getText();
        assertThat(book)
                .contains(number)
                .contains("1405")
                .contains("2221")
                .contains("2202")
                .contains("21.80");
        Browser.screenshot(driver, "vouchers");

        driver.get(url("/reconciliation"));
        assertThat(driver.findElements(By.cssSelector("#checks tbody tr.table-success")))
                .hasSize(3);
        Browser.screenshot(driver, "reconciliation");

        // Pay the carrier part of what it is owed; the rest shows in the payables ageing.
        driver.get(url("/settlements"));
        new Select(driver.findElement(By.id("kind"))).selectByValue("PAYMENT");
        driver.findElement(By.id("partner")).sendKeys(carrier);
        driver.findElement(By.id("amount")).sendKeys("10");
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settlement-number")));
        assertThat(driver.findElement(By.id("allocations")).getText()).contains(number);
        Browser.screenshot(driver, "payment");
        driver.get(url("/reports/ageing?kind=PAYMENT"));
        assertThat(driver.findElement(By.id("ageing")).getText())
                .contains("顺路物流")
                .contains("11.80");
        Browser.screenshot(driver, "ageing");

        driver.get(url("/reports/trend"));
        assertThat(driver.findElements(By.cssSelector("#trend-chart g"))).hasSize(12);
        Browser.screenshot(driver, "trend");

        driver.get(url("/periods"));
        assertThat(driver.findElement(By.id("closed-through")).getText()).contains("尚未结账");
        Browser.screenshot(driver, "periods");

        // The receipt waits for its supplier's invoice; its stock shows by age.
        driver.get(url("/reports/uninvoiced?side=PURCHASES"));
        assertThat(driver.findElement(By.id("report")).getText()).contains(receiptNumber);
        Browser.screenshot(driver, "uninvoiced");
        driver.get(url("/reports/stock-ageing?item=" + tea));
        assertThat(driver.findElement(By.id("report")).getText()).contains(tea);
        Browser.screenshot(driver, "stock-ageing");
        // A receipt entered late, dated before a sale of a moving-average item, re-values the sale at
        // once; 成本重算 from the form queues a job whose progress shows.
        String cups = f.item(false);
        var today = java.time.LocalDate.now();
        for (var doc : List.of(
                Map.of(
                        "type",
                        "OTHER_INBOUND",
                        "date",
                        today.minusDays(10).toString(),
                        "lines",
                        List.of(line(cups, 10, "price", "10"))),
                Map.of(
                        "type",
                        "OTHER_OUTBOUND",
                        "date",
                        today.minusDays(5).toString(),
                        "lines",
                        List.of(line(cups, 5))),
                Map.of(
                        "type",
                        "OTHER_INBOUND",
                        "date",
                        today.minusDays(7).toString(),
                        "lines",
                        List.of(line(cups, 10, "price", "16"))))) {
            var body = new java.util.HashMap<String, Object>(doc);
            body.put("warehouse", wh);
            expect(admin.post("/api/v1/documents?post=true", body), 201);
        }
        driver.get(url("/stock/revaluations"));
        assertThat(driver.findElement(By.id("revaluations")).getText())
                .contains(cups)
                .contains("-15.00");
        driver.findElement(By.id("item")).sendKeys(tea);
        driver.executeScript("document.getElementById('from').value = '2020-01-01'");
        Browser.click(driver, driver.findElement(By.id("revalue")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "先进先出"));
        driver.get(url("/stock/revaluations"));
        driver.findElement(By.id("item")).sendKeys(cups);
        driver.executeScript("document.getElementById('from').value = '2020-01-01'");
        Browser.click(driver, driver.findElement(By.id("revalue")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queued")));
        Browser.screenshot(driver, "revaluations");
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("tiles")).getText()).contains("本月毛利");
        Browser.screenshot(driver, "home-tasks");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
