package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjxc.OpenJxcApplication;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stateless application nodes on loopback against the same database (docs/SCALING.md): clients
 * post against both at once, and still nothing is oversold — the database's row locks, not the
 * nodes, keep stock honest.
 */
@IntegrationTest
class TwoNodeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ConfigurableApplicationContext second;

    @AfterEach
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void clientsOfTwoNodesPostingAtOnceNeverOversell() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("openjxc.admin-password", Api.ADMIN_PASSWORD);
        properties.put("openjxc.webhooks.poll", "PT1H");
        // As docs/SCALING.md advises: the scheduled jobs run on one node only.
        properties.put("openjxc.scheduling.enabled", "false");
        second = new SpringApplicationBuilder(OpenJxcApplication.class)
                .initializers(c -> c.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource("second-node", properties)))
                .run();
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

        Api first = TestCompanies.create(context, port);
        String user = first.get("/api/v1/account").json().get("username").asString();
        Api other = Api.anonymous(secondPort).login(user, Api.ADMIN_PASSWORD);
        var f = new StockFixture(first);
        var g = new StockFixture(other);
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 50, 2);
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            drafts.add(f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)))
                    .get("id")
                    .asLong());
        }
        var outcomes = StockFixture.postAtOnce(drafts, i -> i % 2 == 0 ? f : g);
        assertThat(outcomes.keySet()).as(outcomes.toString()).containsOnly("POSTED", "409 INSUFFICIENT_STOCK");
        assertThat(outcomes.get("POSTED")).as(TestDatabase.name()).isEqualTo(50);
        // Both nodes see the same stock, and the ledger still equals the balances.
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("0");
        assertThat(g.onHand(item, wh)).isEqualByComparingTo("0");
        g.assertConsistent();
    }
}
