package org.openjxc.demo.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.openjxc.document.DocumentType;
import org.openjxc.shared.Database;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a plan's documents straight into the document and ledger tables — PostgreSQL by
 * {@code COPY}, other databases by batched inserts — costing each move at moving average and
 * taking batches first-expiry-first as posting does, and writes the stock positions and totals it
 * kept while doing so. {@code verify} then checks those against the ledger. Only for a company
 * nobody else writes to meanwhile (sample data, benchmarks); vouchers are not written.
 */
@Repository
public class BulkLedger {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Database database;

    BulkLedger(DataSource dataSource, JdbcClient jdbc, Database database) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.database = database;
    }

    /** A quantity of one batch (or of no batch: "") in a warehouse, in the order it is taken. */
    private static final class Lot {
        final String batch;
        final LocalDate expiry;
        long qty;

        Lot(String batch, LocalDate expiry, long qty) {
            this.batch = batch;
            this.expiry = expiry;
            this.qty = qty;
        }
    }

    /** Stock of an item in a warehouse: quantity, value and its lots. */
    private static final class Level {
        long qty;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal lastCost = BigDecimal.ZERO;
        LocalDate lastMoved;
        final ArrayDeque<Lot> lots = new ArrayDeque<>();
    }

    /** Ids the plan's codes stand for. */
    public record Ids(
            long companyId,
            long userId,
            long[] items,
            long[] units,
            long[] warehouses,
            long[] customers,
            long[] suppliers) {}

    /**
     * After generating, on PostgreSQL: statistics for the tables it filled, as autovacuum would gather
     * a minute later (and never, where it is off), so that queries are planned for their real sizes.
     */
    public void analyze() {
        if (database.postgres()) {
            jdbc.sql("analyze document, document_line, stock_move, stock_balance, stock_level")
                    .update();
        }
    }

    /** Whether the company has neither items nor documents yet: sample data goes only into an empty one. */
    public boolean empty(long companyId) {
        return jdbc.sql("select count(*) from item where company_id = ?")
                                .param(companyId)
                                .query(Long.class)
                                .single()
                        == 0
                && jdbc.sql("select count(*) from document where company_id = ?")
                                .param(companyId)
                                .query(Long.class)
                                .single()
                        == 0;
    }

    /** The ids of the plan's items (and their base units), warehouses and partners, created before. */
    public Ids ids(long companyId, long userId, SamplePlan plan) {
        Map<String, long[]> items = new HashMap<>();
        jdbc.sql("select code, id, base_unit_id from item where company_id = ?")
                .param(companyId)
                .query(rs -> {
                    items.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        Map<String, Long> warehouses = codes("warehouse", companyId);
        Map<String, Long> partners = codes("partner", companyId);
        var scale = plan.scale();
        long[] itemIds = new long[scale.items];
        long[] unitIds = new long[scale.items];
        for (int i = 0; i < scale.items; i++) {
            long[] item = items.get(plan.items().get(i).code());
            itemIds[i] = item[0];
            unitIds[i] = item[1];
        }
        long[] warehouseIds = new long[scale.warehouses];
        for (int w = 0; w < scale.warehouses; w++) {
            warehouseIds[w] = warehouses.get(plan.warehouseCode(w));
        }
        long[] customers = new long[scale.customers];
        for (int c = 0; c < scale.customers; c++) {
            customers[c] = partners.get(plan.customerCode(c));
        }
        long[] suppliers = new long[scale.suppliers];
        for (int x = 0; x < scale.suppliers; x++) {
            suppliers[x] = partners.get(plan.supplierCode(x));
        }
        return new Ids(companyId, userId, itemIds, unitIds, warehouseIds, customers, suppliers);
    }

    private Map<String, Long> codes(String table, long companyId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from " + table + " where company_id = ?")
                .param(companyId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** Loads the documents in one transaction; {@code progress} hears the number of documents written so far. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long load(SamplePlan plan, Ids ids, LongConsumer progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean postgres = database.postgres();
            try (var documents = sink(
                            connection,
                            postgres,
                            "document",
                            "company_id",
                            "id",
                            "doc_type",
                            "number",
                            "status",
                            "doc_date",
                            "warehouse_id",
                            "to_warehouse_id",
                            "partner_id",
                            "remark",
                            "version",
                            "created_by",
                            "created_at",
                            "posted_by",
                            "posted_at",
                            "fully_received");
                    var lines = sink(
                            connection,
                            postgres,
                            "document_line",
                            "company_id",
                            "document_id",
                            "line_no",
                            "item_id",
                            "qty",
                            "unit_id",
                            "factor",
                            "base_qty",
                            "price",
                            "amount",
                            "batch_no",
                            "production_date",
                            "expiry_date",
                            "received_qty",
                            "tax_rate",
                            "tax_amount",
                            "net_amount");
                    var moves = sink(
                            connection,
                            postgres,
                            "stock_move",
                            "company_id",
                            "warehouse_id",
                            "bin_id",
                            "item_id",
                            "batch_no",
                            "stock_status",
                            "qty",
                            "unit_cost",
                            "move_value",
                            "expiry_date",
                            "document_id",
                            "line_no",
                            "posted_at",
                            "posted_by",
                            "moved_on")) {
                var writer = new Writer(plan, ids, postgres, documents, lines, moves, progress);
                plan.documents(writer::write);
                documents.close();
                lines.close();
                moves.close();
                writer.finish(connection, postgres);
                return writer.count;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private final class Writer {
        final SamplePlan plan;
        final Ids ids;
        final boolean postgres;
        final Sink documents;
        final Sink lines;
        final Sink moves;
        final LongConsumer progress;
        final Map<Long, Level> levels = new HashMap<>();
        final Map<String, Integer> numbers = new HashMap<>();
        final ArrayDeque<Long> reserved = new ArrayDeque<>();
        long nextId;
        long count;

        Writer(
                SamplePlan plan,
                Ids ids,
                boolean postgres,
                Sink documents,
                Sink lines,
                Sink moves,
                LongConsumer progress) {
            this.plan = plan;
            this.ids = ids;
            this.postgres = postgres;
            this.documents = documents;
            this.lines = lines;
            this.moves = moves;
            this.progress = progress;
            this.nextId = postgres
                    ? 0
                    : jdbc.sql("select coalesce(max(id), 0) + 1 from document")
                            .query(Long.class)
                            .single();
        }

        long documentId() {
            if (!postgres) {
                return nextId++;
            }
            if (reserved.isEmpty()) {
                reserved.addAll(jdbc.sql(
                                "select nextval(pg_get_serial_sequence('document', 'id')) from generate_series(1, 10000)")
                        .query(Long.class)
                        .list());
            }
            return reserved.poll();
        }

        Level level(int item, int warehouse) {
            return levels.computeIfAbsent((long) item * 1_000 + warehouse, k -> new Level());
        }

        void write(SamplePlan.Doc d) {
            long id = documentId();
            String day = d.date().toString().replace("-", "");
            int n = numbers.merge(d.type().name() + "|" + d.date(), 1, Integer::sum);
            String number = d.type().prefix() + "-" + day + "-" + String.format("%04d", n);
            OffsetDateTime at =
                    d.date().atTime(10, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            long partner = d.partner() < 0
                    ? -1
                    : d.type() == DocumentType.PURCHASE_RECEIPT
                            ? ids.suppliers()[d.partner()]
                            : ids.customers()[d.partner()];
            documents.row(
                    ids.companyId(),
                    id,
                    d.type().name(),
                    number,
                    "POSTED",
                    d.date(),
                    ids.warehouses()[d.warehouse()],
                    d.toWarehouse() < 0 ? null : ids.warehouses()[d.toWarehouse()],
                    partner < 0 ? null : partner,
                    "示例数据",
                    2,
                    ids.userId(),
                    at,
                    ids.userId(),
                    at,
                    d.type() == DocumentType.TRANSFER);
            int lineNo = 0;
            for (SamplePlan.Line l : d.lines()) {
                lineNo++;
                BigDecimal qty = BigDecimal.valueOf(l.qty());
                BigDecimal amount = l.price() == null ? null : Rounding.amount(qty.multiply(l.price()));
                lines.row(
                        ids.companyId(),
                        id,
                        lineNo,
                        ids.items()[l.item()],
                        qty,
                        ids.units()[l.item()],
                        BigDecimal.ONE,
                        qty,
                        l.price(),
                        amount,
                        l.batch(),
                        l.productionDate(),
                        l.expiry(),
                        d.type() == DocumentType.TRANSFER ? qty : BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        amount);
                switch (d.type()) {
                    case PURCHASE_RECEIPT -> in(d, id, lineNo, l, at);
                    case TRANSFER -> transfer(d, id, lineNo, l, at);
                    default -> out(d.warehouse(), l.item(), l.qty(), d, id, lineNo, at, "AVAILABLE");
                }
            }
            if (++count % 1_000 == 0) {
                progress.accept(count);
            }
        }

        void in(SamplePlan.Doc d, long id, int lineNo, SamplePlan.Line l, OffsetDateTime at) {
            Level level = level(l.item(), d.warehouse());
            BigDecimal qty = BigDecimal.valueOf(l.qty());
            BigDecimal value = Rounding.amount(qty.multiply(l.price()));
            level.qty += l.qty();
            level.value = level.value.add(value);
            level.lastCost = l.price();
            level.lastMoved = d.date();
            String batch = l.batch() == null ? "" : l.batch();
            Lot last = level.lots.peekLast();
            if (last != null && last.batch.equals(batch)) {
                last.qty += l.qty();
            } else {
                level.lots.add(new Lot(batch, l.expiry(), l.qty()));
            }
            move(
                    d.warehouse(),
                    l.item(),
                    batch,
                    "AVAILABLE",
                    qty,
                    l.price(),
                    value,
                    l.expiry(),
                    id,
                    lineNo,
                    at,
                    d.date());
        }

        /** Out of a warehouse lot by lot, at the running average; answers the lots and values taken. */
        List<Object[]> out(
                int warehouse,
                int item,
                long qty,
                SamplePlan.Doc d,
                long id,
                int lineNo,
                OffsetDateTime at,
                String status) {
            Level level = level(item, warehouse);
            List<Object[]> taken = new ArrayList<>();
            long left = qty;
            while (left > 0) {
                Lot lot = level.lots.peekFirst();
                if (lot == null) {
                    throw new IllegalStateException("plan took more than there was of item " + item);
                }
                long q = Math.min(lot.qty, left);
                BigDecimal onHand = BigDecimal.valueOf(level.qty);
                BigDecimal cost = level.qty > 0 && level.value.signum() >= 0
                        ? Rounding.unitCost(level.value, onHand)
                        : level.lastCost;
                BigDecimal value = level.qty == q
                        ? level.value
                        : Rounding.amount(BigDecimal.valueOf(q).multiply(cost));
                level.qty -= q;
                level.value = level.value.subtract(value);
                level.lastCost = cost;
                level.lastMoved = d.date();
                lot.qty -= q;
                if (lot.qty == 0) {
                    level.lots.pollFirst();
                }
                left -= q;
                move(
                        warehouse,
                        item,
                        lot.batch,
                        status,
                        BigDecimal.valueOf(-q),
                        cost,
                        value.negate(),
                        lot.expiry,
                        id,
                        lineNo,
                        at,
                        d.date());
                taken.add(new Object[] {lot.batch, lot.expiry, q, cost, value});
            }
            return taken;
        }

        /** Shipped, arrived in transit and received into stock, as a transfer posted and received in full moves. */
        void transfer(SamplePlan.Doc d, long id, int lineNo, SamplePlan.Line l, OffsetDateTime at) {
            List<Object[]> taken = out(d.warehouse(), l.item(), l.qty(), d, id, lineNo, at, "AVAILABLE");
            Level there = level(l.item(), d.toWarehouse());
            for (Object[] t : taken) {
                long q = (Long) t[2];
                BigDecimal value = (BigDecimal) t[4];
                there.qty += q;
                there.value = there.value.add(value);
                there.lastMoved = d.date();
                move(
                        d.toWarehouse(),
                        l.item(),
                        (String) t[0],
                        "IN_TRANSIT",
                        BigDecimal.valueOf(q),
                        (BigDecimal) t[3],
                        value,
                        (LocalDate) t[1],
                        id,
                        lineNo,
                        at,
                        d.date());
            }
            for (Object[] t : taken) {
                long q = (Long) t[2];
                // From transit into stock at the destination's average: no change in its value.
                BigDecimal cost = Rounding.unitCost(there.value, BigDecimal.valueOf(there.qty));
                BigDecimal value = there.qty == q
                        ? there.value
                        : Rounding.amount(BigDecimal.valueOf(q).multiply(cost));
                move(
                        d.toWarehouse(),
                        l.item(),
                        (String) t[0],
                        "IN_TRANSIT",
                        BigDecimal.valueOf(-q),
                        cost,
                        value.negate(),
                        (LocalDate) t[1],
                        id,
                        lineNo,
                        at,
                        d.date());
                move(
                        d.toWarehouse(),
                        l.item(),
                        (String) t[0],
                        "AVAILABLE",
                        BigDecimal.valueOf(q),
                        cost,
                        value,
                        (LocalDate) t[1],
                        id,
                        lineNo,
                        at,
                        d.date());
                String batch = (String) t[0];
                Lot last = there.lots.peekLast();
                if (last != null && last.batch.equals(batch)) {
                    last.qty += q;
                } else {
                    there.lots.add(new Lot(batch, (LocalDate) t[1], q));
                }
            }
            there.lastCost =
                    there.qty > 0 ? Rounding.unitCost(there.value, BigDecimal.valueOf(there.qty)) : there.lastCost;
        }

        void move(
                int warehouse,
                int item,
                String batch,
                String status,
                BigDecimal qty,
                BigDecimal cost,
                BigDecimal value,
                LocalDate expiry,
                long document,
                int line,
                OffsetDateTime at,
                LocalDate on) {
            moves.row(
                    ids.companyId(),
                    ids.warehouses()[warehouse],
                    0L,
                    ids.items()[item],
                    batch,
                    status,
                    qty,
                    cost,
                    value,
                    expiry,
                    document,
                    line,
                    at,
                    ids.userId(),
                    on);
        }

        /** Positions, totals and number sequences from what was kept, and the identity moved past the ids used. */
        void finish(Connection connection, boolean postgres) throws SQLException, IOException {
            try (var balances = sink(
                            connection,
                            postgres,
                            "stock_balance",
                            "company_id",
                            "item_id",
                            "warehouse_id",
                            "bin_id",
                            "batch_no",
                            "stock_status",
                            "on_hand",
                            "expiry_date");
                    var totals = sink(
                            connection,
                            postgres,
                            "stock_level",
                            "company_id",
                            "item_id",
                            "warehouse_id",
                            "on_hand",
                            "available_on_hand",
                            "in_transit",
                            "reserved",
                            "stock_value",
                            "avg_cost",
                            "last_moved_on");
                    var sequences = sink(
                            connection, postgres, "doc_sequence", "company_id", "doc_type", "seq_day", "last_no")) {
                for (var e : levels.entrySet()) {
                    int item = (int) (e.getKey() / 1_000);
                    int warehouse = (int) (e.getKey() % 1_000);
                    Level level = e.getValue();
                    Map<String, Object[]> byBatch = new java.util.LinkedHashMap<>();
                    for (Lot lot : level.lots) {
                        byBatch.merge(lot.batch, new Object[] {lot.qty, lot.expiry}, (a, b) ->
                                new Object[] {(Long) a[0] + (Long) b[0], a[1]});
                    }
                    for (var b : byBatch.entrySet()) {
                        balances.row(
                                ids.companyId(),
                                ids.items()[item],
                                ids.warehouses()[warehouse],
                                0L,
                                b.getKey(),
                                "AVAILABLE",
                                BigDecimal.valueOf((Long) b.getValue()[0]),
                                b.getValue()[1]);
                    }
                    BigDecimal onHand = BigDecimal.valueOf(level.qty);
                    totals.row(
                            ids.companyId(),
                            ids.items()[item],
                            ids.warehouses()[warehouse],
                            onHand,
                            onHand,
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            level.value,
                            level.qty > 0 ? Rounding.unitCost(level.value, onHand) : level.lastCost,
                            level.lastMoved);
                }
                for (var e : numbers.entrySet()) {
                    String[] k = e.getKey().split("\\|");
                    sequences.row(ids.companyId(), k[0], LocalDate.parse(k[1]), e.getValue());
                }
            }
            if (!postgres) {
                long next = jdbc.sql("select coalesce(max(id), 0) + 1 from document")
                        .query(Long.class)
                        .single();
                try (var s = connection.createStatement()) {
                    s.execute("alter table document alter column id restart with " + next);
                }
            }
        }
    }

    private static Sink sink(Connection connection, boolean postgres, String table, String... columns)
            throws SQLException {
        return postgres ? new CopySink(connection, table, columns) : new BatchSink(connection, table, columns);
    }

    /** Rows for one table, written in batches. */
    private interface Sink extends AutoCloseable {
        void row(Object... values);

        @Override
        void close() throws SQLException, IOException;
    }

    /** PostgreSQL: {@code COPY … FROM STDIN} in CSV, 50,000 rows at a time. */
    private static final class CopySink implements Sink {
        private final org.postgresql.copy.CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder();
        private int rows;
        private boolean closed;

        CopySink(Connection connection, String table, String[] columns) throws SQLException {
            this.copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        }

        @Override
        public void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof String s) {
                    buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v instanceof BigDecimal b) {
                    buffer.append(b.toPlainString());
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            if (++rows % 50_000 == 0) {
                flush();
            }
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            try {
                copy.copyIn(sql, new StringReader(buffer.toString()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() {
            if (!closed) {
                flush();
                closed = true;
            }
        }
    }

    /** Any other database: a prepared insert executed in batches of 1,000. */
    private static final class BatchSink implements Sink {
        private final PreparedStatement statement;
        private int rows;
        private boolean closed;

        BatchSink(Connection connection, String table, String[] columns) throws SQLException {
            this.statement = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                    + ") values (" + "?, ".repeat(columns.length - 1) + "?)");
        }

        @Override
        public void row(Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
                if (++rows % 1_000 == 0) {
                    statement.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            if (!closed) {
                statement.executeBatch();
                statement.close();
                closed = true;
            }
        }
    }
}
