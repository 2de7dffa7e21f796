package org.openjxc.demo.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.openjxc.demo.SampleScale;
import org.openjxc.document.DocumentType;

/**
 * A sample company as a deterministic plan: the same scale and seed give the same items, partners
 * and documents, in date order, whether they are then posted through the document engine or
 * bulk-loaded. Warehouse 0 is the distribution centre: it buys from suppliers weekly and sells to
 * wholesale customers; the others are stores that sell every day and are restocked from it by
 * transfers. Demand follows a long tail over the items (a few sell every day, most now and then),
 * a yearly season, busier weekends and yearly growth. The plan keeps its own count of stock so
 * that no document takes more than is there.
 */
public final class SamplePlan {

    public record Item(
            String code,
            String name,
            String unit,
            BigDecimal purchasePrice,
            BigDecimal salePrice,
            boolean batchManaged,
            int shelfLifeDays,
            int supplier) {}

    /** A line: item index, quantity in base units, price; receipts of batch items name their batch. */
    public record Line(
            int item, long qty, BigDecimal price, String batch, LocalDate productionDate, LocalDate expiry) {}

    /** A document, posted (and a transfer received in full) on its date; partner is an index or -1. */
    public record Doc(
            DocumentType type, LocalDate date, int warehouse, int toWarehouse, int partner, List<Line> lines) {}

    private static final String[] CATEGORY_WORDS = {"饮料", "零食", "粮油", "日化", "乳品", "冷冻", "酒水", "调味"};
    private static final String[] BRANDS = {"康源", "绿野", "金穗", "海之蓝", "福满多", "晨光", "山泉", "百味", "优选", "鲜享"};
    private static final String[] UNITS = {"pcs", "bottle", "bag", "box", "can"};

    private final SampleScale scale;
    private final long seed;
    private final LocalDate first;
    private final List<Item> items = new ArrayList<>();
    /** Cumulative demand weights over the items (a long tail), for sampling. */
    private final long[] cumulative;
    /** Expected sales per item and selling warehouse per day, in base units × 1,000. */
    private final long[] dailyMilli;

    /** Sales per day scaled by this (per mille), so that the plan comes to about the scale's moves. */
    private final long rate;

    /**
     * The plan of a scale and seed. How many moves a day of sales brings with it (restocking, buying)
     * depends on the scale, so the plan is counted once and its sales scaled to the scale's moves.
     */
    public static SamplePlan of(SampleScale scale, long seed, LocalDate today) {
        SamplePlan first = new SamplePlan(scale, seed, today, 1_000);
        long moves = first.countMoves();
        return new SamplePlan(scale, seed, today, Math.max(1, 1_000 * scale.moves / Math.max(1, moves)));
    }

    /** How many documents the plan has. */
    public long countDocuments() {
        long[] documents = {0};
        documents(d -> documents[0]++);
        return documents[0];
    }

    /** About how many moves posting the plan makes: one per line, four per transfer line. */
    public long countMoves() {
        long[] moves = {0};
        documents(d -> moves[0] += (long) d.lines().size() * (d.type() == DocumentType.TRANSFER ? 4 : 1));
        return moves[0];
    }

    private SamplePlan(SampleScale scale, long seed, LocalDate today, long rate) {
        this.rate = rate;
        this.scale = scale;
        this.seed = seed;
        this.first = today.minusDays(scale.days);
        var random = new SplittableRandom(seed);
        int n = scale.items;
        cumulative = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            // Rank i sells in proportion to 1 / (i + 1)^0.9; the ranks are shuffled over the codes below.
            total += Math.max(1, Math.round(1_000_000 / Math.pow(i + 1, 0.9)));
            cumulative[i] = total;
        }
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        long linesPerDay = Math.max(1, salesLinesPerDay());
        dailyMilli = new long[n];
        for (int i = 0; i < n; i++) {
            long weight = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            // Two units per line on average, spread over the selling warehouses.
            dailyMilli[i] = Math.max(1, 2_000 * linesPerDay * weight / total / sellers());
        }
        // Index i is the i-th best seller; codes are shuffled, so best sellers spread over the catalogue.
        for (int i = 0; i < n; i++) {
            int r = rank[i];
            BigDecimal cost = BigDecimal.valueOf(200 + random.nextInt(9_800), 2);
            BigDecimal sale = cost.multiply(BigDecimal.valueOf(125 + random.nextInt(40)))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
            boolean batch = r % 5 == 1;
            items.add(new Item(
                    String.format("SI-%06d", r + 1),
                    BRANDS[random.nextInt(BRANDS.length)] + CATEGORY_WORDS[r % CATEGORY_WORDS.length] + " " + (r + 1)
                            + "号",
                    UNITS[r % UNITS.length],
                    cost,
                    sale,
                    batch,
                    batch ? 90 + random.nextInt(270) : 0,
                    r % scale.suppliers));
        }
    }

    public SampleScale scale() {
        return scale;
    }

    public long seed() {
        return seed;
    }

    public List<Item> items() {
        return items;
    }

    public String warehouseCode(int w) {
        return String.format("SW-%02d", w + 1);
    }

    public String warehouseName(int w) {
        return w == 0 ? "配送中心" : "门店 " + w + " 号";
    }

    public String customerCode(int c) {
        return String.format("SC-%04d", c + 1);
    }

    public String supplierCode(int s) {
        return String.format("SS-%04d", s + 1);
    }

    /** Customers 0 … wholesale-1 buy from the distribution centre; the rest are the stores' walk-in accounts. */
    private int wholesale() {
        return Math.max(1, scale.customers / 5);
    }

    private int sellers() {
        return Math.max(1, scale.warehouses - 1);
    }

    /** Sales lines a day so that the whole plan comes to about the scale's moves. */
    private long salesLinesPerDay() {
        // A sales line is one move; restocking adds about two transfer lines (four moves each) and a
        // receipt line for every five sold, which is where the other moves come from.
        return Math.round(scale.moves * rate / 1_000.0 / (scale.days * 2.4));
    }

    private int sample(SplittableRandom random) {
        long u = random.nextLong(cumulative[cumulative.length - 1]);
        int i = java.util.Arrays.binarySearch(cumulative, u + 1);
        return i >= 0 ? i : -i - 1;
    }

    /** The plan's documents in date order. */
    public void documents(Consumer<Doc> sink) {
        var random = new SplittableRandom(seed * 31 + 7);
        int n = scale.items;
        int w = scale.warehouses;
        long[][] stock = new long[w][n];
        BitSet[] low = new BitSet[w];
        for (int x = 0; x < w; x++) {
            low[x] = new BitSet(n);
        }
        // Opening stock: the distribution centre buys everything; a store is stocked with what it
        // is asked for (its first sale of an item finds none and puts it on the next transfer).
        low[0].set(0, n);
        long linesPerDay = salesLinesPerDay();
        for (int day = 0; day < scale.days; day++) {
            LocalDate date = first.plusDays(day);
            if (day % 7 == 0) {
                purchase(sink, date, stock, low[0], random);
            }
            for (int x = 1; x < w; x++) {
                if ((day + x) % 3 == 0) {
                    restock(sink, date, x, stock, low, random);
                }
            }
            double season = (1 + 0.3 * Math.sin(2 * Math.PI * date.getDayOfYear() / 365.0))
                    * (1 + 0.08 * (day / 365))
                    * (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                            ? 1.4
                            : 0.85);
            long lines = Math.max(1, Math.round(linesPerDay * season));
            // Stores sell to walk-in accounts in small documents; the centre to wholesale customers.
            for (int x = w == 1 ? 0 : 1; x < w; x++) {
                long here = Math.max(1, lines * 85 / 100 / sellers());
                sell(sink, date, x, here, 3, 1, stock, low, random);
            }
            sell(sink, date, 0, Math.max(1, lines * 15 / 100), 6, 4, stock, low, random);
            if (day % 30 == 29) {
                damage(sink, date, stock, random);
            }
        }
    }

    private void sell(
            Consumer<Doc> sink,
            LocalDate date,
            int x,
            long lines,
            int perDocument,
            int unitsScale,
            long[][] stock,
            BitSet[] low,
            SplittableRandom random) {
        long left = lines;
        while (left > 0) {
            int k = (int) Math.min(left, 1 + random.nextInt(perDocument * 2 - 1));
            left -= k;
            List<Line> out = new ArrayList<>(k);
            var seen = new java.util.HashSet<Integer>();
            for (int j = 0; j < k; j++) {
                int i = sample(random);
                if (!seen.add(i)) {
                    continue;
                }
                long qty = Math.min(stock[x][i], (long) (1 + random.nextInt(3)) * unitsScale);
                if (qty <= 0) {
                    low[x].set(i);
                    continue;
                }
                stock[x][i] -= qty;
                low[x].set(i);
                out.add(new Line(i, qty, items.get(i).salePrice(), null, null, null));
            }
            if (!out.isEmpty()) {
                int customer = x == 0
                        ? random.nextInt(wholesale())
                        : wholesale() + (x - 1) % Math.max(1, scale.customers - wholesale());
                sink.accept(new Doc(DocumentType.SALES_DELIVERY, date, x, -1, customer, out));
            }
        }
    }

    /** Target stock of an item in a warehouse: a week of its demand in a store, three weeks at the centre. */
    private long target(int x, int i) {
        long perDay = dailyMilli[i];
        return x == 0
                ? Math.max(6, perDay * sellers() * 21 / 1_000 + perDay * 3 / 1_000)
                : Math.max(2, perDay * 7 / 1_000);
    }

    private void restock(
            Consumer<Doc> sink, LocalDate date, int x, long[][] stock, BitSet[] low, SplittableRandom random) {
        List<Line> lines = new ArrayList<>();
        for (int i = low[x].nextSetBit(0); i >= 0; i = low[x].nextSetBit(i + 1)) {
            long target = target(x, i);
            if (stock[x][i] * 2 > target) {
                continue;
            }
            long qty = Math.min(target - stock[x][i], stock[0][i]);
            if (qty <= 0) {
                low[0].set(i);
                continue;
            }
            stock[0][i] -= qty;
            stock[x][i] += qty;
            low[0].set(i);
            lines.add(new Line(i, qty, null, null, null, null));
        }
        low[x].clear();
        for (int from = 0; from < lines.size(); from += 500) {
            sink.accept(new Doc(
                    DocumentType.TRANSFER,
                    date,
                    0,
                    x,
                    -1,
                    List.copyOf(lines.subList(from, Math.min(lines.size(), from + 500)))));
        }
    }

    private void purchase(Consumer<Doc> sink, LocalDate date, long[][] stock, BitSet low, SplittableRandom random) {
        List<List<Line>> bySupplier = new ArrayList<>();
        for (int s = 0; s < scale.suppliers; s++) {
            bySupplier.add(new ArrayList<>());
        }
        for (int i = low.nextSetBit(0); i >= 0; i = low.nextSetBit(i + 1)) {
            long target = target(0, i);
            if (stock[0][i] * 3 > target) {
                continue;
            }
            // Ordered in whole cases of 6.
            long qty = (target - stock[0][i] + 5) / 6 * 6;
            stock[0][i] += qty;
            Item item = items.get(i);
            // Prices move with the year and a little with each delivery.
            BigDecimal price = item.purchasePrice()
                    .multiply(BigDecimal.valueOf(
                            1000 + random.nextInt(60) - 20 + (date.getYear() - first.getYear()) * 30))
                    .divide(BigDecimal.valueOf(1000), 2, java.math.RoundingMode.HALF_UP);
            String batch = item.batchManaged() ? "B" + date.toString().replace("-", "") : null;
            LocalDate made = item.batchManaged() ? date.minusDays(3) : null;
            LocalDate expiry = item.batchManaged() ? made.plusDays(item.shelfLifeDays()) : null;
            bySupplier.get(item.supplier()).add(new Line(i, qty, price, batch, made, expiry));
        }
        low.clear();
        for (int s = 0; s < bySupplier.size(); s++) {
            List<Line> lines = bySupplier.get(s);
            for (int from = 0; from < lines.size(); from += 500) {
                sink.accept(new Doc(
                        DocumentType.PURCHASE_RECEIPT,
                        date,
                        0,
                        -1,
                        s,
                        List.copyOf(lines.subList(from, Math.min(lines.size(), from + 500)))));
            }
        }
    }

    /** Once a month a store writes off a few damaged units (报损). */
    private void damage(Consumer<Doc> sink, LocalDate date, long[][] stock, SplittableRandom random) {
        int x = scale.warehouses == 1 ? 0 : 1 + random.nextInt(sellers());
        List<Line> lines = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            int i = sample(random);
            if (stock[x][i] > 0 && lines.stream().noneMatch(l -> l.item() == i)) {
                stock[x][i] -= 1;
                lines.add(new Line(i, 1, null, null, null, null));
            }
        }
        if (!lines.isEmpty()) {
            sink.accept(new Doc(DocumentType.OTHER_OUTBOUND, date, x, -1, -1, lines));
        }
    }
}
