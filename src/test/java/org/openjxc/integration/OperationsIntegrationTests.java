package org.openjxc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;
import static org.openjxc.inventory.StockFixture.line;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Operations (issue #13): Prometheus metrics behind a permission, request ids in responses and logs. */
@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void metricsShowPostingsRefusalsAndQueuesToAMonitoringToken() {
        Api admin = TestCompanies.create(context, port);
        var f = new StockFixture(admin);
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 1, "1");
        expect(
                f.post(f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 5)))
                        .get("id")
                        .asLong()),
                409);

        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .contains("openjxc_documents_posted_total{application=\"openjxc\",type=\"OTHER_INBOUND\"}")
                .contains("openjxc_refusals_total{application=\"openjxc\",code=\"INSUFFICIENT_STOCK\"}")
                .contains("openjxc_queue{application=\"openjxc\",queue=\"webhook_deliveries\"}")
                .contains("http_server_requests_seconds_bucket");

        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.newUser("SALES_CLERK").get("/actuator/prometheus").status())
                .isEqualTo(403);
    }

    @Test
    void everyResponseCarriesItsRequestId() {
        Api admin = Api.admin(port);
        var given = admin.withHeader("X-Request-Id", "till-7:4711").get("/api/v1/account");
        assertThat(given.header("X-Request-Id")).isEqualTo("till-7:4711");
        var made =
                admin.withHeader("X-Request-Id", "no spaces or <tags> please").get("/api/v1/account");
        assertThat(made.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(Api.anonymous(port).get("/login").header("X-Request-Id")).isNotBlank();
    }
}
