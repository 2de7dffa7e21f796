package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A warehouse keeper counts a shelf on a phone-sized screen by scanning; the store manager sees
 * the differences with the moves that could explain them, on a desktop.
 */
@IntegrationTest
class CountingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ChromeDriver phone;
    ChromeDriver desktop;

    @AfterEach
    void quit() {
        if (phone != null) {
            phone.quit();
        }
        if (desktop != null) {
            desktop.quit();
        }
    }

    @Test
    void countsAShelfOnAPhoneAndReviewsTheDifferences() throws Exception {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String w = f.warehouse("A-01");
        String cola = f.item(false);
        String tea = f.item(false);
        f.inbound(w, cola, 12, "2.50", "bin", "A-01");
        f.inbound(w, tea, 6, "3.00", "bin", "A-01");
        String manager = admin.createUser(Map.of(), "STORE_MANAGER");
        String keeper = admin.createUser(Map.of(), "WAREHOUSE_CLERK");
        long id = expect(
                        admin.login(manager, "secret-pw-1")
                                .post("/api/v1/counts", Map.of("warehouse", w, "kind", "FULL", "blind", true)),
                        201)
                .json()
                .get("id")
                .asLong();

        phone = Browser.start(390, 844);
        logIn(phone, keeper);
        phone.get(url("/counts/" + id + "/scan"));
        phone.findElement(By.id("bin")).sendKeys("A-01");
        phone.findElement(By.id("item")).sendKeys(cola);
        phone.findElement(By.id("qty")).clear();
        phone.findElement(By.id("qty")).sendKeys("11");
        Browser.click(phone, phone.findElement(By.id("scan-submit")));
        // Each scan reloads the page: wait for the new one instead of reading the old.
        Browser.waitFor(phone)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.id("last-line"), cola));
        assertThat(phone.findElement(By.id("last-line")).getText())
                .contains(cola)
                .contains("11");
        // blind: the keeper never sees the books
        assertThat(phone.findElement(By.id("last-line")).getText()).doesNotContain("账面");
        // the bin stays for the next item
        assertThat(phone.findElement(By.id("bin")).getAttribute("value")).isEqualTo("A-01");
        phone.findElement(By.id("item")).sendKeys(tea);
        phone.findElement(By.id("qty")).clear();
        phone.findElement(By.id("qty")).sendKeys("6");
        Browser.click(phone, phone.findElement(By.id("scan-submit")));
        Browser.waitFor(phone)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.id("scan-progress"), "2 / 2"));
        Browser.screenshot(phone, "count-scan-phone");
        phone.findElement(By.id("item")).sendKeys("NO-SUCH-CODE");
        Browser.click(phone, phone.findElement(By.id("scan-submit")));
        Browser.waitFor(phone).until(d -> d.getPageSource().contains("NO-SUCH-CODE"));
        phone.get(url("/counts/" + id));
        Browser.click(phone, phone.findElement(By.id("submit-count")));
        Browser.waitFor(phone)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("count-status"), "已盘完"));

        desktop = Browser.start(1280, 900);
        logIn(desktop, manager);
        desktop.get(url("/counts/" + id + "?differences=true"));
        String table = desktop.findElement(By.id("lines")).getText();
        assertThat(table).contains(cola).contains("-1").doesNotContain(tea + " ");
        assertThat(table).contains("盘点前 7 天的变动").contains("QTRK-");
        Browser.screenshot(desktop, "count-differences");
    }

    private void logIn(ChromeDriver driver, String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("secret-pw-1");
        driver.findElement(By.id("login-submit")).click();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
