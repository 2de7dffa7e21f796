package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.support.Api;
import tools.jackson.databind.JsonNode;

/** Builds master data and documents through the API, the way an integration would. */
public final class StockFixture {

    public final Api api;

    public StockFixture(Api api) {
        this.api = api;
    }

    public String warehouse(String... bins) {
        String code = Api.unique("W");
        expect(api.post("/api/v1/warehouses", Map.of("code", code, "name", "仓库 " + code, "orgUnit", "HQ")), 201);
        for (String bin : bins) {
            boolean counts = !bin.startsWith("Z");
            expect(
                    api.post("/api/v1/warehouses/" + code + "/bins", Map.of("code", bin, "countsAsAvailable", counts)),
                    201);
        }
        return code;
    }

    public String item(boolean batchManaged) {
        return item(batchManaged, "MOVING_AVERAGE");
    }

    /** An item costed by {@code costMethod}: MOVING_AVERAGE, FIFO or SPECIFIC. */
    public String item(boolean batchManaged, String costMethod) {
        String code = Api.unique("I");
        var body = new LinkedHashMap<String, Object>(Map.of(
                "code",
                code,
                "name",
                "商品 " + code,
                "unit",
                "pcs",
                "units",
                List.of(Map.of("unit", "box", "factor", 10))));
        body.put("batchManaged", batchManaged);
        body.put("costMethod", costMethod);
        if (batchManaged) {
            body.put("shelfLifeDays", 365);
        }
        expect(api.post("/api/v1/items", body), 201);
        return code;
    }

    /** A supplier or customer (type SUPPLIER, CUSTOMER or BOTH) with a fresh code; answers the code. */
    public String partner(String type) {
        String code = Api.unique(type.substring(0, 3));
        expect(api.post("/api/v1/partners", Map.of("code", code, "name", "单位 " + code, "type", type)), 201);
        return code;
    }

    public static Map<String, Object> line(String item, Object qty, Object... more) {
        var l = new LinkedHashMap<String, Object>(Map.of("item", item, "qty", qty));
        for (int i = 0; i < more.length; i += 2) {
            l.put((String) more[i], more[i + 1]);
        }
        return l;
    }

    public JsonNode draft(String type, String warehouse, String toWarehouse, List<Map<String, Object>> lines) {
        var body = new LinkedHashMap<String, Object>(Map.of("type", type, "warehouse", warehouse, "lines", lines));
        if (toWarehouse != null) {
            body.put("toWarehouse", toWarehouse);
        }
        return expect(api.post("/api/v1/documents", body), 201).json();
    }

    public Api.Response post(long id) {
        return api.post("/api/v1/documents/" + id + "/post", Map.of());
    }

    public long posted(String type, String warehouse, String toWarehouse, List<Map<String, Object>> lines) {
        long id = draft(type, warehouse, toWarehouse, lines).get("id").asLong();
        var r = post(id);
        expect(r, 200);
        assertThat(r.json().get("status").asString()).isEqualTo("POSTED");
        return id;
    }

    public long inbound(String warehouse, String item, Object qty, Object price, Object... more) {
        List<Object> all = new ArrayList<>(List.of("price", price));
        all.addAll(List.of(more));
        return posted("OTHER_INBOUND", warehouse, null, List.of(line(item, qty, all.toArray())));
    }

    JsonNode summary(String item, String warehouse) {
        var items = api.get("/api/v1/stock/summary?includeZero=true&item=" + item + "&warehouse=" + warehouse)
                .json()
                .get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    public BigDecimal onHand(String item, String warehouse) {
        JsonNode s = summary(item, warehouse);
        return s == null ? BigDecimal.ZERO : s.get("onHand").decimalValue();
    }

    BigDecimal available(String item, String warehouse) {
        JsonNode s = summary(item, warehouse);
        return s == null ? BigDecimal.ZERO : s.get("available").decimalValue();
    }

    public void assertConsistent() {
        var v = api.get("/api/v1/stock/verify").json();
        assertThat(v.get("differences").toString()).isEqualTo("[]");
        assertThat(v.get("consistent").asBoolean()).isTrue();
    }

    /** Debit less credit of an account over the vouchers of one document. */
    public BigDecimal booked(long document, String account) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode v : api.get("/api/v1/vouchers?sourceDocument=" + document).json()) {
            for (JsonNode l : v.get("lines")) {
                if (l.get("account").asString().equals(account)) {
                    sum = sum.add(l.get("debit").decimalValue())
                            .subtract(l.get("credit").decimalValue());
                }
            }
        }
        return sum;
    }

    /** Waits until no re-valuation of the company is pending (they run in the background). */
    public void awaitRevaluations() {
        long until = System.currentTimeMillis() + 30_000;
        while (api.get("/api/v1/stock/revaluations?status=PENDING")
                        .json()
                        .get("total")
                        .asLong()
                > 0) {
            assertThat(System.currentTimeMillis())
                    .as("re-valuation still running")
                    .isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Once re-valuations are done: the ledger verifies and every reconciliation check agrees with
     * the books, in total and document by document.
     */
    public void assertBooksAgree() {
        awaitRevaluations();
        assertConsistent();
        for (JsonNode check : api.get("/api/v1/reconciliation").json().get("checks")) {
            assertThat(check.get("difference").decimalValue())
                    .as(check.toString())
                    .isEqualByComparingTo("0");
            assertThat(check.get("documents")).as(check.toString()).isEmpty();
        }
    }

    /**
     * Posts the drafts all at once from 16 threads, each through the fixture {@code via} picks for
     * its index (another node, another user); answers how often each outcome came back
     * ({@code POSTED}, {@code 409 INSUFFICIENT_STOCK}, …).
     */
    public static Map<String, Integer> postAtOnce(List<Long> drafts, java.util.function.IntFunction<StockFixture> via)
            throws Exception {
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                long id = drafts.get(i);
                StockFixture f = via.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    var r = f.post(id);
                    String outcome =
                            r.status() == 200 ? r.json().get("status").asString() : r.status() + " " + r.code();
                    outcomes.merge(outcome, 1, Integer::sum);
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    public static Api.Response expect(Api.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r;
    }
}
