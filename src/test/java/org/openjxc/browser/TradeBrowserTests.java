package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A buyer's and a clerk's day in the browser: order, receive against it, sell, deliver against it. */
@IntegrationTest
class TradeBrowserTests {

    @LocalServerPort
    int port;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void ordersReceivesSellsAndDeliversAgainstTheOrders() throws Exception {
        Api admin = Api.admin(port);
        String wh = Api.unique("TW");
        admin.post("/api/v1/warehouses", Map.of("code", wh, "name", "贸易测试仓", "orgUnit", "HQ"));
        String item = Api.unique("TI");
        admin.post("/api/v1/items", Map.of("code", item, "name", "测试绿茶", "unit", "bottle"));
        String supplier = Api.unique("TS");
        admin.post("/api/v1/partners", Map.of("code", supplier, "name", "测试供应商", "type", "SUPPLIER"));
        String customer = Api.unique("TC");
        admin.post("/api/v1/partners", Map.of("code", customer, "name", "测试客户", "type", "CUSTOMER"));

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        driver.get(url("/settings"));
        assertThat(driver.findElement(By.id("settings-form")).getText()).contains("超收允许比例");
        Browser.screenshot(driver, "settings");

        String po = saveAndPost("PURCHASE_ORDER", wh, supplier, null, item, "10", "3");
        // 下推: the receipt comes prefilled from the order with what is open; 6 of 10 arrive.
        Browser.click(driver, driver.findElement(By.id("do-follow")));
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines0.qty")));
        assertThat(driver.findElement(By.id("sourceDocument")).getAttribute("value"))
                .isEqualTo(po);
        var qty = driver.findElement(By.id("lines0.qty"));
        qty.clear();
        qty.sendKeys("6");
        savePost();
        assertThat(driver.findElement(By.id("doc-partner")).getText()).isEqualTo(supplier);
        assertThat(driver.findElement(By.id("doc-source")).getText()).isEqualTo(po);
        driver.findElement(By.id("doc-source")).click();
        wait.until(ExpectedConditions.textToBe(By.id("doc-number"), po));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("followers")));
        assertThat(driver.findElement(By.cssSelector(".open-qty")).getText()).startsWith("4");
        Browser.screenshot(driver, "purchase-order");
        Browser.click(driver, driver.findElement(By.id("do-follow")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines0.qty")));
        assertThat(driver.findElement(By.id("lines0.qty")).getAttribute("value"))
                .startsWith("4");
        savePost();

        String so = saveAndPost("SALES_ORDER", wh, customer, null, item, "4", "5");
        String orderPage = driver.getCurrentUrl().replaceAll("\\?.*", "");
        driver.get(orderPage + "/picking");
        assertThat(driver.findElements(By.cssSelector("#picks tr.pick"))).hasSize(1);
        Browser.screenshot(driver, "picking-list");
        driver.get(orderPage);
        var summary = admin.get("/api/v1/stock/summary?item=" + item + "&warehouse=" + wh)
                .json();
        assertThat(summary.toString()).contains("\"reserved\":4");
        saveAndPost("SALES_DELIVERY", wh, null, so, item, "4", "5");
        Browser.screenshot(driver, "sales-delivery");
        Browser.click(driver, driver.findElement(By.id("do-vouchers")));
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".voucher")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("1122", "6001", "6401", "1405");
        Browser.screenshot(driver, "vouchers");
        driver.navigate().back();
        driver.get(driver.getCurrentUrl().replaceAll("\\?.*", "") + "/print");
        assertThat(driver.findElement(By.id("printed-document")).getText()).contains("测试客户", "测试绿茶", "20.00");
        Browser.screenshot(driver, "delivery-note");
        driver.navigate().back();
        summary = admin.get("/api/v1/stock/summary?item=" + item + "&warehouse=" + wh)
                .json();
        assertThat(summary.toString()).contains("\"onHand\":6", "\"reserved\":0");
        assertThat(driver.findElement(By.id("doc-source")).getText()).isEqualTo(so);

        // A promotion entered on its page.
        driver.get(url("/promotions"));
        String promo = Api.unique("PR");
        driver.findElement(By.id("code")).sendKeys(promo);
        driver.findElement(By.id("name")).sendKeys("买十送一");
        driver.findElement(By.id("item")).sendKeys(item);
        driver.findElement(By.id("buyQty")).sendKeys("10");
        driver.findElement(By.id("giftItem")).sendKeys(item);
        driver.findElement(By.id("giftQty")).sendKeys("1");
        Browser.click(driver, driver.findElement(By.id("save")));
        Browser.waitFor(driver)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("promotions-table"), promo));
        Browser.screenshot(driver, "promotions");
        driver.get(url("/reconciliation"));
        assertThat(driver.findElements(By.cssSelector("#checks tbody tr"))).hasSize(3);
        driver.get(url("/import/sales-orders"));
        assertThat(driver.findElement(By.id("order-import-form")).isDisplayed()).isTrue();
    }

    /** Fills the document form of a type, saves and posts it; answers the document's number. */
    private String saveAndPost(
            String type, String wh, String partner, String source, String item, String qty, String price) {
        driver.get(url("/documents/new?type=" + type));
        new Select(driver.findElement(By.id("warehouse"))).selectByValue(wh);
        if (partner != null) {
            driver.findElement(By.id("partner")).sendKeys(partner);
        }
        if (source != null) {
            driver.findElement(By.id("sourceDocument")).sendKeys(source);
        }
        driver.findElement(By.id("lines0.item")).sendKeys(item);
        driver.findElement(By.id("lines0.qty")).sendKeys(qty);
        driver.findElement(By.id("lines0.price")).sendKeys(price);
        return savePost();
    }

    /** Saves the form on screen and posts the document; answers its number. */
    private String savePost() {
        Browser.click(driver, driver.findElement(By.id("save")));
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));
        return driver.findElement(By.id("doc-number")).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
