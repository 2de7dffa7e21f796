package org.openjxc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openjxc.inventory.StockFixture.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openjxc.OpenJxcApplication;
import org.openjxc.support.Api;
import org.openjxc.support.TestCompanies;
import org.openjxc.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Random sequences of documents — receipts, issues, transfers with receipts, status changes,
 * production (order, material issue, finished goods), kits sold, disassembly and unposts — against
 * the running application: afterwards the ledger equals the balances (and the
 * FIFO item's open cost layers its stock and value), the books agree with the stock (purchases with
 * VAT, landed costs and payments included) and every voucher balances, no
 * position is negative, each item's total is what the posted documents say, and recalculation
 * changes nothing.
 */
class LedgerProperties {

    static ConfigurableApplicationContext app;
    static int port;

    @BeforeContainer
    static void start() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("openjxc.admin-password", Api.ADMIN_PASSWORD);
        // Ahead of application.properties (builder .properties() would only be defaults, losing to its
        // file database and port 8080): the test database of this run, H2 or PostgreSQL, on a free port.
        app = new SpringApplicationBuilder(OpenJxcApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource("ledger-properties", properties)))
                .run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** One step of a random sequence; indexes pick items, warehouses and earlier documents. */
    record Op(String kind, int item, int warehouse, int other, int qty, int price, int pick) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> kinds = Arbitraries.of(
                "IN",
                "IN",
                "IN",
                "OUT",
                "OUT",
                "TRANSFER",
                "TRANSFER",
                "RECEIVE",
                "RECEIVE",
                "STATUS",
                "COUNT",
                "BUY",
                "LANDED",
                "PAY",
                "MAKE",
                "KIT",
                "APART",
                "UNPOST");
        Arbitrary<Op> op = Combinators.combine(
                        kinds,
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 9),
                        Arbitraries.integers().between(0, 30))
                .as(Op::new);
        return op.list().ofMinSize(5).ofMaxSize(22);
    }

    @Property(tries = 15)
    void randomDocumentSequencesKeepTheLedgerEqualToTheBalances(@ForAll("operations") List<Op> ops) {
        var f = new StockFixture(TestCompanies.create(app, port));
        // One person plays every part here, counts included.
        var settings = new HashMap<String, Object>(
                Api.JSON.convertValue(f.api.get("/api/v1/settings").json(), Map.class));
        settings.put("segregationOfDuties", false);
        assertThat(f.api.put("/api/v1/settings", settings).status()).isEqualTo(200);
        List<String> warehouses = List.of(f.warehouse("A-01", "Z-01"), f.warehouse());
        // One item at moving average, one by FIFO layers: verify also checks the layers hold the stock.
        List<String> items = List.of(f.item(false), f.item(false, "FIFO"));
        String supplier = Api.unique("SUP");
        String carrier = Api.unique("CAR");
        for (String partner : List.of(supplier, carrier)) {
            assertThat(f.api.post("/api/v1/partners", Map.of("code", partner, "name", partner, "type", "SUPPLIER"))
                            .status())
                    .isEqualTo(201);
        }
        String freight = Api.unique("FRT");
        assertThat(f.api.post("/api/v1/items", Map.of("code", freight, "name", "运费", "unit", "pcs", "type", "SERVICE"))
                        .status())
                .isEqualTo(201);
        // A product made of 2 of the first item, and a kit of one of each item.
        String product = f.item(false);
        assertThat(f.api.post(
                                "/api/v1/boms",
                                Map.of(
                                        "item",
                                        product,
                                        "version",
                                        "V1",
                                        "kind",
                                        "PRODUCTION",
                                        "outputQty",
                                        1,
                                        "validFrom",
                                        LocalDate.now().minusDays(10).toString(),
                                        "lines",
                                        List.of(line(items.get(0), 2))))
                        .status())
                .isEqualTo(201);
        String kit = Api.unique("KIT");
        assertThat(f.api.post("/api/v1/items", Map.of("code", kit, "name", "组合", "unit", "pcs", "type", "KIT"))
                        .status())
                .isEqualTo(201);
        assertThat(f.api.post(
                                "/api/v1/boms",
                                Map.of(
                                        "item",
                                        kit,
                                        "version",
                                        "V1",
                                        "kind",
                                        "KIT",
                                        "outputQty",
                                        1,
                                        "validFrom",
                                        LocalDate.now().minusDays(10).toString(),
                                        "lines",
                                        List.of(line(items.get(0), 1), line(items.get(1), 1))))
                        .status())
                .isEqualTo(201);
        String customer = f.partner("CUSTOMER");
        Map<String, BigDecimal> expected = new HashMap<>();
        /** A posted document and what it did to each item's total (recorded by {@code record}). */
        record Posted(long id, String kind, Map<String, Integer> effects) {
            Posted(long id, String kind, String item, int qty) {
                this(id, kind, Map.of(item, qty));
            }
        }
        List<Posted> posted = new ArrayList<>();
        java.util.function.Consumer<Posted> record = p -> {
            posted.add(p);
            p.effects().forEach((i, q) -> expected.merge(i, BigDecimal.valueOf(q), BigDecimal::add));
        };
        // Posted purchase receipts a landed cost may name: id and warehouse index.
        List<long[]> buys = new ArrayList<>();

        for (Op op : ops) {
            String item = items.get(op.item());
            String wh = warehouses.get(op.warehouse());
            String other = warehouses.get(1 - op.warehouse());
            switch (op.kind()) {
                case "IN" -> {
                    var l = op.price() % 3 == 0
                            ? line(item, op.qty(), "price", op.price(), "bin", op.warehouse() == 0 ? "Z-01" : null)
                            : line(item, op.qty(), "price", op.price());
                    l.values().removeIf(v -> v == null);
                    long id = dated(f, "OTHER_INBOUND", wh, null, List.of(l), op);
                    if (accept(f.post(id))) {
                        posted.add(new Posted(id, "IN", item, op.qty()));
                        expected.merge(item, BigDecimal.valueOf(op.qty()), BigDecimal::add);
                    }
                }
                case "OUT" -> {
                    long id = dated(f, "OTHER_OUTBOUND", wh, null, List.of(line(item, op.qty())), op);
                    if (accept(f.post(id))) {
                        posted.add(new Posted(id, "OUT", item, -op.qty()));
                        expected.merge(item, BigDecimal.valueOf(-op.qty()), BigDecimal::add);
                    }
                }
                case "TRANSFER" -> {
                    long id = dated(f, "TRANSFER", wh, other, List.of(line(item, op.qty())), op);
                    if (accept(f.post(id))) {
                        posted.add(new Posted(id, "TRANSFER", Map.of()));
                    }
                }
                case "RECEIVE" -> {
                    List<Posted> transfers = posted.stream()
                            .filter(p -> p.kind().equals("TRANSFER"))
                            .toList();
                    if (!transfers.isEmpty()) {
                        Posted p = transfers.get(op.pick() % transfers.size());
                        accept(f.api.post("/api/v1/documents/" + p.id() + "/receive", Map.of()));
                    }
                }
                case "STATUS" -> {
                    long id = f.draft(
                                    "STATUS_CHANGE",
                                    wh,
                                    null,
                                    List.of(line(item, op.qty(), "fromStatus", "AVAILABLE", "status", "FROZEN")))
                            .get("id")
                            .asLong();
                    if (accept(f.post(id))) {
                        posted.add(new Posted(id, "STATUS", Map.of()));
                    }
                }
                case "COUNT" -> {
                    // Count one item in the warehouse: what is found at the bin-less position is op.qty,
                    // every other listed position of the item is found empty.
                    var count = f.api.post(
                            "/api/v1/counts",
                            Map.of("warehouse", wh, "kind", "AD_HOC", "items", List.of(item), "blind", false));
                    assertThat(count.status()).as(count.text()).isEqualTo(201);
                    String path = "/api/v1/counts/" + count.json().get("id").asLong();
                    assertThat(f.api.post(path + "/entries", Map.of("item", item, "qty", op.qty()))
                                    .status())
                            .isEqualTo(200);
                    assertThat(f.api.post(path + "/submit?uncountedAsZero=true", Map.of())
                                    .status())
                            .isEqualTo(200);
                    BigDecimal difference = BigDecimal.ZERO;
                    for (var l : f.api.get(path + "/lines?differences=true&size=500")
                            .json()
                            .get("items")) {
                        difference = difference.add(l.get("difference").decimalValue());
                    }
                    var approved = f.api.post(path + "/approve", Map.of());
                    if (accept(approved) && approved.json().hasNonNull("adjustmentDocument")) {
                        posted.add(new Posted(
                                approved.json().get("adjustmentDocument").asLong(),
                                "ADJ",
                                item,
                                difference.intValueExact()));
                        expected.merge(item, difference, BigDecimal::add);
                    }
                }
                case "UNPOST" -> {
                    if (!posted.isEmpty()) {
                        Posted p = posted.get(op.pick() % posted.size());
                        if (accept(f.api.post("/api/v1/documents/" + p.id() + "/unpost", Map.of()))) {
                            posted.remove(p);
                            buys.removeIf(b -> b[0] == p.id());
                            p.effects().forEach((i, q) -> expected.merge(i, BigDecimal.valueOf(-q), BigDecimal::add));
                        }
                    }
                }
                case "BUY" -> {
                    // A purchase with 13% VAT, which the books keep out of stock value.
                    var body = Map.<String, Object>of(
                            "type",
                            "PURCHASE_RECEIPT",
                            "warehouse",
                            wh,
                            "partner",
                            supplier,
                            "date",
                            date(op).toString(),
                            "lines",
                            List.of(line(item, op.qty(), "price", op.price(), "taxRate", "0.13")));
                    var created = f.api.post("/api/v1/documents", body);
                    assertThat(created.status()).as(created.text()).isEqualTo(201);
                    long id = created.json().get("id").asLong();
                    if (accept(f.post(id))) {
                        posted.add(new Posted(id, "IN", item, op.qty()));
                        buys.add(new long[] {id, op.warehouse()});
                        expected.merge(item, BigDecimal.valueOf(op.qty()), BigDecimal::add);
                    }
                }
                case "LANDED" -> {
                    if (!buys.isEmpty()) {
                        long[] buy = buys.get(op.pick() % buys.size());
                        var body = Map.<String, Object>of(
                                "type",
                                "LANDED_COST",
                                "warehouse",
                                warehouses.get((int) buy[1]),
                                "partner",
                                carrier,
                                "sourceDocument",
                                buy[0],
                                "allocation",
                                op.other() == 0 ? "AMOUNT" : "QTY",
                                "lines",
                                List.of(line(freight, 1, "price", op.price(), "taxRate", "0.09")));
                        var created = f.api.post("/api/v1/documents", body);
                        assertThat(created.status()).as(created.text()).isEqualTo(201);
                        long id = created.json().get("id").asLong();
                        if (accept(f.post(id))) {
                            posted.add(new Posted(id, "LANDED", Map.of()));
                        }
                    }
                }
                case "PAY" -> {
                    var paid = f.api.post(
                            "/api/v1/settlements",
                            Map.of(
                                    "kind",
                                    "PAYMENT",
                                    "partner",
                                    op.other() == 0 ? supplier : carrier,
                                    "amount",
                                    op.qty()));
                    assertThat(paid.status()).as(paid.text()).isEqualTo(201);
                }
                case "MAKE" -> {
                    // Order, issue exactly what the BOM asks, receive the product.
                    long order = dated(f, "PRODUCTION_ORDER", wh, null, List.of(line(product, op.qty())), op);
                    if (!accept(f.post(order))) {
                        break;
                    }
                    long issue = dated(
                            f, "PRODUCTION_ISSUE", wh, null, List.of(line(items.get(0), 2 * op.qty())), op, order);
                    if (!accept(f.post(issue))) {
                        break;
                    }
                    record.accept(new Posted(issue, "ISSUE", items.get(0), -2 * op.qty()));
                    long receipt =
                            dated(f, "PRODUCTION_RECEIPT", wh, null, List.of(line(product, op.qty())), op, order);
                    if (accept(f.post(receipt))) {
                        record.accept(new Posted(receipt, "MADE", product, op.qty()));
                    }
                }
                case "KIT" -> {
                    var body = new HashMap<String, Object>(Map.of(
                            "type",
                            "SALES_DELIVERY",
                            "warehouse",
                            wh,
                            "partner",
                            customer,
                            "lines",
                            List.of(line(kit, op.qty(), "price", 20))));
                    body.put("date", date(op).toString());
                    var created = f.api.post("/api/v1/documents", body);
                    assertThat(created.status()).as(created.text()).isEqualTo(201);
                    long id = created.json().get("id").asLong();
                    if (accept(f.post(id))) {
                        record.accept(new Posted(id, "KIT", Map.of(items.get(0), -op.qty(), items.get(1), -op.qty())));
                    }
                }
                case "APART" -> {
                    long id = dated(f, "DISASSEMBLY", wh, null, List.of(line(product, -1), line(items.get(0), 2)), op);
                    if (accept(f.post(id))) {
                        record.accept(new Posted(id, "APART", Map.of(product, -1, items.get(0), 2)));
                    }
                }
                default -> throw new IllegalStateException(op.kind());
            }
        }

        // Re-valuations of back-dated documents done (transfers pass theirs on in the background).
        f.awaitRevaluations();
        f.assertConsistent();
        // The books agree with the stock, and every voucher balances.
        for (var check : f.api.get("/api/v1/reconciliation").json().get("checks")) {
            assertThat(check.get("difference").decimalValue())
                    .as(check.toString())
                    .isEqualByComparingTo("0");
        }
        for (var voucher : f.api.get("/api/v1/vouchers?size=500").json().get("items")) {
            BigDecimal balance = BigDecimal.ZERO;
            for (var l : voucher.get("lines")) {
                balance = balance.add(l.get("debit").decimalValue())
                        .subtract(l.get("credit").decimalValue());
            }
            assertThat(balance).as(voucher.toString()).isEqualByComparingTo("0");
        }
        var positions =
                f.api.get("/api/v1/stock?includeZero=true&size=500").json().get("items");
        positions.forEach(p ->
                assertThat(p.get("onHand").decimalValue()).as(p.toString()).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        for (String item : List.of(items.get(0), items.get(1), product)) {
            BigDecimal total = warehouses.stream().map(w -> f.onHand(item, w)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).as(item).isEqualByComparingTo(expected.getOrDefault(item, BigDecimal.ZERO));
            for (String wh : warehouses) {
                var s = f.summary(item, wh);
                if (s != null) {
                    assertThat(s.get("value").decimalValue())
                            .as("value of " + item + " in " + wh)
                            .isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    if (s.get("onHand").decimalValue().signum() == 0) {
                        assertThat(s.get("value").decimalValue()).isEqualByComparingTo("0");
                    }
                }
            }
        }
        String before =
                f.api.get("/api/v1/stock/summary?includeZero=true&size=500").text();
        assertThat(f.api.post("/api/v1/stock/recalculate", Map.of())
                        .json()
                        .get("consistent")
                        .asBoolean())
                .isTrue();
        assertThat(f.api.get("/api/v1/stock/summary?includeZero=true&size=500").text())
                .isEqualTo(before);
        // Replaying the moving-average item's ledger in document-date order finds every move already
        // at the cost it should have: nothing to correct.
        var queued = f.api.post("/api/v1/stock/revaluations", Map.of("item", items.get(0)));
        assertThat(queued.status()).as(queued.text()).isEqualTo(200);
        f.awaitRevaluations();
        for (var job : f.api.get("/api/v1/stock/revaluations?size=500").json().get("items")) {
            if (job.get("document").isNull()) {
                assertThat(job.get("corrections").asInt()).as(job.toString()).isZero();
            }
        }
    }

    /**
     * Documents are dated up to four days back in random order, so many are back-dated against
     * documents posted before them.
     */
    private static LocalDate date(Op op) {
        return LocalDate.now().minusDays(op.pick() % 5);
    }

    private static long dated(
            StockFixture f, String type, String warehouse, String toWarehouse, List<Map<String, Object>> lines, Op op) {
        return dated(f, type, warehouse, toWarehouse, lines, op, null);
    }

    private static long dated(
            StockFixture f,
            String type,
            String warehouse,
            String toWarehouse,
            List<Map<String, Object>> lines,
            Op op,
            Long source) {
        var body = new HashMap<String, Object>(Map.of("type", type, "warehouse", warehouse, "lines", lines));
        if (source != null) {
            body.put("sourceDocument", source);
        }
        body.put("date", date(op).toString());
        if (toWarehouse != null) {
            body.put("toWarehouse", toWarehouse);
        }
        var created = f.api.post("/api/v1/documents", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Success, or a business refusal that changes nothing; anything else fails the property. */
    private static boolean accept(Api.Response r) {
        if (r.status() == 200) {
            return !r.json().path("status").asString().equals("ON_HOLD");
        }
        assertThat(r.status()).as(r.text()).isIn(409);
        assertThat(r.code()).as(r.text()).isIn("INSUFFICIENT_STOCK", "INVALID_STATE");
        return false;
    }
}
