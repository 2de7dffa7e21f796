package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Real threads posting at once over HTTP (on PostgreSQL in CI, and on H2): no interleaving
 * oversells, no deadlock reaches a user, and the ledger still equals the balances.
 */
@IntegrationTest
class ConcurrencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void twoHundredOneUnitOutboundsAgainstFiftyOnHandPostExactlyFifty() throws Exception {
        var f = new StockFixture(TestCompanies.create(context, port));
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 50, 2);
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            drafts.add(f.draft("OTHER_OUTBOUND", wh, null, List.of(line(item, 1)))
                    .get("id")
                    .asLong());
        }
        var outcomes = StockFixture.postAtOnce(drafts, i -> f);
        assertThat(outcomes.keySet()).as(outcomes.toString()).containsOnly("POSTED", "409 INSUFFICIENT_STOCK");
        assertThat(outcomes.get("POSTED")).as(TestDatabase.name()).isEqualTo(50);
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("0");
        assertThat(f.summary(item, wh).get("value").decimalValue()).isEqualByComparingTo("0");
        f.assertConsistent();
    }

    @Test
    void receiptsEnteredAtOnceNeverSettleMoreThanIsOpen() throws Exception {
        var f = new StockFixture(TestCompanies.create(context, port));
        String wh = f.warehouse();
        String item = f.item(false);
        f.inbound(wh, item, 100, 1);
        String customer = Api.unique("CON");
        f.api.post("/api/v1/partners", Map.of("code", customer, "name", "并发客户", "type", "CUSTOMER"));
        for (int i = 0; i < 5; i++) {
            var delivery = f.api.post(
                    "/api/v1/documents?post=true",
                    Map.of(
                            "type",
                            "SALES_DELIVERY",
                            "warehouse",
                            wh,
                            "partner",
                            customer,
                            "lines",
                            List.of(line(item, 1, "price", 20))));
            assertThat(delivery.status()).as(delivery.text()).isEqualTo(201);
        }
        // 100 open; 20 receipts of 7 at once: exactly 100 is settled, 40 is left as advances.
        var created = new AtomicInteger();
        List<Runnable> receipts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            receipts.add(() -> {
                var r = f.api.post(
                        "/api/v1/settlements", Map.of("kind", "RECEIPT", "partner", customer, "amount", "7"));
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                created.incrementAndGet();
            });
        }
        atOnce(receipts);
        assertThat(created.get()).isEqualTo(20);
        assertThat(f.api.get("/api/v1/partners/" + customer + "/open-items")
                        .json()
                        .get("items"))
                .isEmpty();
        var ageing = f.api.get("/api/v1/reports/ageing").json().get("items").get(0);
        assertThat(ageing.get("advance").decimalValue()).isEqualByComparingTo("40");
        assertThat(f.api.get("/api/v1/partners/" + customer + "/balance")
                        .json()
                        .get("receivable")
                        .decimalValue())
                .isEqualByComparingTo("-40");
    }

    @Test
    void crossingTransfersBetweenTwoWarehousesNeverDeadlockToTheUser() throws Exception {
        var f = new StockFixture(TestCompanies.create(context, port));
        String a = f.warehouse();
        String b = f.warehouse();
        String x = f.item(false);
        String y = f.item(false);
        for (String wh : List.of(a, b)) {
            f.inbound(wh, x, 100, 1);
            f.inbound(wh, y, 100, 1);
        }
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Lines in opposite orders and opposite directions: a deadlock if locks were taken as written.
            drafts.add(f.draft(
                            "TRANSFER",
                            i % 2 == 0 ? a : b,
                            i % 2 == 0 ? b : a,
                            i % 2 == 0 ? List.of(line(x, 1), line(y, 1)) : List.of(line(y, 1), line(x, 1)))
                    .get("id")
                    .asLong());
        }
        var failures = new ConcurrentHashMap<String, AtomicInteger>();
        List<Runnable> posts = new ArrayList<>();
        for (long id : drafts) {
            posts.add(() -> {
                var r = f.post(id);
                if (r.status() != 200) {
                    failures.computeIfAbsent(r.toString(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
        }
        atOnce(posts);
        assertThat(failures).isEmpty();
        assertThat(f.available(x, a)).isEqualByComparingTo("80");
        assertThat(f.onHand(x, a))
                .as("in transit from b counts as on hand at a")
                .isEqualByComparingTo("100");
        assertThat(f.summary(x, b).get("inTransit").decimalValue()).isEqualByComparingTo("20");
        f.assertConsistent();
    }

    @Test
    void documentsCreatedAndPostedAtOnceGetConsecutiveNumbersAndNewItemsTotalsWithoutDeadlock() throws Exception {
        var f = new StockFixture(TestCompanies.create(context, port));
        String wh = f.warehouse();
        // Items never posted before: their first postings create the totals rows they lock.
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(f.item(false));
        }
        int documents = 48;
        var numbers = ConcurrentHashMap.<String>newKeySet();
        var failures = new ConcurrentHashMap<String, AtomicInteger>();
        List<Runnable> creates = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            // Three of the six items, in rotating and in reversed order.
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                lines.add(line(items.get((d + k * (d % 2 == 0 ? 1 : 5)) % items.size()), 1, "price", 2));
            }
            var body = Map.of("type", "OTHER_INBOUND", "warehouse", wh, "lines", lines);
            creates.add(() -> {
                var r = f.api.post("/api/v1/documents?post=true", body);
                if (r.status() == 201 && r.json().get("status").asString().equals("POSTED")) {
                    numbers.add(r.json().get("number").asString());
                } else {
                    failures.computeIfAbsent(r.toString(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
        }
        atOnce(creates);
        assertThat(failures).as(TestDatabase.name()).isEmpty();
        assertThat(numbers.stream().map(n -> n.substring(n.lastIndexOf('-') + 1)))
                .as("one number each, none skipped")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, documents)
                        .mapToObj(n -> String.format("%04d", n))
                        .toList());
        BigDecimal total = BigDecimal.ZERO;
        for (String item : items) {
            total = total.add(f.onHand(item, wh));
        }
        assertThat(total).isEqualByComparingTo(String.valueOf(documents * 3));
        f.assertConsistent();
    }

    @Test
    void concurrentDoublePostsOfOneDocumentPostItOnce() throws Exception {
        var f = new StockFixture(TestCompanies.create(context, port));
        String wh = f.warehouse();
        String item = f.item(false);
        long id = f.draft("OTHER_INBOUND", wh, null, List.of(line(item, 7, "price", 1)))
                .get("id")
                .asLong();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return f.api.post("/api/v1/documents/" + id + "/post", Map.of());
                }));
            }
            start.countDown();
            for (Future<Api.Response> future : futures) {
                assertThat(future.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.onHand(item, wh)).isEqualByComparingTo("7");
    }

    /** Runs the calls on eight threads, all released at once, and waits for every one. */
    private static void atOnce(List<Runnable> calls) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    call.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
