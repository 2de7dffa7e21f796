package org.openjxc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The demo company loads with valid master data, once. */
@IntegrationTest
@TestPropertySource(properties = "openjxc.demo=true")
class DemoDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Test
    void loadsStoresWarehousesItemsAndPartnersOnce() {
        Api admin = Api.admin(port);
        assertThat(admin.get("/api/v1/items?q=SKU-0&size=1").json().get("total").asLong())
                .isEqualTo(304);
        var item = admin.get("/api/v1/items/SKU-0001").json();
        assertThat(item.get("units")).hasSize(1);
        assertThat(item.get("barcodes").get(0).asString()).startsWith("692").hasSize(13);
        assertThat(admin.get("/api/v1/warehouses/WH-SH/bins?size=100")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(14);
        assertThat(admin.get("/api/v1/warehouses/WH-SH/bins?q=Z-01").text()).contains("\"countsAsAvailable\":false");
        assertThat(admin.get("/api/v1/partners?type=SUPPLIER&q=S0&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(12);

        assertThat(admin.get("/api/v1/documents?type=TRANSFER&status=POSTED&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThan(10);
        assertThat(admin.get("/api/v1/documents?status=DRAFT&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isPositive();
        assertThat(admin.get("/api/v1/stock/summary?warehouse=WH-NJ&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isPositive();
        assertThat(admin.get("/api/v1/stock/verify").json().get("consistent").asBoolean())
                .isTrue();
        // A gift box kit with its BOM, to sell as one item.
        assertThat(admin.get("/api/v1/boms?item=GIFT-0001").json().get("total").asLong())
                .isEqualTo(1);

        demo.run(new DefaultApplicationArguments());

        assertThat(admin.get("/api/v1/items?q=SKU-0&size=1").json().get("total").asLong())
                .isEqualTo(304);
        assertThat(Api.anonymous(port)
                        .login("keeper", Api.ADMIN_PASSWORD)
                        .get("/api/v1/items?size=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyDemoBarcodeIsAValidEan13() {
        for (int n = 1; n <= 400; n++) {
            String code = DemoData.ean13(n);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            assertThat((10 - sum % 10) % 10).isEqualTo(code.charAt(12) - '0');
        }
    }
}
