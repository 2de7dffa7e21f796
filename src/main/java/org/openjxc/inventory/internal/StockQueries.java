package org.openjxc.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.openjxc.inventory.StockDifference;
import org.openjxc.inventory.StockMoveView;
import org.openjxc.inventory.StockPosition;
import org.openjxc.inventory.StockQuery;
import org.openjxc.inventory.StockSummary;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the stock tables, and the rebuild and check of the caches against the ledger. */
@Repository
public class StockQueries {

    private static final Map<String, String> POSITION_SORTS = Map.of(
            "item",
            "i.code",
            "warehouse",
            "w.code",
            "bin",
            "b.code",
            "batch",
            "s.batch_no",
            "expiryDate",
            "s.expiry_date",
            "onHand",
            "s.on_hand");
    private static final Map<String, String> SUMMARY_SORTS = Map.of(
            "item",
            "i.code",
            "warehouse",
            "w.code",
            "onHand",
            "l.on_hand",
            "available",
            "l.available_on_hand",
            "value",
            "l.stock_value");

    /**
     * Quantities that have not moved stock yet, into and out of each warehouse: unposted documents
     * that will move it, and what posted orders still have open (ordered less what their posted
     * receipts or deliveries took; drafts that follow an order are counted by the order, not twice).
     */
    private static final String PENDING = """
             (select coalesce(sum(dl.base_qty), 0) from document_line dl join document d
                on d.company_id = dl.company_id and d.id = dl.document_id
              where dl.company_id = l.company_id and dl.item_id = l.item_id
                and d.status in ('DRAFT', 'SUBMITTED', 'ON_HOLD', 'APPROVED')
                and ((d.doc_type in ('OTHER_INBOUND', 'SALES_RETURN') and d.warehouse_id = l.warehouse_id)
                  or (d.doc_type = 'PURCHASE_RECEIPT' and d.source_document_id is null and d.warehouse_id = l.warehouse_id)
                  or (d.doc_type = 'TRANSFER' and d.to_warehouse_id = l.warehouse_id)))
             + %1$s as pending_in,
             (select coalesce(sum(dl.base_qty), 0) from document_line dl join document d
                on d.company_id = dl.company_id and d.id = dl.document_id
              where dl.company_id = l.company_id and dl.item_id = l.item_id
                and d.status in ('DRAFT', 'SUBMITTED', 'ON_HOLD', 'APPROVED') and d.warehouse_id = l.warehouse_id
                and (d.doc_type in ('OTHER_OUTBOUND', 'TRANSFER', 'PURCHASE_RETURN')
                  or (d.doc_type = 'SALES_DELIVERY' and d.source_document_id is null)))
             + %2$s as pending_out,
            """.formatted(
                    openOrders("PURCHASE_ORDER", "PURCHASE_RECEIPT"), openOrders("SALES_ORDER", "SALES_DELIVERY"));

    /** Open quantity of orders of a type on the stock row's item and warehouse. */
    private static String openOrders(String orderType, String followerType) {
        return """
                (select coalesce(sum(greatest(ol.base_qty - coalesce((select sum(fl.base_qty) from document f
                     join document_line fl on fl.company_id = f.company_id and fl.document_id = f.id
                     where f.company_id = o.company_id and f.source_document_id = o.id and f.doc_type = '%2$s'
                       and f.status = 'POSTED' and fl.source_line_no = ol.line_no), 0), 0)), 0)
                 from document o join document_line ol on ol.company_id = o.company_id and ol.document_id = o.id
                 where ol.company_id = l.company_id and ol.item_id = l.item_id and o.warehouse_id = l.warehouse_id
                   and o.doc_type = '%1$s' and o.status in ('APPROVED', 'POSTED') and not o.closed)""".formatted(orderType, followerType);
    }

    private final JdbcClient jdbc;

    /** Stock that may be picked: available, in a bin that counts, with its bin and batch by code. */
    public record Pickable(String item, String bin, String batch, java.time.LocalDate expiryDate, BigDecimal onHand) {}

    /**
     * Pickable stock of these items in a warehouse, first expiry first, then by bin code (the walking
     * order of codes like A-03-02-01), in one query.
     */
    public List<Pickable> pickable(long companyId, long warehouseId, java.util.Collection<String> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select i.code, b.code, s.batch_no, s.expiry_date, s.on_hand
                        from stock_balance s
                        join item i on i.company_id = s.company_id and i.id = s.item_id
                        left join bin b on b.company_id = s.company_id and b.id = s.bin_id
                        where s.company_id = :company and s.warehouse_id = :warehouse and i.code in (:items)
                          and s.stock_status = 'AVAILABLE' and s.on_hand > 0 and coalesce(b.counts_as_available, true)
                        order by s.expiry_date nulls last, b.code nulls first, s.batch_no""")
                .param("company", companyId)
                .param("warehouse", warehouseId)
                .param("items", items)
                .query((rs, n) -> new Pickable(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getBigDecimal(5)))
                .list();
    }

    /**
     * Value a document's standing moves moved (negative out, positive in): the sum over all its
     * moves, since an unpost's reversals carry the same document and cancel what they reverse.
     * Re-valuation corrections are left out: the document that caused them books them.
     */
    public BigDecimal documentValue(long companyId, long documentId) {
        return jdbc.sql("select coalesce(sum(move_value), 0) from stock_move where company_id = ? and document_id = ?"
                        + " and corrects is null")
                .params(companyId, documentId)
                .query(BigDecimal.class)
                .single();
    }

    /** What the standing moves of these documents moved, together. */
    public BigDecimal documentsValue(long companyId, java.util.Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("select coalesce(sum(move_value), 0) from stock_move where company_id = :company"
                        + " and document_id in (:documents) and corrects is null")
                .param("company", companyId)
                .param("documents", documentIds)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * What a unit of each item costs now: its moving average in the warehouse, else its average over
     * the company's warehouses; items with no stock anywhere are left out.
     */
    public Map<Long, BigDecimal> unitCosts(long companyId, long warehouseId, java.util.Collection<Long> itemIds) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        if (itemIds.isEmpty()) {
            return costs;
        }
        jdbc.sql("""
                        select item_id,
                               max(case when warehouse_id = :warehouse and avg_cost > 0 then avg_cost end) as here,
                               sum(stock_value) as total_value, sum(on_hand) as total_qty
                        from stock_level where company_id = :company and item_id in (:items)
                        group by item_id""")
                .param("warehouse", warehouseId)
                .param("company", companyId)
                .param("items", itemIds)
                .query((rs, n) -> {
                    BigDecimal here = rs.getBigDecimal("here");
                    BigDecimal qty = rs.getBigDecimal("total_qty");
                    if (here != null) {
                        costs.put(rs.getLong("item_id"), here);
                    } else if (qty != null && qty.signum() > 0) {
                        costs.put(
                                rs.getLong("item_id"),
                                rs.getBigDecimal("total_value").divide(qty, 6, java.math.RoundingMode.HALF_UP));
                    }
                    return null;
                })
                .list();
        return costs;
    }

    /** The value of all stock of the company. */
    public BigDecimal totalValue(long companyId) {
        return jdbc.sql("select coalesce(sum(stock_value), 0) from stock_level where company_id = ?")
                .params(companyId)
                .query(BigDecimal.class)
                .single();
    }

    StockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<StockPosition> positions(long companyId, DataScope scope, StockQuery q, PageQuery page) {
        StringBuilder where =
                new StringBuilder(" where s.company_id = :company" + scope.warehouseCondition("s.warehouse_id"));
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        if (!q.includeZero()) {
            where.append(" and s.on_hand <> 0");
        }
        common(q, where, p, "s");
        if (SearchText.present(q.bin())) {
            where.append(" and b.code = :bin");
            p.put("bin", q.bin().trim());
        }
        if (SearchText.present(q.batch())) {
            where.append(" and s.batch_no = :batch");
            p.put("batch", q.batch().trim());
        }
        if (SearchText.present(q.status())) {
            where.append(" and s.stock_status = :status");
            p.put("status", q.status().trim());
        }
        String from = """
                 from stock_balance s
                join item i on i.company_id = s.company_id and i.id = s.item_id
                join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                join warehouse w on w.company_id = s.company_id and w.id = s.warehouse_id
                left join bin b on b.company_id = s.company_id and b.id = s.bin_id
                join stock_level l on l.company_id = s.company_id and l.item_id = s.item_id
                                  and l.warehouse_id = s.warehouse_id""";
        long total = jdbc.sql("select count(*)" + from + where)
                .params(p)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("select i.code as item, i.name as item_name, u.code as unit, w.code as warehouse,"
                        + " b.code as bin, coalesce(b.counts_as_available, true) as counts, s.batch_no, s.expiry_date,"
                        + " s.stock_status, s.on_hand, l.avg_cost" + from + where
                        + page.orderBy(POSITION_SORTS, "item", "w.code, b.code, s.batch_no, s.stock_status")
                        + page.limitOffset())
                .params(p)
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal("on_hand");
                    boolean counts = rs.getBoolean("counts");
                    String status = rs.getString("stock_status");
                    BigDecimal cost = rs.getBigDecimal("avg_cost");
                    boolean sellable = counts && status.equals("AVAILABLE");
                    return new StockPosition(
                            rs.getString("item"),
                            rs.getString("item_name"),
                            rs.getString("unit"),
                            rs.getString("warehouse"),
                            rs.getString("bin"),
                            counts,
                            emptyToNull(rs.getString("batch_no")),
                            rs.getObject("expiry_date", LocalDate.class),
                            status,
                            Rounding.plain(onHand),
                            BigDecimal.ZERO,
                            sellable ? Rounding.plain(onHand) : BigDecimal.ZERO,
                            cost,
                            Rounding.amount(onHand.multiply(cost)));
                })
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public PageResult<StockSummary> summaries(long companyId, DataScope scope, StockQuery q, PageQuery page) {
        StringBuilder where =
                new StringBuilder(" where l.company_id = :company" + scope.warehouseCondition("l.warehouse_id"));
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        if (!q.includeZero()) {
            where.append(" and (l.on_hand <> 0 or l.in_transit <> 0 or l.reserved <> 0)");
        }
        common(q, where, p, "l");
        String from = """
                 from stock_level l
                join item i on i.company_id = l.company_id and i.id = l.item_id
                join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                join warehouse w on w.company_id = l.company_id and w.id = l.warehouse_id""";
        long total = jdbc.sql("select count(*)" + from + where)
                .params(p)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("select i.code as item, i.name as item_name, u.code as unit, w.code as warehouse,"
                        + " w.name as warehouse_name, l.on_hand, l.available_on_hand, l.reserved, l.in_transit,"
                        + PENDING
                        + " l.avg_cost, l.stock_value" + from + where + page.orderBy(SUMMARY_SORTS, "item", "w.code")
                        + page.limitOffset())
                .params(p)
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal("on_hand");
                    BigDecimal availableOnHand = rs.getBigDecimal("available_on_hand");
                    BigDecimal reserved = rs.getBigDecimal("reserved");
                    BigDecimal inTransit = rs.getBigDecimal("in_transit");
                    return new StockSummary(
                            rs.getString("item"),
                            rs.getString("item_name"),
                            rs.getString("unit"),
                            rs.getString("warehouse"),
                            rs.getString("warehouse_name"),
                            Rounding.plain(onHand),
                            Rounding.plain(availableOnHand.subtract(reserved)),
                            Rounding.plain(reserved),
                            Rounding.plain(inTransit),
                            Rounding.plain(onHand.subtract(availableOnHand).subtract(inTransit)),
                            Rounding.plain(rs.getBigDecimal("pending_in")),
                            Rounding.plain(rs.getBigDecimal("pending_out")),
                            rs.getBigDecimal("avg_cost"),
                            rs.getBigDecimal("stock_value"));
                })
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /**
     * Ledger rows, newest last. When one item and one warehouse are named, each row carries the
     * running balance, including everything posted before the first row shown.
     */
    public PageResult<StockMoveView> moves(
            long companyId, DataScope scope, StockQuery q, LocalDate from, LocalDate to, PageQuery page) {
        StringBuilder where =
                new StringBuilder(" where m.company_id = :company" + scope.warehouseCondition("m.warehouse_id"));
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        common(q, where, p, "m");
        if (from != null) {
            where.append(" and m.posted_at >= :from");
            p.put("from", from.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and m.posted_at < :to");
            p.put(
                    "to",
                    to.plusDays(1)
                            .atStartOfDay(java.time.ZoneId.systemDefault())
                            .toOffsetDateTime());
        }
        boolean running = SearchText.present(q.item()) && SearchText.present(q.warehouse());
        String fromSql = """
                 from stock_move m
                join item i on i.company_id = m.company_id and i.id = m.item_id
                join warehouse w on w.company_id = m.company_id and w.id = m.warehouse_id
                left join bin b on b.company_id = m.company_id and b.id = m.bin_id
                join document d on d.company_id = m.company_id and d.id = m.document_id
                left join app_user u on u.id = m.posted_by""";
        long total = jdbc.sql("select count(*)" + fromSql + where)
                .params(p)
                .query(Long.class)
                .single();
        String balance = running
                ? ", (select sum(x.qty) from stock_move x where x.company_id = m.company_id and x.item_id = m.item_id"
                        + " and x.warehouse_id = m.warehouse_id and x.id <= m.id) as balance"
                : ", null as balance";
        var rows = jdbc.sql("select m.id, i.code as item, w.code as warehouse, b.code as bin, m.batch_no,"
                        + " m.stock_status, m.qty, m.unit_cost, m.move_value, m.document_id, d.number, d.doc_type, m.line_no,"
                        + " m.reversal_of, m.posted_at, u.display_name" + balance + fromSql + where
                        + " order by m.id" + page.limitOffset())
                .params(p)
                .query((rs, n) -> new StockMoveView(
                        rs.getLong("id"),
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        rs.getString("bin"),
                        emptyToNull(rs.getString("batch_no")),
                        rs.getString("stock_status"),
                        Rounding.plain(rs.getBigDecimal("qty")),
                        rs.getBigDecimal("unit_cost"),
                        rs.getBigDecimal("move_value"),
                        rs.getLong("document_id"),
                        rs.getString("number"),
                        rs.getString("doc_type"),
                        rs.getInt("line_no"),
                        rs.getObject("reversal_of") != null,
                        rs.getObject("posted_at", java.time.OffsetDateTime.class),
                        rs.getString("display_name"),
                        Rounding.plain(rs.getBigDecimal("balance"))))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /**
     * Every place where a cached balance differs from the sum of the ledger. The sums go by ids
     * alone and the codes are looked up for the differences found (usually none): joined to the
     * item codes inside, PostgreSQL without statistics re-ran the whole aggregation per item.
     */
    public List<StockDifference> differences(long companyId) {
        record Raw(
                String kind,
                long item,
                long warehouse,
                Long bin,
                String batch,
                String status,
                String field,
                BigDecimal ledger,
                BigDecimal cached) {}
        List<Raw> raw = new java.util.ArrayList<>();
        // UNION ALL + GROUP BY instead of a full outer join, which H2 lacks.
        jdbc.sql("""
                        select item_id, warehouse_id, bin_id, batch_no, stock_status,
                               sum(ledger) as ledger, sum(cached) as cached
                        from (select item_id, warehouse_id, bin_id, batch_no, stock_status, qty as ledger, 0 as cached
                              from stock_move where company_id = :company
                              union all
                              select item_id, warehouse_id, bin_id, batch_no, stock_status, 0, on_hand
                              from stock_balance where company_id = :company) u
                        group by item_id, warehouse_id, bin_id, batch_no, stock_status
                        having sum(ledger) <> sum(cached)""")
                .param("company", companyId)
                .query((rs, n) -> raw.add(new Raw(
                        "POSITION",
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getObject("bin_id", Long.class),
                        emptyToNull(rs.getString("batch_no")),
                        rs.getString("stock_status"),
                        "onHand",
                        rs.getBigDecimal("ledger"),
                        rs.getBigDecimal("cached"))))
                .list();
        String[] fields = {"onHand", "available", "inTransit", "value"};
        String[] columns = {"on_hand", "available", "in_transit", "value"};
        jdbc.sql("""
                        select item_id, warehouse_id,
                               sum(l_on_hand) as l_on_hand, sum(c_on_hand) as c_on_hand,
                               sum(l_available) as l_available, sum(c_available) as c_available,
                               sum(l_in_transit) as l_in_transit, sum(c_in_transit) as c_in_transit,
                               sum(l_value) as l_value, sum(c_value) as c_value
                        from (select m.item_id, m.warehouse_id, m.qty as l_on_hand, 0 as c_on_hand,
                                     case when m.stock_status = 'AVAILABLE' and coalesce(b.counts_as_available, true)
                                          then m.qty else 0 end as l_available, 0 as c_available,
                                     case when m.stock_status = 'IN_TRANSIT' then m.qty else 0 end as l_in_transit,
                                     0 as c_in_transit, m.move_value as l_value, 0 as c_value
                              from stock_move m left join bin b on b.company_id = m.company_id and b.id = m.bin_id
                              where m.company_id = :company
                              union all
                              select item_id, warehouse_id, 0, on_hand, 0, available_on_hand, 0, in_transit, 0, stock_value
                              from stock_level where company_id = :company) u
                        group by item_id, warehouse_id
                        having sum(l_on_hand) <> sum(c_on_hand) or sum(l_available) <> sum(c_available)
                            or sum(l_in_transit) <> sum(c_in_transit) or sum(l_value) <> sum(c_value)""")
                .param("company", companyId)
                .query((rs, n) -> {
                    for (int f = 0; f < fields.length; f++) {
                        BigDecimal ledger = rs.getBigDecimal("l_" + columns[f]);
                        BigDecimal cached = rs.getBigDecimal("c_" + columns[f]);
                        if (ledger.compareTo(cached) != 0) {
                            raw.add(new Raw(
                                    "TOTAL",
                                    rs.getLong("item_id"),
                                    rs.getLong("warehouse_id"),
                                    null,
                                    null,
                                    null,
                                    fields[f],
                                    ledger,
                                    cached));
                        }
                    }
                    return null;
                })
                .list();
        if (raw.isEmpty()) {
            return List.of();
        }
        Map<Long, String> items = codes(companyId, "item", raw.stream().map(Raw::item));
        Map<Long, String> warehouses =
                codes(companyId, "warehouse", raw.stream().map(Raw::warehouse));
        Map<Long, String> bins =
                codes(companyId, "bin", raw.stream().map(Raw::bin).filter(Objects::nonNull));
        // Positions first, then totals, each by item and warehouse code.
        return raw.stream()
                .map(r -> new StockDifference(
                        r.kind(),
                        items.get(r.item()),
                        warehouses.get(r.warehouse()),
                        r.bin() == null ? null : bins.get(r.bin()),
                        r.batch(),
                        r.status(),
                        r.field(),
                        r.ledger(),
                        r.cached()))
                .sorted(Comparator.comparing((StockDifference d) -> d.kind().equals("TOTAL"))
                        .thenComparing(StockDifference::item)
                        .thenComparing(StockDifference::warehouse))
                .toList();
    }

    /** Codes of rows of a master table by id, asked for a thousand ids at a time. */
    private Map<Long, String> codes(long companyId, String table, Stream<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        List<Long> distinct = ids.distinct().toList();
        for (int from = 0; from < distinct.size(); from += 1000) {
            jdbc.sql("select id, code from " + table + " where company_id = :company and id in (:ids)")
                    .param("company", companyId)
                    .param("ids", distinct.subList(from, Math.min(from + 1000, distinct.size())))
                    .query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return codes;
    }

    public long moveCount(long companyId) {
        return jdbc.sql("select count(*) from stock_move where company_id = ?")
                .param(companyId)
                .query(Long.class)
                .single();
    }

    public long positionCount(long companyId) {
        return jdbc.sql("select count(*) from stock_balance where company_id = ?")
                .param(companyId)
                .query(Long.class)
                .single();
    }

    /**
     * Rebuilds positions and totals from the ledger with set-based statements. Reservations are
     * kept: they come from open orders, not from the ledger.
     */
    public void rebuild(long companyId) {
        jdbc.sql("delete from stock_balance where company_id = ?")
                .param(companyId)
                .update();
        jdbc.sql("""
                        insert into stock_balance (company_id, item_id, warehouse_id, bin_id, batch_no, stock_status,
                                                   on_hand, expiry_date)
                        select company_id, item_id, warehouse_id, bin_id, batch_no, stock_status, sum(qty), min(expiry_date)
                        from stock_move where company_id = ?
                        group by company_id, item_id, warehouse_id, bin_id, batch_no, stock_status""").param(companyId).update();
        jdbc.sql("""
                        insert into stock_level (company_id, item_id, warehouse_id)
                        select distinct company_id, item_id, warehouse_id from stock_move m where company_id = ?
                          and not exists (select 1 from stock_level l where l.company_id = m.company_id
                                          and l.item_id = m.item_id and l.warehouse_id = m.warehouse_id)""").param(companyId).update();
        jdbc.sql("""
                        update stock_level set
                          on_hand = coalesce((select sum(qty) from stock_move m where m.company_id = stock_level.company_id
                              and m.item_id = stock_level.item_id and m.warehouse_id = stock_level.warehouse_id), 0),
                          stock_value = coalesce((select sum(move_value) from stock_move m where m.company_id = stock_level.company_id
                              and m.item_id = stock_level.item_id and m.warehouse_id = stock_level.warehouse_id), 0),
                          last_moved_on = (select max(moved_on) from stock_move m where m.company_id = stock_level.company_id
                              and m.item_id = stock_level.item_id and m.warehouse_id = stock_level.warehouse_id),
                          in_transit = coalesce((select sum(qty) from stock_move m
                              where m.company_id = stock_level.company_id and m.item_id = stock_level.item_id
                                and m.warehouse_id = stock_level.warehouse_id and m.stock_status = 'IN_TRANSIT'), 0),
                          available_on_hand = coalesce((select sum(m.qty) from stock_move m
                              left join bin b on b.company_id = m.company_id and b.id = m.bin_id
                              where m.company_id = stock_level.company_id and m.item_id = stock_level.item_id
                                and m.warehouse_id = stock_level.warehouse_id and m.stock_status = 'AVAILABLE'
                                and coalesce(b.counts_as_available, true)), 0),
                          reserved = coalesce((select sum(r.qty) from stock_reservation r
                              where r.company_id = stock_level.company_id and r.item_id = stock_level.item_id
                                and r.warehouse_id = stock_level.warehouse_id), 0)
                        where company_id = ?""").param(companyId).update();
        jdbc.sql("""
                        update stock_level set avg_cost = round(stock_value / on_hand, 6)
                        where company_id = ? and on_hand > 0 and stock_value >= 0""").param(companyId).update();
    }

    private static void common(StockQuery q, StringBuilder where, Map<String, Object> p, String alias) {
        if (SearchText.present(q.item())) {
            where.append(" and ")
                    .append(alias)
                    .append(".item_id = (select id from item where company_id = :company and code = :item)");
            p.put("item", q.item().trim());
        }
        if (SearchText.present(q.warehouse())) {
            where.append(" and ")
                    .append(alias)
                    .append(
                            ".warehouse_id = (select id from warehouse where company_id = :company and code = :warehouse)");
            p.put("warehouse", q.warehouse().trim());
        }
        if (SearchText.present(q.q())) {
            where.append(" and (i.code ilike :q or i.name ilike :q or i.search_initials like :qi)");
            p.put("q", SearchText.contains(q.q()));
            p.put("qi", SearchText.contains(q.q()).toLowerCase());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
