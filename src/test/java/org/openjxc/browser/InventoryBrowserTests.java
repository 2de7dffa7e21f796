package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A warehouse clerk receives goods by scanning, posts, sees the stock, and is stopped from overselling. */
@IntegrationTest
class InventoryBrowserTests {

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
    void receivesByScanningPostsAndCannotIssueMoreThanOnHand() throws Exception {
        Api admin = Api.admin(port);
        String wh = Api.unique("BW");
        admin.post("/api/v1/warehouses", Map.of("code", wh, "name", "浏览器测试仓", "orgUnit", "HQ"));
        String item = Api.unique("BI");
        String barcode = "77" + (System.nanoTime() % 10_000_000_000L);
        admin.post(
                "/api/v1/items",
                Map.of(
                        "code",
                        item,
                        "name",
                        "测试矿泉水",
                        "unit",
                        "bottle",
                        "units",
                        List.of(Map.of("unit", "box", "factor", 24)),
                        "barcodes",
                        List.of(barcode)));

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        driver.get(url("/documents/new?type=OTHER_INBOUND"));
        new Select(driver.findElement(By.id("warehouse"))).selectByValue(wh);
        var scan = driver.findElement(By.id("scan"));
        scan.sendKeys(barcode, Keys.ENTER);
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("scanned")));
        driver.findElement(By.id("scan")).sendKeys(barcode, Keys.ENTER);
        Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("lines0.qty"), "value", "2"));
        assertThat(driver.findElement(By.id("lines0.item")).getAttribute("value"))
                .isEqualTo(item);
        new Select(driver.findElement(By.id("lines0.unit"))).selectByValue("box");
        driver.findElement(By.id("lines0.price")).sendKeys("48");
        Browser.screenshot(driver, "document-form");
        Browser.click(driver, driver.findElement(By.id("save")));

        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已保存"));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.textToBe(By.id("doc-status"), "已过账"));

        // The supplier's delivery note, scanned after posting, is attached to the posted document.
        var deliveryNote = java.nio.file.Files.createTempFile("送货单", ".pdf");
        java.nio.file.Files.writeString(deliveryNote, "%PDF-1.4\n%%EOF\n");
        driver.findElement(By.id("attachment-file"))
                .sendKeys(deliveryNote.toAbsolutePath().toString());
        Browser.click(driver, driver.findElement(By.id("attach-submit")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), ".pdf"));
        assertThat(driver.findElement(By.id("doc-status")).getText()).isEqualTo("已过账");
        Browser.screenshot(driver, "document-posted");

        driver.get(url("/stock?q=" + item));
        assertThat(driver.findElement(By.id("stock-summary")).getText()).contains(item, "48");
        Browser.screenshot(driver, "stock");

        driver.get(url("/documents/new?type=OTHER_OUTBOUND"));
        new Select(driver.findElement(By.id("warehouse"))).selectByValue(wh);
        driver.findElement(By.id("lines0.item")).sendKeys(item);
        driver.findElement(By.id("lines0.qty")).sendKeys("50");
        Browser.click(driver, driver.findElement(By.id("save")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("do-post")));
        Browser.click(driver, driver.findElement(By.id("do-post")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText())
                .contains(item, "50", "48");
        assertThat(driver.findElement(By.id("doc-status")).getText()).isEqualTo("已保存");
        Browser.screenshot(driver, "insufficient-stock");

        driver.get(url("/stock/card?item=" + item + "&warehouse=" + wh));
        assertThat(driver.findElement(By.id("card-moves")).getText()).contains("QTRK-");
        driver.get(url("/stock/verify"));
        assertThat(driver.findElement(By.id("verify-ok")).isDisplayed()).isTrue();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
