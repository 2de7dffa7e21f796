package org.openjxc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.expect;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjxc.inventory.StockFixture;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The sample-company generator (issue 12) at its tiny scale: posted through the document engine
 * and bulk-loaded from the same plan, each into an empty company; both verify, the books agree
 * with the posted one, and both end with exactly the same stock.
 */
@IntegrationTest
class SampleDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void postedAndBulkLoadedFromTheSameSeedVerifyAndEndWithTheSameStock() {
        Api posting = TestCompanies.create(context, port);
        JsonNode posted = generate(posting, false);
        assertThat(posted.get("consistent").asBoolean()).isTrue();
        assertThat(posted.get("moves").asLong()).isGreaterThan(1_500);
        new StockFixture(posting).assertBooksAgree();

        Api bulk = TestCompanies.create(context, port);
        JsonNode loaded = generate(bulk, true);
        assertThat(loaded.get("consistent").asBoolean()).isTrue();
        assertThat(loaded.get("documents").asLong())
                .isEqualTo(posted.get("documents").asLong());
        assertThat(loaded.get("moves").asLong()).isEqualTo(posted.get("moves").asLong());
        assertThat(stock(bulk)).isEqualTo(stock(posting)).isNotEmpty();

        // Only into an empty company: a second run is refused and changes nothing.
        var refused = expect(bulk.post("/api/v1/sample-data", Map.of("scale", "TINY", "seed", 7)), 409);
        assertThat(refused.code()).isEqualTo("INVALID_STATE");
        assertThat(bulk.get("/api/v1/documents?size=1").json().get("total").asLong())
                .isEqualTo(loaded.get("documents").asLong());
    }

    @Test
    void onlyAnAdministratorMayGenerate() {
        Api admin = TestCompanies.create(context, port);
        Api clerk = admin.newUser("SALES_CLERK");
        assertThat(clerk.post("/api/v1/sample-data", Map.of("scale", "TINY")).status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/sample-data", Map.of("scale", "HUGE")).status())
                .isEqualTo(400);
    }

    private static JsonNode generate(Api api, boolean bulk) {
        JsonNode run = expect(api.post("/api/v1/sample-data", Map.of("scale", "TINY", "seed", 7, "bulk", bulk)), 202)
                .json();
        String id = run.get("id").asString();
        long until = System.currentTimeMillis() + 120_000;
        while (!run.get("phase").asString().equals("DONE")) {
            assertThat(run.get("phase").asString()).as(run.toString()).isNotEqualTo("FAILED");
            assertThat(System.currentTimeMillis()).as("still generating").isLessThan(until);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            run = expect(api.get("/api/v1/sample-data/" + id), 200).json();
        }
        return run;
    }

    /** On hand and value of every item in every warehouse. */
    private static Map<String, String> stock(Api api) {
        Map<String, String> stock = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = expect(api.get("/api/v1/stock/summary?size=100&page=" + page), 200)
                    .json();
            for (JsonNode s : result.get("items")) {
                stock.put(
                        s.get("item").asString() + "@" + s.get("warehouse").asString(),
                        s.get("onHand").decimalValue().stripTrailingZeros().toPlainString() + " / "
                                + s.get("value")
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString());
            }
            if ((page + 1) * 100L >= result.get("total").asLong()) {
                return stock;
            }
        }
    }
}
