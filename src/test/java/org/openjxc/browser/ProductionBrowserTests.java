package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A workshop's day in the browser: a BOM entered, a production order issued, made and received. */
@IntegrationTest
class ProductionBrowserTests {

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
    void aBomFromTheFormDrivesAnOrderFromIssueToFinishedGoods() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        var f = new StockFixture(admin);
        String wh = f.warehouse();
        String bread = f.item(false);
        String flour = f.item(false);
        f.inbound(wh, flour, 100, "2");

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(adminName);
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        // 1.8 kg of flour per loaf plus 10 % scrap, labour 0.50 a loaf.
        driver.get(url("/production/boms/new"));
        driver.findElement(By.id("item")).sendKeys(bread);
        driver.findElement(By.id("labourRate")).clear();
        driver.findElement(By.id("labourRate")).sendKeys("0.5");
        driver.findElement(By.id("lines0.item")).sendKeys(flour);
        driver.findElement(By.id("lines0.qty")).sendKeys("1.8");
        driver.findElement(By.id("lines0.scrapPercent")).sendKeys("10");
        Browser.screenshot(driver, "bom-form");
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explosion")));
        // 1.98 kg at 2.00 = 3.96, plus labour: 4.46 a loaf.
        assertThat(driver.findElement(By.id("standard-unit-cost")).getText()).isEqualTo("4.460000");
        Browser.screenshot(driver, "bom");

        driver.get(url("/documents/new?type=PRODUCTION_ORDER"));
        new Select(driver.findElement(By.id("warehouse"))).selectByValue(wh);
        driver.findElement(By.id("lines0.item")).sendKeys(bread);
        driver.findElement(By.id("lines0.qty")).sendKeys("20");
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));
        Browser.click(driver, driver.findElement(By.id("do-production")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirements")));
        assertThat(driver.findElement(By.id("requirements")).getText())
                .contains(flour)
                .contains("39.6");

        // 领料: the form starts with the 39.6 kg the order needs.
        Browser.click(driver, driver.findElement(By.id("do-issue")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
        assertThat(driver.findElement(By.id("lines0.item")).getAttribute("value"))
                .isEqualTo(flour);
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));

        // 完工入库 of all 20 loaves: 79.20 of flour + 10.00 of labour.
        var orderId = admin.get("/api/v1/documents?type=PRODUCTION_ORDER")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        driver.get(url("/production/orders/" + orderId));
        Browser.click(driver, driver.findElement(By.id("do-receive")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));

        driver.get(url("/production/orders/" + orderId));
        assertThat(driver.findElement(By.id("page-title")).getText()).contains("已全部完工");
        assertThat(driver.findElement(By.id("wip")).getText()).isEqualTo("0.00");
        assertThat(driver.findElement(By.id("receipt-costs")).getText()).contains("89.20");
        Browser.screenshot(driver, "production-order");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
