package org.openjxc.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.inventory.internal.CostWalk.Kind;
import org.openjxc.inventory.internal.CostWalk.WalkMove;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes of a re-valuation: moves of one item in one warehouse from a point of the ledger
 * on, in document-date order (one index range), their corrections, and the jobs that keep their
 * place. A point is (date, move id): the moves dated after the date, and those of the date from
 * that id on. A correction sorts with the move it corrects.
 */
@Repository
public class RevaluationRows {

    /** A re-valuation job as stored. */
    public record Job(
            long companyId,
            long id,
            long itemId,
            long warehouseId,
            long documentId,
            long requestedBy,
            LocalDate fromDate,
            long fromMove,
            String status,
            LocalDate cursorDate,
            Long cursorMove,
            BigDecimal runQty,
            BigDecimal runValue,
            BigDecimal runCost,
            int movesTotal,
            int movesDone) {}

    private static final String RANGE =
            " and m.moved_on >= :date and (m.moved_on > :date or coalesce(m.corrects, m.id) >= :move)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RevaluationRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** How many moves (not corrections) the range holds, counting no further than {@code limit}. */
    public int count(long companyId, long itemId, long warehouseId, LocalDate date, long move, int limit) {
        return jdbc.sql("select count(*) from (select 1 from stock_move m where m.company_id = :company"
                        + " and m.item_id = :item and m.warehouse_id = :warehouse and m.corrects is null" + RANGE
                        + " fetch first " + limit + " rows only) x")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", move)
                .query(Integer.class)
                .single();
    }

    /** Quantity and value the range holds, corrections included: [qty, value]. */
    public BigDecimal[] sum(long companyId, long itemId, long warehouseId, LocalDate date, long move) {
        return jdbc.sql("select coalesce(sum(m.qty), 0), coalesce(sum(m.move_value), 0) from stock_move m"
                        + " where m.company_id = :company and m.item_id = :item and m.warehouse_id = :warehouse"
                        + RANGE)
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", move)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
    }

    /** The lowest running sum of quantity over the moves of the range, in order (zero at most). */
    public BigDecimal lowestRunningQty(long companyId, long itemId, long warehouseId, LocalDate date) {
        BigDecimal lowest = jdbc.sql("select min(r) from (select sum(m.qty) over (order by m.moved_on, m.id"
                        + " rows between unbounded preceding and current row) as r from stock_move m"
                        + " where m.company_id = :company and m.item_id = :item and m.warehouse_id = :warehouse"
                        + " and m.corrects is null" + RANGE + ") x")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", 0L)
                .query(BigDecimal.class)
                .single();
        return lowest == null ? BigDecimal.ZERO : lowest.min(BigDecimal.ZERO);
    }

    /** Unit cost of the last move with quantity before the point, as it stands now (zero: none). */
    public BigDecimal lastCostBefore(long companyId, long itemId, long warehouseId, LocalDate date, long move) {
        return jdbc.sql("""
                        select m.qty, m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0)
                        from stock_move m
                        where m.company_id = :company and m.item_id = :item and m.warehouse_id = :warehouse
                          and m.corrects is null and m.qty <> 0 and m.moved_on <= :date
                          and (m.moved_on < :date or m.id < :move)
                        order by m.moved_on desc, m.id desc fetch first 1 rows only""")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", move)
                .query((rs, n) -> Rounding.unitCost(rs.getBigDecimal(2), rs.getBigDecimal(1))
                        .abs())
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    /** The totals of the item in the warehouse (locked by the caller): [on hand, value, average]. */
    public BigDecimal[] level(long companyId, long itemId, long warehouseId) {
        return jdbc.sql("select on_hand, stock_value, avg_cost from stock_level"
                        + " where company_id = ? and item_id = ? and warehouse_id = ?")
                .params(companyId, itemId, warehouseId)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)})
                .optional()
                .orElse(new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    /** Locks the totals row of one item in one warehouse: what every posting of it waits for. */
    public void lock(long companyId, long itemId, long warehouseId) {
        jdbc.sql("select on_hand from stock_level where company_id = ? and item_id = ? and warehouse_id = ? for update")
                .params(companyId, itemId, warehouseId)
                .query(BigDecimal.class)
                .optional();
    }

    /**
     * Up to {@code limit} moves of the range in order, each with what it stands at and how the walk
     * values it; the arrivals of transfers come with what their shipment took.
     */
    public List<WalkMove> moves(long companyId, long itemId, long warehouseId, LocalDate date, long move, int limit) {
        List<WalkMove> moves = jdbc.sql("""
                        select m.id, m.warehouse_id, m.bin_id, m.batch_no, m.stock_status, m.qty,
                               m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0) as standing,
                               m.moved_on, m.reversal_of, m.document_id, m.line_no, m.expiry_date,
                               d.doc_type, d.to_warehouse_id, d.source_document_id,
                               (select l.source_line_no from document_line l where l.company_id = m.company_id
                                  and l.document_id = m.document_id and l.line_no = m.line_no
                                  and d.doc_type = 'SALES_RETURN') as source_line,
                               o.stock_status as original_status, o.qty as original_qty,
                               o.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = o.company_id and c.corrects = o.id), 0) as original_standing
                        from stock_move m
                        join document d on d.company_id = m.company_id and d.id = m.document_id
                        left join stock_move o on o.company_id = m.company_id and o.id = m.reversal_of
                        where m.company_id = :company and m.item_id = :item and m.warehouse_id = :warehouse
                          and m.corrects is null""" + RANGE + " order by m.moved_on, m.id fetch first " + limit + " rows only")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", move)
                .query((rs, n) -> {
                    String type = rs.getString("doc_type");
                    BigDecimal qty = rs.getBigDecimal("qty");
                    String status = rs.getString("stock_status");
                    Long reversalOf = rs.getObject("reversal_of", Long.class);
                    Long toWarehouse = rs.getObject("to_warehouse_id", Long.class);
                    boolean arrivalSide =
                            "TRANSFER".equals(type) && toWarehouse != null && toWarehouse == rs.getLong("warehouse_id");
                    Long sourceDocument = rs.getObject("source_document_id", Long.class);
                    Integer sourceLine = rs.getObject("source_line", Integer.class);
                    Kind kind;
                    BigDecimal fed = null;
                    if ("STATUS_CHANGE".equals(type)) {
                        kind = Kind.KEPT;
                    } else if (reversalOf != null) {
                        boolean arrival = "IN_TRANSIT".equals(rs.getString("original_status"))
                                && rs.getBigDecimal("original_qty").signum() > 0;
                        kind = arrivalSide && !arrival ? Kind.KEPT : Kind.REVERSAL;
                        fed = rs.getBigDecimal("original_standing");
                    } else if (arrivalSide) {
                        kind = "IN_TRANSIT".equals(status) && qty.signum() > 0 ? Kind.TRANSFER_IN : Kind.KEPT;
                    } else if (qty.signum() == 0) {
                        kind = Kind.KEPT;
                    } else if (qty.signum() < 0) {
                        kind = Kind.OUT;
                    } else if ("COUNT_ADJUSTMENT".equals(type)) {
                        kind = Kind.COUNT_GAIN;
                    } else if ("SALES_RETURN".equals(type) && sourceDocument != null && sourceLine != null) {
                        kind = Kind.RETURN_IN;
                    } else {
                        kind = Kind.PRICED_IN;
                    }
                    return new WalkMove(
                            rs.getLong("id"),
                            rs.getLong("warehouse_id"),
                            rs.getLong("bin_id"),
                            rs.getString("batch_no"),
                            status,
                            qty,
                            rs.getBigDecimal("standing"),
                            rs.getObject("moved_on", LocalDate.class),
                            reversalOf,
                            fed,
                            rs.getLong("document_id"),
                            rs.getInt("line_no"),
                            type,
                            rs.getObject("expiry_date", LocalDate.class),
                            kind,
                            kind == Kind.RETURN_IN ? sourceDocument + "|" + sourceLine : null);
                })
                .list();
        return withShipments(companyId, itemId, moves);
    }

    /**
     * A transfer's arrival takes what its shipment took: the k-th arrival of a line and batch pairs
     * with the k-th shipment of the same posting (both are written in the same order).
     */
    private List<WalkMove> withShipments(long companyId, long itemId, List<WalkMove> moves) {
        List<Long> transfers = moves.stream()
                .filter(m -> m.kind() == Kind.TRANSFER_IN)
                .map(WalkMove::documentId)
                .distinct()
                .toList();
        if (transfers.isEmpty()) {
            return moves;
        }
        Map<String, List<Long>> arrivals = new HashMap<>();
        Map<String, List<BigDecimal>> shipments = new HashMap<>();
        jdbc.sql("""
                        select m.id, m.document_id, m.line_no, m.batch_no, m.posted_at, m.qty,
                               m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0) as standing
                        from stock_move m join document d on d.company_id = m.company_id and d.id = m.document_id
                        where m.company_id = :company and m.document_id in (:documents) and m.item_id = :item
                          and m.reversal_of is null and m.corrects is null
                          and ((m.warehouse_id = d.warehouse_id and m.qty < 0)
                               or (m.warehouse_id = d.to_warehouse_id and m.stock_status = 'IN_TRANSIT' and m.qty > 0))
                        order by m.id""")
                .param("company", companyId)
                .param("documents", transfers)
                .param("item", itemId)
                .query((rs, n) -> {
                    String key = rs.getLong("document_id") + "|" + rs.getInt("line_no") + "|" + rs.getString("batch_no")
                            + "|"
                            + rs.getObject("posted_at", OffsetDateTime.class).toInstant();
                    if (rs.getBigDecimal("qty").signum() > 0) {
                        arrivals.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("id"));
                    } else {
                        shipments.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getBigDecimal("standing"));
                    }
                    return null;
                })
                .list();
        Map<Long, BigDecimal> fed = new HashMap<>();
        arrivals.forEach((key, ids) -> {
            List<BigDecimal> out = shipments.getOrDefault(key, List.of());
            for (int i = 0; i < ids.size() && i < out.size(); i++) {
                fed.put(ids.get(i), out.get(i).negate());
            }
        });
        return moves.stream()
                .map(m -> m.kind() == Kind.TRANSFER_IN && fed.containsKey(m.id())
                        ? new WalkMove(
                                m.id(),
                                m.warehouseId(),
                                m.binId(),
                                m.batch(),
                                m.status(),
                                m.qty(),
                                m.value(),
                                m.movedOn(),
                                m.reversalOf(),
                                fed.get(m.id()),
                                m.documentId(),
                                m.line(),
                                m.documentType(),
                                m.expiryDate(),
                                m.kind(),
                                m.sourceKey())
                        : m)
                .toList();
    }

    /** Value and quantity of the delivery lines these returns take back, as written: "doc|line" → [value, qty]. */
    public Map<String, BigDecimal[]> returnedLines(long companyId, Collection<WalkMove> moves) {
        List<Long> deliveries = moves.stream()
                .filter(m -> m.kind() == Kind.RETURN_IN)
                .map(m ->
                        Long.parseLong(m.sourceKey().substring(0, m.sourceKey().indexOf('|'))))
                .distinct()
                .toList();
        Map<String, BigDecimal[]> lines = new HashMap<>();
        if (deliveries.isEmpty()) {
            return lines;
        }
        jdbc.sql("select document_id, line_no, sum(move_value), sum(qty) from stock_move"
                        + " where company_id = :company and document_id in (:documents) group by document_id, line_no")
                .param("company", companyId)
                .param("documents", deliveries)
                .query((rs, n) -> lines.put(
                        rs.getLong(1) + "|" + rs.getInt(2),
                        new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)}))
                .list();
        return lines;
    }

    /** Writes the corrections (rows of no quantity naming the move they correct) and adds them to the totals. */
    public void correct(
            long companyId,
            long itemId,
            long warehouseId,
            long revaluedBy,
            long userId,
            OffsetDateTime at,
            List<CostWalk.Correction> corrections) {
        List<Object[]> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CostWalk.Correction c : corrections) {
            WalkMove m = c.move();
            rows.add(new Object[] {
                companyId,
                m.warehouseId(),
                m.binId(),
                itemId,
                m.batch(),
                m.status(),
                m.qty().signum() == 0 ? BigDecimal.ZERO : Rounding.unitCost(c.newValue(), m.qty()),
                c.delta(),
                m.expiryDate(),
                m.documentId(),
                m.line(),
                m.movedOn(),
                at,
                userId,
                m.id(),
                revaluedBy
            });
            total = total.add(c.delta());
        }
        template.batchUpdate("""
                insert into stock_move (company_id, warehouse_id, bin_id, item_id, batch_no, stock_status, qty,
                    unit_cost, move_value, expiry_date, document_id, line_no, moved_on, posted_at, posted_by,
                    corrects, revalued_by)
                values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("""
                        update stock_level set stock_value = stock_value + :delta,
                               avg_cost = case when on_hand > 0 and stock_value + :delta >= 0
                                               then round((stock_value + :delta) / on_hand, 6) else avg_cost end
                        where company_id = :company and item_id = :item and warehouse_id = :warehouse""")
                .param("delta", total)
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .update();
    }

    /**
     * The standing outbound move of a document line in a warehouse (the first, when its layers made
     * several), with its value and corrections: what a FIFO re-valuation corrects.
     */
    public Optional<WalkMove> outbound(long companyId, long documentId, int line, long itemId, long warehouseId) {
        return jdbc
                .sql("""
                        select m.id, m.warehouse_id, m.bin_id, m.batch_no, m.stock_status, m.qty,
                               m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0) as standing,
                               m.moved_on, m.document_id, m.line_no, m.expiry_date, d.doc_type
                        from stock_move m join document d on d.company_id = m.company_id and d.id = m.document_id
                        where m.company_id = ? and m.document_id = ? and m.line_no = ? and m.item_id = ?
                          and m.warehouse_id = ? and m.qty < 0 and m.reversal_of is null and m.corrects is null
                          and not exists (select 1 from stock_move r where r.company_id = m.company_id and r.reversal_of = m.id)
                        order by m.id""")
                .params(companyId, documentId, line, itemId, warehouseId)
                .query((rs, n) -> standing(rs, rs.getString("doc_type"), CostWalk.Kind.OUT))
                .list()
                .stream()
                .findFirst();
    }

    /** Whether the item is costed by layers (FIFO or specific batch). */
    public boolean layered(long companyId, long itemId) {
        return jdbc.sql("select cost_method from item where company_id = ? and id = ?")
                .params(companyId, itemId)
                .query(String.class)
                .optional()
                .map(m -> !"MOVING_AVERAGE".equals(m))
                .orElse(false);
    }

    /** A transfer line arriving in a warehouse: what its arrival and its shipment stand at now (both positive). */
    public record Arrival(long documentId, int line, BigDecimal arrived, BigDecimal shipped) {}

    /**
     * The posted transfer lines of an item arriving in a warehouse within the range, with what their
     * arrivals and shipments stand at: the two differ after the shipment was re-valued.
     */
    public List<Arrival> arrivals(long companyId, long itemId, long warehouseId, LocalDate date, long move) {
        return jdbc.sql("""
                        select m.document_id, m.line_no, sum(m.move_value + coalesce((select sum(c.move_value)
                                   from stock_move c where c.company_id = m.company_id and c.corrects = m.id), 0)),
                               (select -sum(s.move_value + coalesce((select sum(c.move_value) from stock_move c
                                          where c.company_id = s.company_id and c.corrects = s.id), 0))
                                from stock_move s
                                where s.company_id = m.company_id and s.document_id = m.document_id
                                  and s.line_no = m.line_no and s.item_id = m.item_id and s.warehouse_id = d.warehouse_id
                                  and s.qty < 0 and s.corrects is null and s.reversal_of is null
                                  and not exists (select 1 from stock_move r
                                                  where r.company_id = s.company_id and r.reversal_of = s.id))
                        from stock_move m
                        join document d on d.company_id = m.company_id and d.id = m.document_id
                        where m.company_id = :company and m.item_id = :item and m.warehouse_id = :warehouse
                          and d.doc_type = 'TRANSFER' and d.status = 'POSTED' and d.to_warehouse_id = m.warehouse_id
                          and m.stock_status = 'IN_TRANSIT' and m.qty > 0 and m.corrects is null and m.reversal_of is null
                          and not exists (select 1 from stock_move r where r.company_id = m.company_id and r.reversal_of = m.id)""" + RANGE + """
                        group by m.document_id, m.line_no, d.warehouse_id, m.company_id, m.item_id
                        order by min(m.moved_on), min(m.id)""")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .param("move", move)
                .query((rs, n) -> new Arrival(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4)))
                .list();
    }

    /**
     * The standing moves of a transfer line at its destination — its arrival in transit and the
     * receipts from there into stock — with what they stand at, oldest first.
     */
    public List<WalkMove> arrivalMoves(long companyId, long documentId, int line, long itemId, long warehouseId) {
        return jdbc.sql("""
                        select m.id, m.warehouse_id, m.bin_id, m.batch_no, m.stock_status, m.qty,
                               m.move_value + coalesce((select sum(c.move_value) from stock_move c
                                   where c.company_id = m.company_id and c.corrects = m.id), 0) as standing,
                               m.moved_on, m.document_id, m.line_no, m.expiry_date
                        from stock_move m
                        where m.company_id = ? and m.document_id = ? and m.line_no = ? and m.item_id = ?
                          and m.warehouse_id = ? and m.qty <> 0 and m.reversal_of is null and m.corrects is null
                          and not exists (select 1 from stock_move r where r.company_id = m.company_id and r.reversal_of = m.id)
                        order by m.id""")
                .params(companyId, documentId, line, itemId, warehouseId)
                .query((rs, n) -> standing(
                        rs,
                        "TRANSFER",
                        "IN_TRANSIT".equals(rs.getString("stock_status"))
                                        && rs.getBigDecimal("qty").signum() > 0
                                ? CostWalk.Kind.TRANSFER_IN
                                : CostWalk.Kind.KEPT))
                .list();
    }

    /** A move read with what it stands at (columns as the queries above name them). */
    private static WalkMove standing(java.sql.ResultSet rs, String documentType, CostWalk.Kind kind)
            throws java.sql.SQLException {
        return new WalkMove(
                rs.getLong("id"),
                rs.getLong("warehouse_id"),
                rs.getLong("bin_id"),
                rs.getString("batch_no"),
                rs.getString("stock_status"),
                rs.getBigDecimal("qty"),
                rs.getBigDecimal("standing"),
                rs.getObject("moved_on", LocalDate.class),
                null,
                null,
                rs.getLong("document_id"),
                rs.getInt("line_no"),
                documentType,
                rs.getObject("expiry_date", LocalDate.class),
                kind,
                null);
    }

    /** Item and destination warehouse of a transfer's shipment move: [item, warehouse]. */
    public Optional<long[]> arrival(long companyId, long moveId) {
        return jdbc.sql("""
                        select m.item_id, d.to_warehouse_id from stock_move m
                        join document d on d.company_id = m.company_id and d.id = m.document_id
                        where m.company_id = ? and m.id = ? and d.to_warehouse_id is not null""")
                .params(companyId, moveId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    /** The unfinished job of an item in a warehouse, if any. */
    public Optional<Job> pending(long companyId, long itemId, long warehouseId) {
        return pendingOf(companyId, itemId, warehouseId).stream().findFirst();
    }

    /** Every unfinished job of an item in a warehouse. */
    public List<Job> pendingOf(long companyId, long itemId, long warehouseId) {
        return jdbc.sql(
                        SELECT_JOB
                                + " where company_id = ? and item_id = ? and warehouse_id = ? and status = 'PENDING' order by id")
                .params(companyId, itemId, warehouseId)
                .query(RevaluationRows::job)
                .list();
    }

    /** Ends a job whose range another job of the same item and warehouse took over. */
    public void merged(long companyId, long id, OffsetDateTime at) {
        jdbc.sql("update stock_revaluation set status = 'DONE', finished_at = ? where company_id = ? and id = ?")
                .params(at, companyId, id)
                .update();
    }

    public Optional<Job> job(long companyId, long id) {
        return jdbc.sql(SELECT_JOB + " where company_id = ? and id = ?")
                .params(companyId, id)
                .query(RevaluationRows::job)
                .optional();
    }

    /** Unfinished jobs, oldest first: [company, id]. */
    public List<long[]> pendingJobs() {
        return jdbc.sql("select company_id, id from stock_revaluation where status = 'PENDING' order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    public long create(
            long companyId,
            long itemId,
            long warehouseId,
            long documentId,
            long userId,
            LocalDate date,
            long move,
            int total,
            String status,
            OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into stock_revaluation (company_id, item_id, warehouse_id, document_id, requested_by,
                                                       from_date, from_move, status, moves_total, created_at,
                                                       finished_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        itemId,
                        warehouseId,
                        documentId,
                        userId,
                        date,
                        move,
                        status,
                        total,
                        at,
                        "DONE".equals(status) ? at : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Starts a pending job again from an earlier point (everything before it is unaffected). */
    public void restart(long companyId, long id, LocalDate date, long move, int total) {
        jdbc.sql("""
                        update stock_revaluation set from_date = ?, from_move = ?, cursor_date = null, cursor_move = null,
                               run_qty = null, run_value = null, run_cost = null, moves_total = ?, moves_done = 0
                        where company_id = ? and id = ?""").params(date, move, total, companyId, id).update();
    }

    /** Keeps a job's place and running totals after a step; done when the range is through. */
    public void advance(
            long companyId,
            long id,
            LocalDate cursorDate,
            long cursorMove,
            CostWalk walk,
            int moves,
            List<CostWalk.Correction> corrections,
            boolean done,
            OffsetDateTime at) {
        BigDecimal corrected =
                corrections.stream().map(CostWalk.Correction::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                        update stock_revaluation set cursor_date = ?, cursor_move = ?, run_qty = ?, run_value = ?,
                               run_cost = ?, moves_done = moves_done + ?, moves_total = greatest(moves_total, moves_done + ?),
                               corrections = corrections + ?, corrected = corrected + ?, status = ?, finished_at = ?
                        where company_id = ? and id = ?""")
                .params(
                        cursorDate,
                        cursorMove,
                        walk.qty(),
                        walk.value(),
                        walk.cost(),
                        moves,
                        moves,
                        corrections.size(),
                        corrected,
                        done ? "DONE" : "PENDING",
                        done ? at : null,
                        companyId,
                        id)
                .update();
    }

    /** An item's cost method, if the item exists. */
    public Optional<String> costMethod(long companyId, String code) {
        return jdbc.sql("select cost_method from item where company_id = ? and code = ?")
                .params(companyId, code)
                .query(String.class)
                .optional();
    }

    public boolean warehouseExists(long companyId, String code) {
        return jdbc.sql("select count(*) from warehouse where company_id = ? and code = ?")
                        .params(companyId, code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Moving-average items in warehouses (one, or all of either) that moved on or after the date. */
    public List<long[]> revaluable(long companyId, String itemCode, String warehouseCode, LocalDate from) {
        StringBuilder sql = new StringBuilder("""
                select l.item_id, l.warehouse_id from stock_level l
                join item i on i.company_id = l.company_id and i.id = l.item_id
                join warehouse w on w.company_id = l.company_id and w.id = l.warehouse_id
                where l.company_id = :company and i.cost_method = 'MOVING_AVERAGE' and l.last_moved_on >= :from""");
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId, "from", from));
        if (itemCode != null && !itemCode.isBlank()) {
            sql.append(" and i.code = :item");
            p.put("item", itemCode.trim());
        }
        if (warehouseCode != null && !warehouseCode.isBlank()) {
            sql.append(" and w.code = :warehouse");
            p.put("warehouse", warehouseCode.trim());
        }
        return jdbc.sql(sql + " order by l.item_id, l.warehouse_id")
                .params(p)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    /** The company's re-valuations, newest first, optionally of one status. */
    public org.openjxc.shared.PageResult<org.openjxc.inventory.RevaluationView> list(
            long companyId, String status, org.openjxc.shared.PageQuery page) {
        StringBuilder where = new StringBuilder(" where r.company_id = :company");
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        if (status != null && !status.isBlank()) {
            where.append(" and r.status = :status");
            p.put("status", status.trim());
        }
        long total = jdbc.sql("select count(*) from stock_revaluation r" + where)
                .params(p)
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select r.id, i.code as item, i.name as item_name, w.code as warehouse, d.number, d.id as document_id,
                               r.from_date, r.status, r.moves_total, r.moves_done, r.corrections, r.corrected,
                               r.created_at, r.finished_at
                        from stock_revaluation r
                        join item i on i.company_id = r.company_id and i.id = r.item_id
                        join warehouse w on w.company_id = r.company_id and w.id = r.warehouse_id
                        left join document d on d.company_id = r.company_id and d.id = r.document_id""" + where + " order by r.id desc" + page.limitOffset())
                .params(p)
                .query((rs, n) -> new org.openjxc.inventory.RevaluationView(
                        rs.getLong("id"),
                        rs.getString("item"),
                        rs.getString("item_name"),
                        rs.getString("warehouse"),
                        rs.getString("number"),
                        rs.getObject("document_id", Long.class),
                        rs.getObject("from_date", LocalDate.class),
                        rs.getString("status"),
                        rs.getInt("moves_total"),
                        rs.getInt("moves_done"),
                        rs.getInt("corrections"),
                        rs.getBigDecimal("corrected"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        0))
                .list();
        return new org.openjxc.shared.PageResult<>(items, page.page(), page.size(), total);
    }

    private static final String SELECT_JOB = """
            select company_id, id, item_id, warehouse_id, document_id, requested_by, from_date, from_move, status,
                   cursor_date, cursor_move, run_qty, run_value, run_cost, moves_total, moves_done
            from stock_revaluation""";

    private static Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Job(
                rs.getLong("company_id"),
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getLong("warehouse_id"),
                rs.getLong("document_id"),
                rs.getLong("requested_by"),
                rs.getObject("from_date", LocalDate.class),
                rs.getLong("from_move"),
                rs.getString("status"),
                rs.getObject("cursor_date", LocalDate.class),
                rs.getObject("cursor_move", Long.class),
                rs.getBigDecimal("run_qty"),
                rs.getBigDecimal("run_value"),
                rs.getBigDecimal("run_cost"),
                rs.getInt("moves_total"),
                rs.getInt("moves_done"));
    }
}
