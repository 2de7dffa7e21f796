package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An administrator of a new, empty company fills it with the tiny sample company and watches it come. */
@IntegrationTest
class SampleDataBrowserTests {

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
    void generatesTheTinySampleCompanyWithProgress() throws Exception {
        Api admin = TestCompanies.create(context, port);
        String owner = admin.createUser(Map.of(), "ADMIN");
        driver = Browser.start(1280, 900);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(owner);
        driver.findElement(By.id("password")).sendKeys("secret-pw-1");
        driver.findElement(By.id("login-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));

        driver.get(url("/sample-data"));
        assertThat(driver.findElement(By.cssSelector("label[for=scale-TINY]")).getText())
                .contains("40 个商品");
        Browser.screenshot(driver, "sample-data");
        driver.executeScript("window.confirm = () => true;");
        Browser.click(driver, driver.findElement(By.id("sample-start")));
        // The page follows the run by itself until it is done.
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sample-done")));
        assertThat(driver.findElement(By.id("sample-done")).getText()).contains("一致");
        Browser.screenshot(driver, "sample-data-done");

        // Now the company has data: the form says so and cannot be sent again.
        driver.get(url("/sample-data"));
        assertThat(driver.findElement(By.id("sample-not-empty")).getText()).contains("空公司");
        assertThat(driver.findElement(By.id("sample-start")).isEnabled()).isFalse();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
