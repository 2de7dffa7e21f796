package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.time.LocalDate;
import java.util.HashMap;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A buyer's morning: forecast again, read why an item is short, tick it, get a draft purchase order. */
@IntegrationTest
class ReplenishmentBrowserTests {

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
    void aShortItemBecomesADraftPurchaseOrderFromItsSuggestion() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        var f = new StockFixture(admin);
        String wh = f.warehouse();
        String supplier = f.partner("SUPPLIER");
        String customer = f.partner("CUSTOMER");
        String tea = Api.unique("TEA");
        expect(
                admin.post(
                        "/api/v1/items",
                        Map.of(
                                "code",
                                tea,
                                "name",
                                "龙井茶",
                                "unit",
                                "pcs",
                                "defaultSupplier",
                                supplier,
                                "purchasePrice",
                                30)),
                201);
        LocalDate today = LocalDate.now();
        post(admin, "OTHER_INBOUND", wh, today.minusDays(50), null, List.of(line(tea, 300, "price", 30)));
        // Seven weeks of sales with a weekend peak: 4 a day, 10 on Saturdays and Sundays.
        for (int d = 49; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            int qty = day.getDayOfWeek().getValue() >= 6 ? 10 : 4;
            post(admin, "SALES_DELIVERY", wh, day, customer, List.of(line(tea, qty, "price", 48)));
        }

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(adminName);
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        driver.get(url("/replenishment"));
        Browser.click(driver, driver.findElement(By.id("run-forecast")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run"), "预测完成于"));
        driver.get(url("/replenishment"));
        String table = driver.findElement(By.id("suggestions")).getText();
        assertThat(table).contains(tea).contains("采购").contains("再订货点");
        Browser.screenshot(driver, "replenishment");

        driver.findElement(By.cssSelector("#suggestions input[name=pick]")).click();
        Browser.click(driver, driver.findElement(By.id("make-drafts")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已生成草稿单据"));
        assertThat(admin.get("/api/v1/documents?type=PURCHASE_ORDER")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        driver.get(url("/replenishment/forecast?item=" + tea + "&warehouse=" + wh));
        assertThat(driver.findElement(By.id("method")).getText()).isEqualTo("Holt-Winters（周季节）");
        assertThat(driver.findElement(By.id("forecast-line")).getAttribute("points"))
                .isNotBlank();
        Browser.screenshot(driver, "forecast");
    }

    private static void post(
            Api api, String type, String wh, LocalDate date, String partner, List<Map<String, Object>> lines) {
        var body = new HashMap<String, Object>(
                Map.of("type", type, "warehouse", wh, "date", date.toString(), "lines", lines));
        if (partner != null) {
            body.put("partner", partner);
        }
        expect(api.post("/api/v1/documents?post=true", body), 201);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
