package org.openjxc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A buyer sets up an item with two units and a barcode, then imports items from a file. */
@IntegrationTest
class MasterDataBrowserTests {

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
    void createsAnItemWithTwoUnitsAndABarcode() throws Exception {
        driver = Browser.start(1280, 1000);
        logIn();
        String code = Api.unique("BRW");
        String barcode = "69" + (System.nanoTime() % 10_000_000_000L);
        driver.get(url("/items/new"));

        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("name")).sendKeys("农夫山泉 550ml");
        new Select(driver.findElement(By.id("unit"))).selectByValue("bottle");
        // A wrong factor first: the error shows beside the field and nothing is saved.
        new Select(driver.findElement(By.id("units0.unit"))).selectByValue("box");
        driver.findElement(By.id("units0.factor")).sendKeys("0");
        driver.findElement(By.id("barcodes")).sendKeys(barcode);
        Browser.screenshot(driver, "item-form");
        Browser.click(driver, driver.findElement(By.id("save")));
        // The click does not wait for the answer: wait for the error to show.
        Browser.waitFor(driver)
                .until(d -> !d.findElement(
                                By.cssSelector("#units0\\.factor + .invalid-feedback, .unit-row .invalid-feedback"))
                        .getText()
                        .isBlank());
        assertThat(driver.findElement(
                                By.cssSelector("#units0\\.factor + .invalid-feedback, .unit-row .invalid-feedback"))
                        .getText())
                .isNotBlank();
        Browser.screenshot(driver, "item-form-error");

        var factor = driver.findElement(By.id("units0.factor"));
        factor.clear();
        factor.sendKeys("24");
        new Select(driver.findElement(By.id("units1.unit"))).selectByValue("pack");
        driver.findElement(By.id("units1.factor")).sendKeys("6");
        Browser.click(driver, driver.findElement(By.id("save")));

        // Wait for the item page itself; the form would otherwise be read while the page changes.
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("item-units")));
        assertThat(driver.findElement(By.id("page-title")).getText()).contains("农夫山泉");
        assertThat(driver.findElement(By.id("item-units")).getText())
                .contains("1 box = 24 bottle", "1 pack = 6 bottle");
        assertThat(driver.findElement(By.id("item-barcodes")).getText()).contains(barcode);

        // A picture uploaded from the item page (a plain multipart form with its CSRF field).
        var image = new java.awt.image.BufferedImage(120, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(30, 120, 200));
        g.fillRect(0, 0, 120, 160);
        g.dispose();
        Path picture = Files.createTempFile("picture", ".png");
        javax.imageio.ImageIO.write(image, "png", picture.toFile());
        driver.findElement(By.id("picture-file"))
                .sendKeys(picture.toAbsolutePath().toString());
        Browser.click(driver, driver.findElement(By.id("picture-submit")));
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("picture-image")));
        Browser.waitFor(driver).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById('picture-image').naturalWidth === 120"));
        Browser.screenshot(driver, "item-detail");

        driver.get(url("/items?q=" + barcode));
        assertThat(driver.findElement(By.id("items-table")).getText()).contains(code);
        Browser.screenshot(driver, "items-list");
    }

    @Test
    void importsAFileAfterFixingTheRowThatWasRefused() throws Exception {
        driver = Browser.start(1280, 1000);
        logIn();
        String p = Api.unique("BIMP");
        Path file = Files.createTempFile("items", ".csv");
        Files.writeString(
                file, "编码,名称,基本单位,售价\n" + p + "-1,矿泉水,bottle,2\n" + p + "-2,苏打水,furlong,3\n", StandardCharsets.UTF_8);

        driver.get(url("/import/items"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        var wait = Browser.waitFor(driver);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        assertThat(driver.findElement(By.id("import-refused")).getText()).contains("未导入");
        assertThat(driver.findElement(By.id("import-errors")).getText())
                .contains("3")
                .contains("furlong");
        Browser.screenshot(driver, "import-refused");
        assertThat(Api.admin(port)
                        .get("/api/v1/items?q=" + p)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        Files.writeString(
                file, "编码,名称,基本单位,售价\n" + p + "-1,矿泉水,bottle,2\n" + p + "-2,苏打水,can,3\n", StandardCharsets.UTF_8);
        driver.get(url("/import/items"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-ok")));
        assertThat(driver.findElement(By.id("import-ok")).getText()).contains("2");
        assertThat(Api.admin(port)
                        .get("/api/v1/items?q=" + p)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        driver.get(url("/items/labels?q=" + p));
        assertThat(driver.findElements(By.cssSelector("#labels .label"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#labels img.label-qr"))).hasSize(2);
        Browser.screenshot(driver, "labels");
        Files.deleteIfExists(file);
    }

    @Test
    void keepsTwoContactsOfAPartnerAndShowsAFieldErrorBesideTheBadOne() throws Exception {
        driver = Browser.start(1280, 1000);
        logIn();
        String code = Api.unique("BRP");
        driver.get(url("/partners/new"));
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("name")).sendKeys("联华超市");
        driver.findElement(By.id("contacts0.name")).sendKeys("王经理");
        driver.findElement(By.id("contacts0.phone")).sendKeys("13900002222");
        driver.findElement(By.id("contacts1.name")).sendKeys("财务");
        driver.findElement(By.id("contacts1.email")).sendKeys("not-an-address");
        Browser.click(driver, driver.findElement(By.id("save")));
        Browser.waitFor(driver)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#contacts1\\.email.is-invalid")));
        Browser.screenshot(driver, "partner-form-error");

        var email = driver.findElement(By.id("contacts1.email"));
        email.clear();
        email.sendKeys("caiwu@example.com");
        Browser.click(driver, driver.findElement(By.id("save")));
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/partners?q="));
        var partner = Api.admin(port).get("/api/v1/partners/" + code).json();
        assertThat(partner.get("contacts")).hasSize(2);
        assertThat(partner.get("contacts").get(1).get("email").asString()).isEqualTo("caiwu@example.com");
    }

    private void logIn() {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
