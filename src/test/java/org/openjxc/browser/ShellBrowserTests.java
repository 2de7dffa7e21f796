package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person logs in, sees the dashboard in Chinese, switches to English, and gets locked out. */
@IntegrationTest
class ShellBrowserTests {

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
    void logsInSeesTheChineseDashboardAndSwitchesToEnglish() throws Exception {
        driver = Browser.start(1280, 900);
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElement(By.id("login-submit")).getText()).isEqualTo("登录");

        logIn("admin", Api.ADMIN_PASSWORD);

        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("工作台");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("系统管理员");
        Browser.screenshot(driver, "dashboard-zh");

        driver.findElement(By.id("lang-switch")).click();
        Browser.waitFor(driver)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("page-title"), "Dashboard"));
        Browser.screenshot(driver, "dashboard-en");

        // The choice sticks on the next page.
        driver.get(url("/audit-log"));
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Audit log");
        assertThat(driver.getPageSource()).contains("LOGIN");
        Browser.screenshot(driver, "audit-log-en");
    }

    @Test
    void showsAClearMessageForAWrongPassword() {
        driver = Browser.start(1280, 900);
        driver.get(url("/login"));
        logIn("nobody-" + System.nanoTime(), "not-the-password");
        assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误。");
    }

    @Test
    void worksOnAPhoneSizedScreen() throws Exception {
        driver = Browser.start(390, 844);
        driver.get(url("/login"));
        logIn("admin", Api.ADMIN_PASSWORD);
        assertThat(driver.findElement(By.id("page-title")).isDisplayed()).isTrue();
        // The menu collapses behind a toggler on narrow screens.
        assertThat(driver.findElement(By.className("navbar-toggler")).isDisplayed())
                .isTrue();
        Browser.screenshot(driver, "dashboard-phone");
    }

    @Test
    void showsAFriendlyPageForAnUnknownAddress() {
        driver = Browser.start(1280, 900);
        driver.get(url("/login"));
        logIn("admin", Api.ADMIN_PASSWORD);
        driver.get(url("/no-such-page"));
        assertThat(driver.getPageSource()).contains("404").contains("返回工作台").doesNotContain("Exception");
    }

    private void logIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
