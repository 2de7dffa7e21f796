package org.openjxc.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.catalog.CostMethod;
import org.openjxc.document.StockStatus;
import org.openjxc.shared.Database;
import org.openjxc.shared.SqlBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of the stock tables: locking the totals of an item in a warehouse, reading and changing
 * positions, and inserting moves. Only the ledger's posting code calls these.
 */
@Repository
public class StockRows {

    /** Totals of one item in one warehouse, read under a row lock. */
    public static final class Level {
        public final long itemId;
        public final long warehouseId;
        public BigDecimal onHand;
        public BigDecimal availableOnHand;
        public BigDecimal inTransit;
        public BigDecimal reserved;
        public BigDecimal value;
        public BigDecimal avgCost;
        public final CostMethod costMethod;
        /** The latest document date the item moved on in the warehouse (null: never). */
        public LocalDate lastMovedOn;
        /** As it was when locked: a posting dated before it is back-dated. */
        public final LocalDate lastMovedOnBefore;

        Level(
                long itemId,
                long warehouseId,
                BigDecimal onHand,
                BigDecimal availableOnHand,
                BigDecimal inTransit,
                BigDecimal reserved,
                BigDecimal value,
                BigDecimal avgCost,
                CostMethod costMethod,
                LocalDate lastMovedOn) {
            this.itemId = itemId;
            this.warehouseId = warehouseId;
            this.onHand = onHand;
            this.availableOnHand = availableOnHand;
            this.inTransit = inTransit;
            this.reserved = reserved;
            this.value = value;
            this.avgCost = avgCost;
            this.costMethod = costMethod;
            this.lastMovedOn = lastMovedOn;
            this.lastMovedOnBefore = lastMovedOn;
        }
    }

    /** One position with its quantity, read under a row lock. */
    public record Position(long binId, String batch, StockStatus status, BigDecimal onHand, LocalDate expiryDate) {}

    /** A move to insert. */
    public record Move(
            long warehouseId,
            long binId,
            long itemId,
            String batch,
            StockStatus status,
            BigDecimal qty,
            BigDecimal unitCost,
            BigDecimal value,
            LocalDate expiryDate,
            int line,
            Long reversalOf) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    StockRows(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    /**
     * The totals a document locked and, when asked for, the positions holding stock of those items
     * in those warehouses in picking order (by "item|warehouse"; null when not asked for).
     */
    public record Locked(List<Level> levels, Map<String, List<Position>> positions) {}

    private static final String LOCK_LEVELS = """
            select item_id, warehouse_id, on_hand, available_on_hand, in_transit, reserved, stock_value,
                   avg_cost, (select i.cost_method from item i where i.company_id = stock_level.company_id
                              and i.id = stock_level.item_id) as cost_method, last_moved_on
            from stock_level
            where company_id = ? and item_id in (%1$s) and warehouse_id in (%2$s)
            order by item_id, warehouse_id
            for update""";

    private static final String POSITIONS = """
            select item_id, warehouse_id, bin_id, batch_no, stock_status, on_hand, expiry_date
            from stock_balance
            where company_id = ? and item_id in (%1$s) and warehouse_id in (%2$s) and on_hand > 0
            order by expiry_date nulls last, bin_id, batch_no""";

    /**
     * {@link #lockLevels}, and {@link #positionsOf} when {@code withPositions}: on PostgreSQL in one
     * round trip (the missing totals inserted, all locked in key order, the positions read under
     * those locks), elsewhere one statement after the other.
     */
    public Locked lock(long companyId, List<Long> itemIds, List<Long> warehouseIds, boolean withPositions) {
        if (!database.postgres()) {
            List<Level> levels = lockLevels(companyId, itemIds, warehouseIds);
            return new Locked(levels, withPositions ? positionsOf(companyId, itemIds, warehouseIds) : null);
        }
        // Keys as lists of parameters, not arrays: a cached generic plan cannot see how short an
        // array is and, on a small table, would rather scan all of it than use the primary key.
        String keys = LOCK_LEVELS + (withPositions ? ";\n" + POSITIONS : "");
        String sql = """
                insert into stock_level (company_id, item_id, warehouse_id)
                select ?, i, w from unnest(?) as i cross join unnest(?) as w order by i, w
                on conflict do nothing;
                """ + keys.formatted(SqlBinder.placeholders(itemIds), SqlBinder.placeholders(warehouseIds));
        return template.execute(sql, (PreparedStatement ps) -> {
            SqlBinder binder = new SqlBinder(ps)
                    .value(companyId)
                    .array("bigint", itemIds, x -> x)
                    .array("bigint", warehouseIds, x -> x);
            for (int statement = 0; statement < (withPositions ? 2 : 1); statement++) {
                binder.value(companyId).values(itemIds).values(warehouseIds);
            }
            ps.execute();
            ps.getMoreResults();
            List<Level> levels = new ArrayList<>();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    levels.add(level(rs));
                }
            }
            Map<String, List<Position>> positions = null;
            if (withPositions) {
                ps.getMoreResults();
                positions = new HashMap<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        addPosition(positions, rs);
                    }
                }
            }
            return new Locked(levels, positions);
        });
    }

    private static List<Object> keys(Collection<Long> itemIds, Collection<Long> warehouseIds) {
        List<Object> keys = new ArrayList<>(itemIds);
        keys.addAll(warehouseIds);
        return keys;
    }

    private static Level level(ResultSet rs) throws SQLException {
        return new Level(
                rs.getLong(1),
                rs.getLong(2),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                CostMethod.valueOf(rs.getString(9)),
                rs.getObject(10, LocalDate.class));
    }

    private static void addPosition(Map<String, List<Position>> positions, ResultSet rs) throws SQLException {
        positions
                .computeIfAbsent(rs.getLong(1) + "|" + rs.getLong(2), k -> new ArrayList<>())
                .add(new Position(
                        rs.getLong(3),
                        rs.getString(4),
                        StockStatus.valueOf(rs.getString(5)),
                        rs.getBigDecimal(6),
                        rs.getObject(7, LocalDate.class)));
    }

    /**
     * Locks the totals rows of these (item, warehouse) pairs, creating missing ones, with two
     * statements whatever their number. Rows are locked in key order (the ORDER BY sorts before
     * FOR UPDATE locks), the same order for every posting. The item × warehouse cross product
     * is locked, which is exactly the pairs for single-warehouse documents and transfers alike.
     */
    private List<Level> lockLevels(long companyId, List<Long> itemIds, List<Long> warehouseIds) {
        List<Object[]> missing = new ArrayList<>();
        for (long item : itemIds) {
            for (long warehouse : warehouseIds) {
                missing.add(new Object[] {companyId, item, warehouse});
            }
        }
        template.batchUpdate(
                "insert into stock_level (company_id, item_id, warehouse_id) values (?, ?, ?) on conflict do nothing",
                missing);
        return jdbc.sql(LOCK_LEVELS.formatted(SqlBinder.placeholders(itemIds), SqlBinder.placeholders(warehouseIds)))
                .param(companyId)
                .params(keys(itemIds, warehouseIds))
                .query((rs, n) -> level(rs))
                .list();
    }

    /** Writes changed totals back, in one batch. */
    public void saveLevels(long companyId, Collection<Level> levels) {
        List<Object[]> rows = new ArrayList<>();
        for (Level l : levels) {
            rows.add(new Object[] {
                l.onHand,
                l.availableOnHand,
                l.inTransit,
                l.value,
                l.avgCost,
                l.reserved,
                l.lastMovedOn,
                companyId,
                l.itemId,
                l.warehouseId
            });
        }
        template.batchUpdate("""
                update stock_level set on_hand = ?, available_on_hand = ?, in_transit = ?, stock_value = ?, avg_cost = ?,
                                       reserved = ?, last_moved_on = ?
                where company_id = ? and item_id = ? and warehouse_id = ?""", rows);
    }

    /** Net unit cost per line of a posted document's moves (what a delivered line cost), by line. */
    public Map<Integer, BigDecimal> lineCosts(long companyId, long documentId) {
        Map<Integer, BigDecimal> costs = new HashMap<>();
        jdbc.sql("select line_no, sum(move_value), sum(qty) from stock_move where company_id = ? and document_id = ?"
                        + " group by line_no")
                .params(companyId, documentId)
                .query((rs, n) -> {
                    BigDecimal qty = rs.getBigDecimal(3);
                    if (qty != null && qty.signum() != 0) {
                        costs.put(rs.getInt(1), rs.getBigDecimal(2).divide(qty, 6, java.math.RoundingMode.HALF_UP));
                    }
                    return null;
                })
                .list();
        return costs;
    }

    /** The unit cost each item of one document line moved at (the components of a kit sold). */
    public Map<Long, BigDecimal> lineCostsByItem(long companyId, long documentId, int line) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        jdbc.sql("select item_id, sum(move_value), sum(qty) from stock_move"
                        + " where company_id = ? and document_id = ? and line_no = ? group by item_id")
                .params(companyId, documentId, line)
                .query((rs, n) -> {
                    BigDecimal qty = rs.getBigDecimal(3);
                    if (qty != null && qty.signum() != 0) {
                        costs.put(rs.getLong(1), rs.getBigDecimal(2).divide(qty, 6, java.math.RoundingMode.HALF_UP));
                    }
                    return null;
                })
                .list();
        return costs;
    }

    /** A received line of a purchase receipt: what it brought into which warehouse, at what value. */
    public record ReceivedLine(
            int line, long itemId, long warehouseId, BigDecimal qty, BigDecimal value, BigDecimal weight) {}

    /** The lines of a posted receipt as its standing moves brought them in, weight from the item. */
    public List<ReceivedLine> receivedLines(long companyId, long documentId) {
        return jdbc.sql("""
                        select m.line_no, m.item_id, m.warehouse_id, sum(m.qty), sum(m.move_value),
                               sum(m.qty) * coalesce(max(i.weight), 0)
                        from stock_move m join item i on i.company_id = m.company_id and i.id = m.item_id
                        where m.company_id = ? and m.document_id = ? and m.stock_status <> 'IN_TRANSIT'
                        group by m.line_no, m.item_id, m.warehouse_id
                        having sum(m.qty) > 0
                        order by m.line_no""")
                .params(companyId, documentId)
                .query((rs, n) -> new ReceivedLine(
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
    }

    /** Whether any item and warehouse the document moved has moved again since. */
    public boolean movedSince(long companyId, long documentId) {
        return jdbc.sql("""
                        select count(*) from stock_move m
                        join (select item_id, warehouse_id, max(id) as last_id from stock_move
                              where company_id = ? and document_id = ? group by item_id, warehouse_id) d
                          on d.item_id = m.item_id and d.warehouse_id = m.warehouse_id
                        where m.company_id = ? and m.id > d.last_id""")
                        .params(companyId, documentId, companyId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** What a sales order line holds: reserved now, and still to deliver. */
    public record Reservation(int line, long itemId, long warehouseId, BigDecimal qty, BigDecimal openQty) {}

    public Map<Integer, Reservation> reservations(long companyId, long documentId) {
        Map<Integer, Reservation> byLine = new java.util.LinkedHashMap<>();
        jdbc.sql("select line_no, item_id, warehouse_id, qty, open_qty from stock_reservation"
                        + " where company_id = ? and document_id = ? order by line_no")
                .params(companyId, documentId)
                .query((rs, n) -> new Reservation(
                        rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list()
                .forEach(r -> byLine.put(r.line(), r));
        return byLine;
    }

    /** Writes a document's reservations as they now are (inserted or replaced). */
    public void saveReservations(long companyId, long documentId, Collection<Reservation> reservations) {
        jdbc.sql("delete from stock_reservation where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (Reservation r : reservations) {
            rows.add(new Object[] {companyId, documentId, r.line(), r.itemId(), r.warehouseId(), r.qty(), r.openQty()});
        }
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "insert into stock_reservation (company_id, document_id, line_no, item_id, warehouse_id, qty,"
                            + " open_qty) values (?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    public void deleteReservations(long companyId, long documentId) {
        jdbc.sql("delete from stock_reservation where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
    }

    /** A position's change: the summed quantity of a document's moves there. */
    public record PositionChange(
            long itemId,
            long warehouseId,
            long binId,
            String batch,
            StockStatus status,
            BigDecimal qty,
            LocalDate expiryDate) {}

    /**
     * Applies a document's position changes in two batches: updates of positions that exist, then
     * inserts of those that did not. Callers hold the totals locks, so nobody else writes them.
     */
    private void addToPositions(long companyId, List<PositionChange> changes) {
        List<Object[]> updates = new ArrayList<>();
        for (PositionChange c : changes) {
            updates.add(new Object[] {
                c.qty(),
                c.expiryDate(),
                companyId,
                c.itemId(),
                c.warehouseId(),
                c.binId(),
                c.batch(),
                c.status().name()
            });
        }
        int[] counts = template.batchUpdate("""
                update stock_balance set on_hand = on_hand + ?, expiry_date = coalesce(expiry_date, ?)
                where company_id = ? and item_id = ? and warehouse_id = ? and bin_id = ? and batch_no = ?
                  and stock_status = ?""", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                PositionChange c = changes.get(i);
                inserts.add(new Object[] {
                    companyId,
                    c.itemId(),
                    c.warehouseId(),
                    c.binId(),
                    c.batch(),
                    c.status().name(),
                    c.qty(),
                    c.expiryDate()
                });
            }
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate("""
                    insert into stock_balance (company_id, item_id, warehouse_id, bin_id, batch_no, stock_status,
                                               on_hand, expiry_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    /**
     * Positions of an item in a warehouse and pool holding stock, in picking order: first expiry
     * first (FEFO), then bin and batch. Filters by bin and batch when given (null = any).
     */
    public List<Position> positions(
            long companyId, long itemId, long warehouseId, StockStatus status, Long binId, String batch) {
        StringBuilder sql = new StringBuilder("""
                select bin_id, batch_no, stock_status, on_hand, expiry_date from stock_balance
                where company_id = :company and item_id = :item and warehouse_id = :warehouse and stock_status = :status
                  and on_hand > 0""");
        Map<String, Object> params = new HashMap<>(
                Map.of("company", companyId, "item", itemId, "warehouse", warehouseId, "status", status.name()));
        if (binId != null) {
            sql.append(" and bin_id = :bin");
            params.put("bin", binId);
        }
        if (batch != null) {
            sql.append(" and batch_no = :batch");
            params.put("batch", batch);
        }
        sql.append(" order by expiry_date nulls last, bin_id, batch_no");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Position(
                        rs.getLong(1),
                        rs.getString(2),
                        StockStatus.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * Every position holding stock of these items in these warehouses, in picking order, with one
     * query: what a document's lines take from, read once under the totals' locks.
     */
    public Map<String, List<Position>> positionsOf(
            long companyId, Collection<Long> itemIds, Collection<Long> warehouseIds) {
        Map<String, List<Position>> byItemAndWarehouse = new HashMap<>();
        jdbc.sql(POSITIONS.formatted(SqlBinder.placeholders(itemIds), SqlBinder.placeholders(warehouseIds)))
                .param(companyId)
                .params(keys(itemIds, warehouseIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> addPosition(byItemAndWarehouse, rs));
        return byItemAndWarehouse;
    }

    /** Quantity of one position (zero when it does not exist yet). */
    public BigDecimal onHand(
            long companyId, long itemId, long warehouseId, long binId, String batch, StockStatus status) {
        return jdbc.sql("""
                        select on_hand from stock_balance where company_id = ? and item_id = ? and warehouse_id = ?
                          and bin_id = ? and batch_no = ? and stock_status = ?""")
                .params(companyId, itemId, warehouseId, binId, batch, status.name())
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    /**
     * A posting's writes once its moves are worked out: the positions' changes, the moves and the
     * totals. On PostgreSQL one statement over arrays, one round trip whatever the number of lines
     * (a position no update found is inserted by the same statement; the caller holds the totals'
     * locks, so nobody else writes these positions); elsewhere {@link #addToPositions},
     * {@link #insertMoves} and {@link #saveLevels}.
     */
    public void write(
            long companyId,
            List<PositionChange> changes,
            long documentId,
            LocalDate movedOn,
            long userId,
            OffsetDateTime at,
            List<Move> moves,
            Collection<Level> levels) {
        if (!database.postgres()) {
            addToPositions(companyId, changes);
            insertMoves(companyId, documentId, movedOn, userId, at, moves);
            saveLevels(companyId, levels);
            return;
        }
        tally(documentId, moves);
        List<Long> items = levels.stream().map(l -> l.itemId).distinct().toList();
        List<Long> warehouses =
                levels.stream().map(l -> l.warehouseId).distinct().toList();
        template.execute(
                WRITE.formatted(SqlBinder.placeholders(items), SqlBinder.placeholders(warehouses)),
                (PreparedStatement ps) -> {
                    new SqlBinder(ps)
                            .array("bigint", changes, PositionChange::itemId)
                            .array("bigint", changes, PositionChange::warehouseId)
                            .array("bigint", changes, PositionChange::binId)
                            .array("varchar", changes, PositionChange::batch)
                            .array("varchar", changes, x -> x.status().name())
                            .array("numeric", changes, PositionChange::qty)
                            .array("date", changes, PositionChange::expiryDate)
                            .value(companyId)
                            .values(items)
                            .values(warehouses)
                            .value(companyId)
                            .value(companyId)
                            .array("bigint", moves, Move::warehouseId)
                            .array("bigint", moves, Move::binId)
                            .array("bigint", moves, Move::itemId)
                            .array("varchar", moves, Move::batch)
                            .array("varchar", moves, m -> m.status().name())
                            .array("numeric", moves, Move::qty)
                            .array("numeric", moves, Move::unitCost)
                            .array("numeric", moves, Move::value)
                            .array("date", moves, Move::expiryDate)
                            .array("integer", moves, Move::line)
                            .array("bigint", moves, Move::reversalOf)
                            .value(documentId)
                            .value(movedOn)
                            .value(at)
                            .value(userId)
                            .array("bigint", levels, l -> l.itemId)
                            .array("bigint", levels, l -> l.warehouseId)
                            .array("numeric", levels, l -> l.onHand)
                            .array("numeric", levels, l -> l.availableOnHand)
                            .array("numeric", levels, l -> l.inTransit)
                            .array("numeric", levels, l -> l.value)
                            .array("numeric", levels, l -> l.avgCost)
                            .array("numeric", levels, l -> l.reserved)
                            .array("date", levels, l -> l.lastMovedOn)
                            .value(companyId)
                            .values(items)
                            .values(warehouses);
                    ps.execute();
                    return null;
                });
    }

    // The updates name their rows' keys as lists of parameters besides joining the arrays: a cached
    // generic plan cannot see how short the arrays are and would scan a small table whole to
    // hash-join them; with the keys it reads the rows through the primary key.
    private static final String WRITE = """
            with c (item_id, warehouse_id, bin_id, batch_no, stock_status, qty, expiry_date) as (
                select * from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                                     cast(? as varchar[]), cast(? as varchar[]), cast(? as numeric[]),
                                     cast(? as date[]))
            ), changed as (
                update stock_balance b set on_hand = b.on_hand + c.qty, expiry_date = coalesce(b.expiry_date, c.expiry_date)
                from c
                where b.company_id = ? and b.item_id in (%1$s) and b.warehouse_id in (%2$s)
                  and b.item_id = c.item_id and b.warehouse_id = c.warehouse_id
                  and b.bin_id = c.bin_id and b.batch_no = c.batch_no and b.stock_status = c.stock_status
                returning b.item_id, b.warehouse_id, b.bin_id, b.batch_no, b.stock_status
            ), added as (
                insert into stock_balance (company_id, item_id, warehouse_id, bin_id, batch_no, stock_status,
                                           on_hand, expiry_date)
                select ?, c.item_id, c.warehouse_id, c.bin_id, c.batch_no, c.stock_status, c.qty, c.expiry_date
                from c
                where not exists (select 1 from changed x where x.item_id = c.item_id
                                  and x.warehouse_id = c.warehouse_id and x.bin_id = c.bin_id
                                  and x.batch_no = c.batch_no and x.stock_status = c.stock_status)
            ), moved as (
                insert into stock_move (company_id, warehouse_id, bin_id, item_id, batch_no, stock_status, qty,
                    unit_cost, move_value, expiry_date, document_id, line_no, reversal_of, moved_on, posted_at,
                    posted_by)
                select ?, m.warehouse_id, m.bin_id, m.item_id, m.batch_no, m.stock_status, m.qty, m.unit_cost,
                       m.move_value, m.expiry_date, d.document_id, m.line_no, m.reversal_of, d.moved_on,
                       d.posted_at, d.posted_by
                from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as varchar[]),
                            cast(? as varchar[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]),
                            cast(? as date[]), cast(? as integer[]), cast(? as bigint[]))
                     as m (warehouse_id, bin_id, item_id, batch_no, stock_status, qty, unit_cost, move_value,
                           expiry_date, line_no, reversal_of),
                     (select cast(? as bigint) as document_id, cast(? as date) as moved_on,
                             cast(? as timestamp with time zone) as posted_at, cast(? as bigint) as posted_by) as d
            )
            update stock_level l
            set on_hand = v.on_hand, available_on_hand = v.available_on_hand, in_transit = v.in_transit,
                stock_value = v.stock_value, avg_cost = v.avg_cost, reserved = v.reserved,
                last_moved_on = v.last_moved_on
            from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as numeric[]), cast(? as numeric[]),
                        cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]),
                        cast(? as date[]))
                 as v (item_id, warehouse_id, on_hand, available_on_hand, in_transit, stock_value, avg_cost,
                       reserved, last_moved_on)
            where l.company_id = ? and l.item_id in (%1$s) and l.warehouse_id in (%2$s)
              and l.item_id = v.item_id and l.warehouse_id = v.warehouse_id""";

    private void insertMoves(
            long companyId, long documentId, LocalDate movedOn, long userId, OffsetDateTime at, List<Move> moves) {
        tally(documentId, moves);
        List<Object[]> rows = new ArrayList<>();
        for (Move m : moves) {
            rows.add(new Object[] {
                companyId,
                m.warehouseId(),
                m.binId(),
                m.itemId(),
                m.batch(),
                m.status().name(),
                m.qty(),
                m.unitCost(),
                m.value(),
                m.expiryDate(),
                documentId,
                m.line(),
                m.reversalOf(),
                movedOn,
                at,
                userId
            });
        }
        template.batchUpdate("""
                insert into stock_move (company_id, warehouse_id, bin_id, item_id, batch_no, stock_status, qty,
                    unit_cost, move_value, expiry_date, document_id, line_no, reversal_of, moved_on, posted_at,
                    posted_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * What the standing moves written by {@link #insertMoves} in the current transaction moved, per
     * document: for a document first posted in it, that is its whole value (no need to sum the
     * ledger). Null outside a transaction or for a document that moved nothing in it.
     */
    public static BigDecimal writtenValue(long documentId) {
        Written written = written(false);
        return written == null ? null : written.values.get(documentId);
    }

    private static void tally(long documentId, List<Move> moves) {
        Written written = written(true);
        if (written == null) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Move m : moves) {
            // At the column's scale, as the database stores it.
            sum = sum.add(m.value().setScale(2, java.math.RoundingMode.HALF_UP));
        }
        written.values.merge(documentId, sum, BigDecimal::add);
    }

    /** This transaction's tally, registered with it on first use when {@code create}; null outside one. */
    private static Written written(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Written w) {
                return w;
            }
        }
        if (!create) {
            return null;
        }
        Written w = new Written();
        TransactionSynchronizationManager.registerSynchronization(w);
        return w;
    }

    /** Kept with its transaction (a suspended one keeps its own), forgotten with it. */
    private static final class Written implements TransactionSynchronization {
        final Map<Long, BigDecimal> values = new HashMap<>();
    }

    /**
     * The document's moves that no later move reverses, in the order they were written, each with
     * the value it stands at after any re-valuation corrected it.
     */
    public List<Move> unreversedMoves(long companyId, long documentId) {
        return jdbc.sql("""
                        select m.id, m.warehouse_id, m.bin_id, m.item_id, m.batch_no, m.stock_status, m.qty,
                               m.unit_cost, m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0) as move_value,
                               m.expiry_date, m.line_no
                        from stock_move m
                        where m.company_id = ? and m.document_id = ? and m.reversal_of is null and m.corrects is null
                          and not exists (select 1 from stock_move r where r.company_id = m.company_id
                                          and r.reversal_of = m.id)
                        order by m.id""")
                .params(companyId, documentId)
                .query((rs, n) -> new Move(
                        rs.getLong("warehouse_id"),
                        rs.getLong("bin_id"),
                        rs.getLong("item_id"),
                        rs.getString("batch_no"),
                        StockStatus.valueOf(rs.getString("stock_status")),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("unit_cost"),
                        rs.getBigDecimal("move_value"),
                        rs.getObject("expiry_date", LocalDate.class),
                        rs.getInt("line_no"),
                        rs.getLong("id")))
                .list();
    }

    /** Net in-transit quantity per batch of one transfer line at its destination, oldest batch first. */
    /** What each line of a transfer still has in transit at its destination, per batch in the order it left. */
    public Map<Integer, Map<String, BigDecimal>> inTransitByBatch(long companyId, long documentId, long toWarehouseId) {
        Map<Integer, Map<String, BigDecimal>> result = new HashMap<>();
        jdbc.sql("""
                        select line_no, batch_no, sum(qty) from stock_move
                        where company_id = ? and document_id = ? and warehouse_id = ? and stock_status = 'IN_TRANSIT'
                        group by line_no, batch_no order by line_no, min(id)""")
                .params(companyId, documentId, toWarehouseId)
                .query((rs, n) -> result.computeIfAbsent(rs.getInt(1), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)))
                .list();
        return result;
    }

    /** Whether each of these bins counts toward available stock; bin 0 (no bin) always does. */
    public Map<Long, Boolean> binsCounting(long companyId, Collection<Long> binIds) {
        Map<Long, Boolean> result = new HashMap<>();
        result.put(0L, true);
        List<Long> ids = binIds.stream().filter(id -> id != 0).distinct().toList();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, counts_as_available from bin where company_id = :company and id in (:ids)")
                    .param("company", companyId)
                    .param("ids", ids)
                    .query((rs, n) -> result.put(rs.getLong(1), rs.getBoolean(2)))
                    .list();
        }
        return result;
    }

    /** Bins of a warehouse that do not count toward available stock. */
    public List<Long> nonCountingBins(long companyId, long warehouseId) {
        return jdbc.sql("select id from bin where company_id = ? and warehouse_id = ? and not counts_as_available")
                .params(companyId, warehouseId)
                .query(Long.class)
                .list();
    }

    /** Item code, warehouse code and bin code for messages. */
    public String[] names(long companyId, long itemId, long warehouseId, long binId) {
        String item = jdbc.sql("select code from item where company_id = ? and id = ?")
                .params(companyId, itemId)
                .query(String.class)
                .single();
        String warehouse = jdbc.sql("select code from warehouse where company_id = ? and id = ?")
                .params(companyId, warehouseId)
                .query(String.class)
                .single();
        String bin = binId == 0
                ? null
                : jdbc.sql("select code from bin where company_id = ? and id = ?")
                        .params(companyId, binId)
                        .query(String.class)
                        .single();
        return new String[] {item, warehouse, bin};
    }

    /** Adjusts available stock when a bin starts or stops counting as available. */
    public void recountBin(long companyId, long binId, boolean counts) {
        String sign = counts ? "+" : "-";
        jdbc.sql("update stock_level set available_on_hand = available_on_hand " + sign
                        + " coalesce((select sum(b.on_hand) from stock_balance b where b.company_id = stock_level.company_id"
                        + " and b.item_id = stock_level.item_id and b.warehouse_id = stock_level.warehouse_id"
                        + " and b.bin_id = ? and b.stock_status = 'AVAILABLE'), 0)"
                        + " where company_id = ? and exists (select 1 from stock_balance b where b.company_id = ?"
                        + " and b.item_id = stock_level.item_id and b.warehouse_id = stock_level.warehouse_id"
                        + " and b.bin_id = ?)")
                .params(binId, companyId, companyId, binId)
                .update();
    }
}
