package org.openjxc.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver; nothing is downloaded at run time.
 * Without Chromium the browser tests are skipped with a message, unless
 * {@code -Dopenjxc.requireBrowser=true} (as in CI), which makes a missing browser a failure.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    static ChromeDriver start(int width, int height) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (Boolean.getBoolean("openjxc.requireBrowser")) {
                throw new IllegalStateException("Browser tests required but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("Browser tests skipped: install chromium and chromium-driver to run them");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Waits up to ten seconds, looking again when the page was replaced under it. */
    static org.openqa.selenium.support.ui.WebDriverWait waitFor(ChromeDriver driver) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks after scrolling the element into view, as a person would (instantly: Bootstrap scrolls smoothly). */
    static void click(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    static Path screenshot(ChromeDriver driver, String name) throws java.io.IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }
}
