package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An administrator creates a store clerk limited to one warehouse, gives a temporary grant,
 * builds a custom role from a template and reviews the permission matrix, in the browser.
 */
@IntegrationTest
class AccessBrowserTests {

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
    void createsAScopedUserGrantsARoleForAWhileAndReviewsTheMatrix() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String adminName = admin.get("/api/v1/account").json().get("username").asString();
        String warehouse = Api.unique("W");
        admin.post("/api/v1/warehouses", Map.of("code", warehouse, "name", "东门店仓", "orgUnit", "HQ"));

        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(adminName);
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();

        driver.get(url("/users/new"));
        String username = Api.unique("clerk").replace("-", "_");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys("东门店库管");
        // a weak password is refused beside its field, nothing is created
        driver.findElement(By.id("password")).sendKeys("12345678");
        check("roles", "WAREHOUSE_CLERK");
        check("warehouses", warehouse);
        Browser.click(driver, driver.findElement(By.cssSelector("button[type=submit].btn-primary")));
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#password ~ .invalid-feedback"), "字母和数字"));
        assertThat(admin.get("/api/v1/users/" + username).status()).isEqualTo(404);
        driver.findElement(By.id("password")).sendKeys("Store-pass-9");
        Browser.click(driver, driver.findElement(By.cssSelector("button[type=submit].btn-primary")));
        // The click does not wait for the next page: wait for its title.
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("page-title"), "东门店库管"));
        var created = admin.get("/api/v1/users/" + username).json();
        assertThat(created.get("warehouses").get(0).asString()).isEqualTo(warehouse);
        assertThat(created.get("roles").get(0).asString()).isEqualTo("WAREHOUSE_CLERK");

        // holiday cover: store manager rights in this warehouse until a set time
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("STORE_MANAGER");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("select[name=warehouse]")))
                .selectByValue(warehouse);
        driver.executeScript("document.getElementById('until').value = '2099-01-31T18:00'");
        driver.findElement(By.id("reason")).sendKeys("店长休假顶班");
        Browser.click(driver, driver.findElement(By.cssSelector("form[action$='/grants'] button[type=submit]")));
        // The page reloads after the grant; wait for the new one rather than read the old.
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.id("grants"), "店长休假顶班"));
        assertThat(driver.findElement(By.id("grants")).getText())
                .contains("STORE_MANAGER")
                .contains("店长休假顶班");
        Browser.screenshot(driver, "user-form");

        // a custom role copied from a template, then the matrix for the access review
        driver.get(url("/roles/new?copyOf=SALES_CLERK"));
        String role = "SHOP_" + Api.unique("R").replace("-", "_").toUpperCase();
        driver.findElement(By.id("code")).sendKeys(role);
        Browser.screenshot(driver, "role-form");
        Browser.click(driver, driver.findElement(By.cssSelector("button[type=submit].btn-primary")));
        // The click does not wait for the redirect: wait for the new role's address.
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/roles/" + role + "$"));
        driver.get(url("/roles/matrix"));
        assertThat(driver.findElement(By.id("matrix")).getText())
                .contains("过账 · 销售出库")
                .contains("店长");
        assertThat(driver.getPageSource()).contains("title=\"" + role + "\"");
        Browser.screenshot(driver, "permission-matrix");

        WebSession web = WebSession.login(port, adminName, Api.ADMIN_PASSWORD);
        var export = web.get("/roles/matrix/export");
        assertThat(export.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            var formatter = new DataFormatter();
            workbook.getSheetAt(0).forEach(r -> {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(formatter.formatCellValue(c)));
                rows.add(cells);
            });
        }
        int adminColumn = rows.get(0).indexOf("ADMIN");
        int roleColumn = rows.get(0).indexOf(role);
        assertThat(adminColumn).isPositive();
        assertThat(roleColumn).isPositive();
        var manageUsers = rows.stream()
                .filter(r -> r.get(1).equals("MANAGE_USERS"))
                .findFirst()
                .orElseThrow();
        assertThat(manageUsers.get(adminColumn)).isEqualTo("✓");
        assertThat(manageUsers.size() <= roleColumn
                        || manageUsers.get(roleColumn).isEmpty())
                .isTrue();
        var createOrder = rows.stream()
                .filter(r -> r.get(1).equals("CREATE_SALES_ORDER"))
                .findFirst()
                .orElseThrow();
        assertThat(createOrder.get(roleColumn)).isEqualTo("✓");
    }

    private void check(String field, String value) {
        Browser.click(driver, driver.findElement(By.cssSelector("input[name=" + field + "][value='" + value + "']")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
