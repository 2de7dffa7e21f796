package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The owner opens the dashboard, follows an alert, reads the in/out summary and exports it. */
@IntegrationTest
class ReportsBrowserTests {

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
    void dashboardAlertsAndTheInOutSummaryWithItsExcelExport() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        var f = new StockFixture(admin);
        String shop = f.warehouse();
        String store = f.warehouse();
        String item = f.item(false);
        f.inbound(shop, item, 20, "3.00");
        long transfer = f.posted("TRANSFER", shop, store, List.of(line(item, 5)));

        driver = Browser.start(1280, 900);
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(adminName);
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        assertThat(driver.findElement(By.id("attention")).getText()).contains("在途未收");
        Browser.screenshot(driver, "dashboard-alerts");
        Browser.click(driver, driver.findElement(By.cssSelector("#attention a[href$='/documents/" + transfer + "']")));
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/documents/" + transfer + "$"));

        driver.get("http://127.0.0.1:" + port + "/reports/in-out-summary?item=" + item);
        String table = driver.findElement(By.id("report")).getText();
        assertThat(table).contains(shop).contains(store).contains("调拨");
        Browser.screenshot(driver, "in-out-summary");
        // Printed as read: the print button is there, and the menu and filters are left off paper.
        assertThat(driver.findElement(By.id("print")).isDisplayed()).isTrue();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertThat(driver.findElement(By.cssSelector("nav.navbar")).isDisplayed())
                .isFalse();
        assertThat(driver.findElement(By.id("report")).isDisplayed()).isTrue();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        String export = driver.findElement(By.id("export")).getAttribute("href");

        WebSession web = WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        var file = web.get(export.substring(export.indexOf("/reports/")));
        assertThat(file.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("商品");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(item);
        }
    }
}
