package org.openjxc.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.document.DocumentType;
import org.openjxc.reporting.Alert;
import org.openjxc.reporting.AlertKind;
import org.openjxc.reporting.DocumentTraceRow;
import org.openjxc.reporting.HealthRow;
import org.openjxc.reporting.InOutRow;
import org.openjxc.reporting.MarginCell;
import org.openjxc.reporting.MarginRow;
import org.openjxc.reporting.StockBalanceRow;
import org.openjxc.reporting.TrendRow;
import org.openjxc.reporting.TurnoverRow;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Report queries, each one set-based statement filtered by the data scope in SQL. Dates are
 * document dates, so a back-dated receipt counts on the day it belongs to; an unposted
 * document's reversing moves carry the same date and cancel it.
 */
@Repository
public class ReportQueries {

    private static final List<DocumentType> MOVING = InOutRow.TYPES;

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Alert> alerts(
            long companyId, DataScope scope, LocalDate today, int expiryDays, int staleDays, int limit) {
        List<Alert> alerts = new ArrayList<>();
        OffsetDateTime stale = today.minusDays(staleDays)
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .toOffsetDateTime();
        jdbc.sql("""
                        select d.id, d.number, w.code, d.created_at, d.doc_type from document d
                        join warehouse w on w.company_id = d.company_id and w.id = d.warehouse_id
                        where d.company_id = ? and d.status = 'ON_HOLD'""" + scope.documentCondition("d") + " " + """
                         order by d.created_at fetch first ? rows only""")
                .params(companyId, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.ON_HOLD,
                        null,
                        rs.getString(3),
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5))))
                .list();
        jdbc.sql("""
                        select i.code, w.code, l.available_on_hand - l.reserved, i.safety_stock from stock_level l
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        join warehouse w on w.company_id = l.company_id and w.id = l.warehouse_id
                        where l.company_id = ? and i.active and i.safety_stock > 0
                          and l.available_on_hand - l.reserved < i.safety_stock""" + scope.warehouseCondition("l.warehouse_id") + " " + """
                         order by (l.available_on_hand - l.reserved) / i.safety_stock, i.code fetch first ? rows only""")
                .params(companyId, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.BELOW_SAFETY_STOCK,
                        rs.getString(1),
                        rs.getString(2),
                        null,
                        null,
                        null,
                        Rounding.plain(rs.getBigDecimal(3)) + " < " + Rounding.plain(rs.getBigDecimal(4)))))
                .list();
        // Never any while negative stock is off (posting refuses it); a company that allows it sees
        // what to put right, and value left without stock would be a fault to look into.
        jdbc.sql("""
                        select i.code, w.code, l.on_hand, l.available_on_hand, l.stock_value from stock_level l
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        join warehouse w on w.company_id = l.company_id and w.id = l.warehouse_id
                        where l.company_id = ? and (l.on_hand < 0 or l.available_on_hand < 0
                                                    or (l.on_hand = 0 and l.stock_value <> 0))""" + scope.warehouseCondition("l.warehouse_id") + " " + """
                         order by i.code, w.code fetch first ? rows only""")
                .params(companyId, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.NEGATIVE_STOCK,
                        rs.getString(1),
                        rs.getString(2),
                        null,
                        null,
                        null,
                        Rounding.plain(rs.getBigDecimal(3)) + " / " + Rounding.plain(rs.getBigDecimal(4)) + " / "
                                + Rounding.amount(rs.getBigDecimal(5)))))
                .list();
        jdbc.sql("""
                        select i.code, w.code, s.batch_no, s.expiry_date, s.on_hand from stock_balance s
                        join item i on i.company_id = s.company_id and i.id = s.item_id
                        join warehouse w on w.company_id = s.company_id and w.id = s.warehouse_id
                        where s.company_id = ? and s.on_hand > 0 and s.expiry_date <= ?""" + scope.warehouseCondition("s.warehouse_id") + " " + """
                         order by s.expiry_date, i.code fetch first ? rows only""")
                .params(companyId, today.plusDays(expiryDays), limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.EXPIRING,
                        rs.getString(1),
                        rs.getString(2),
                        null,
                        null,
                        null,
                        rs.getString(3) + " " + rs.getObject(4, LocalDate.class) + " × "
                                + Rounding.plain(rs.getBigDecimal(5)))))
                .list();
        jdbc.sql("""
                        select d.id, d.number, tw.code, d.posted_at from document d
                        join warehouse tw on tw.company_id = d.company_id and tw.id = d.to_warehouse_id
                        where d.company_id = ? and d.doc_type = 'TRANSFER' and d.status = 'POSTED'
                          and not d.fully_received""" + scope.documentCondition("d") + " " + """
                         order by d.posted_at fetch first ? rows only""")
                .params(companyId, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.IN_TRANSIT,
                        null,
                        rs.getString(3),
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(4, OffsetDateTime.class),
                        null)))
                .list();
        jdbc.sql("""
                        select d.id, d.number, w.code, d.created_at, d.status from document d
                        join warehouse w on w.company_id = d.company_id and w.id = d.warehouse_id
                        where d.company_id = ? and d.status in ('DRAFT', 'SUBMITTED', 'APPROVED')
                          and d.doc_type not in ('PURCHASE_ORDER', 'SALES_ORDER') and d.created_at < ?""" + scope.documentCondition("d") + " " + """
                         order by d.created_at fetch first ? rows only""")
                .params(companyId, stale, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.UNPOSTED_DOCUMENT,
                        null,
                        rs.getString(3),
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5))))
                .list();
        jdbc.sql("""
                        select i.code, w.code, coalesce(b.code, ''), s.stock_status, s.on_hand from stock_balance s
                        join item i on i.company_id = s.company_id and i.id = s.item_id
                        join warehouse w on w.company_id = s.company_id and w.id = s.warehouse_id
                        left join bin b on b.company_id = s.company_id and b.id = s.bin_id
                        where s.company_id = ? and s.on_hand <> 0 and s.stock_status <> 'IN_TRANSIT'
                          and (s.stock_status <> 'AVAILABLE' or b.counts_as_available = false)""" + scope.warehouseCondition("s.warehouse_id") + " " + """
                         order by w.code, i.code fetch first ? rows only""")
                .params(companyId, limit)
                .query((rs, n) -> alerts.add(new Alert(
                        AlertKind.NOT_AVAILABLE_STOCK,
                        rs.getString(1),
                        rs.getString(2),
                        null,
                        null,
                        null,
                        (rs.getString(3).isEmpty() ? "" : rs.getString(3) + " ") + rs.getString(4) + " × "
                                + Rounding.plain(rs.getBigDecimal(5)))))
                .list();
        return alerts;
    }

    /**
     * On hand and value per item and warehouse at the end of {@code date}, by document date: the
     * month-end stock kept by the latest closed month on or before it, plus the moves of documents
     * dated after that month (the whole ledger only when no month is closed yet).
     */
    public PageResult<StockBalanceRow> stockBalance(
            long companyId, DataScope scope, LocalDate date, String warehouse, String item, PageQuery page) {
        long[] total = {0};
        List<StockBalanceRow> rows = new ArrayList<>();
        stockBalance(companyId, scope, date, warehouse, item, page.limitOffset(), (row, count) -> {
            rows.add(row);
            total[0] = count;
        });
        if (rows.isEmpty() && page.page() > 0) {
            // Past the last page: count what there is, for the pager.
            stockBalance(companyId, scope, date, warehouse, item, "", (row, count) -> total[0] = count);
        }
        return new PageResult<>(rows, page.page(), page.size(), total[0]);
    }

    /** Every row of the stock balance as of a date, streamed (an export never holds them all). */
    public void eachStockBalance(
            long companyId,
            DataScope scope,
            LocalDate date,
            String warehouse,
            String item,
            java.util.function.Consumer<StockBalanceRow> each) {
        stockBalance(companyId, scope, date, warehouse, item, "", (row, count) -> each.accept(row));
    }

    /**
     * Stock per item and warehouse as of the end of {@code date}: the latest month-end snapshot on
     * or before it plus the moves of documents dated after the snapshot, summed per item and
     * warehouse by id first and only then joined to codes and names, counted in the same pass.
     */
    private void stockBalance(
            long companyId,
            DataScope scope,
            LocalDate date,
            String warehouse,
            String item,
            String limit,
            java.util.function.BiConsumer<StockBalanceRow, Long> each) {
        Map<String, Object> p = fromSnapshot(companyId, date);
        p.put("date", date);
        StringBuilder only = new StringBuilder();
        if (warehouse != null && !warehouse.isBlank()) {
            only.append(
                    " and #.warehouse_id = (select id from warehouse where company_id = :company and code = :warehouse)");
            p.put("warehouse", warehouse.trim());
        }
        if (item != null && !item.isBlank()) {
            only.append(" and #.item_id = (select id from item where company_id = :company and code = :item)");
            p.put("item", item.trim());
        }
        String sql = """
                select i.code, i.name, (select u.code from unit u where u.company_id = :company
                                         and u.id = i.base_unit_id) as unit,
                       w.code as wh, t.qty, t.val, count(*) over () as total
                from (select x.item_id, x.warehouse_id, sum(x.qty) as qty, sum(x.val) as val
                      from (select s.item_id, s.warehouse_id, s.qty, s.stock_value as val from stock_period_balance s
                            where s.company_id = :company and s.period_month = :snapshot""" + only.toString().replace("#", "s") + """

                            union all
                            select m.item_id, m.warehouse_id, m.qty, m.move_value from document d
                            join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                            where d.company_id = :company and d.doc_date > :after and d.doc_date <= :date"""
                + only.toString().replace("#", "m") + """
                      ) x
                      where 1 = 1""" + scope.warehouseCondition("x.warehouse_id") + """

                      group by x.item_id, x.warehouse_id
                      having sum(x.qty) <> 0 or sum(x.val) <> 0) t
                join item i on i.company_id = :company and i.id = t.item_id
                join warehouse w on w.company_id = :company and w.id = t.warehouse_id
                order by i.code, w.code""" + limit;
        jdbc.sql(sql).params(p).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(
                new StockBalanceRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Rounding.plain(rs.getBigDecimal(5)),
                        Rounding.amount(rs.getBigDecimal(6))),
                rs.getLong(7)));
    }

    /**
     * Opening, in and out by type, closing per item and warehouse over [{@code from}, {@code to}].
     * Moves are first netted per document, so a transfer's arrival in transit and its receipt count
     * once, and a document posted and unposted counts not at all.
     */
    public PageResult<InOutRow> inOut(
            long companyId,
            DataScope scope,
            LocalDate from,
            LocalDate to,
            String warehouse,
            String item,
            PageQuery page) {
        // Each period row is netted per document and tagged with its column: 2i + 1 into stock by the
        // i-th type, 2i + 2 out of it (0: opening, -1: nets to nothing), so that the columns are plain
        // filtered sums (a CASE per column per row cost more than the rest of the query).
        StringBuilder columns = new StringBuilder();
        StringBuilder tag = new StringBuilder("case d.doc_type");
        for (int i = 0; i < MOVING.size(); i++) {
            tag.append(" when '").append(MOVING.get(i).name()).append("' then ").append(2 * i + 1);
            for (int k = 2 * i + 1; k <= 2 * i + 2; k++) {
                columns.append(", coalesce(sum(x.qty) filter (where x.k = ")
                        .append(k)
                        .append("), 0) as q")
                        .append(k);
                columns.append(", coalesce(sum(x.val) filter (where x.k = ")
                        .append(k)
                        .append("), 0) as v")
                        .append(k);
            }
        }
        tag.append(" else null end");
        String column =
                "case when sum(m.qty) > 0 then " + tag + " when sum(m.qty) < 0 then " + tag + " + 1 else -1 end";
        // The opening starts from the latest month-end snapshot before the period and adds only the
        // documents between it and the period: never the whole ledger.
        Map<String, Object> p = fromSnapshot(companyId, from.minusDays(1));
        p.put("from", from);
        p.put("to", to);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (warehouse != null && !warehouse.isBlank()) {
            where.append(" and w.code = :warehouse");
            p.put("warehouse", warehouse.trim());
        }
        if (item != null && !item.isBlank()) {
            where.append(" and i.code = :item");
            p.put("item", item.trim());
        }
        String sql = """
                select i.code, i.name, (select u.code from unit u where u.company_id = :company
                                         and u.id = i.base_unit_id) as unit, w.code as wh, t.*, count(*) over () as total
                from (select x.item_id, x.warehouse_id,
                             sum(case when x.opening = 1 then x.qty else 0 end) as opening_qty,
                             sum(case when x.opening = 1 then x.val else 0 end) as opening_val,
                             sum(x.qty) as closing_qty, sum(x.val) as closing_val""" + columns + """

                      from (select s.item_id, s.warehouse_id, 1 as opening, 0 as k, s.qty, s.stock_value as val
                            from stock_period_balance s where s.company_id = :company and s.period_month = :snapshot
                            union all
                            select m.item_id, m.warehouse_id, 1, 0, m.qty, m.move_value from document d
                            join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                            where d.company_id = :company and d.doc_date > :after and d.doc_date < :from
                            union all
                            select m.item_id, m.warehouse_id, 0, """ + column + ", sum(m.qty), sum(m.move_value) " + """
                            from document d
                            join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                            where d.company_id = :company and d.doc_date >= :from and d.doc_date <= :to
                              and d.doc_type <> 'STATUS_CHANGE'
                            group by m.item_id, m.warehouse_id, m.document_id, d.doc_type) x
                      where 1 = 1"""
                + scope.warehouseCondition("x.warehouse_id") + """

                      group by x.item_id, x.warehouse_id
                      having sum(case when x.opening = 1 then abs(x.qty) + abs(x.val) else 1 end) <> 0) t
                join item i on i.company_id = :company and i.id = t.item_id
                join warehouse w on w.company_id = :company and w.id = t.warehouse_id""" + where
                + " order by i.code, w.code" + page.limitOffset();
        long[] total = {0};
        var rows = jdbc.sql(sql)
                .params(p)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    Map<String, BigDecimal> in = new LinkedHashMap<>();
                    Map<String, BigDecimal> out = new LinkedHashMap<>();
                    BigDecimal inQty = BigDecimal.ZERO;
                    BigDecimal inValue = BigDecimal.ZERO;
                    BigDecimal outQty = BigDecimal.ZERO;
                    BigDecimal outValue = BigDecimal.ZERO;
                    int c = 11;
                    for (DocumentType t : MOVING) {
                        BigDecimal iq = rs.getBigDecimal(c++);
                        BigDecimal iv = rs.getBigDecimal(c++);
                        BigDecimal oq = rs.getBigDecimal(c++).negate();
                        BigDecimal ov = rs.getBigDecimal(c++).negate();
                        if (iq.signum() != 0) {
                            in.put(t.name(), Rounding.plain(iq));
                        }
                        if (oq.signum() != 0) {
                            out.put(t.name(), Rounding.plain(oq));
                        }
                        inQty = inQty.add(iq);
                        inValue = inValue.add(iv);
                        outQty = outQty.add(oq);
                        outValue = outValue.add(ov);
                    }
                    return new InOutRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Rounding.plain(rs.getBigDecimal("opening_qty")),
                            Rounding.amount(rs.getBigDecimal("opening_val")),
                            Rounding.plain(inQty),
                            Rounding.amount(inValue),
                            Rounding.plain(outQty),
                            Rounding.amount(outValue),
                            Rounding.plain(rs.getBigDecimal("closing_qty")),
                            Rounding.amount(rs.getBigDecimal("closing_val")),
                            in,
                            out);
                })
                .list();
        if (rows.isEmpty() && page.page() > 0) {
            total[0] = jdbc.sql("select count(*) from (" + sql.substring(0, sql.lastIndexOf(" order by")) + ") c")
                    .params(p)
                    .query(Long.class)
                    .single();
        }
        return new PageResult<>(rows, page.page(), page.size(), total[0]);
    }

    /**
     * Parameters of a sum of stock up to the end of {@code date} that starts from a snapshot:
     * {@code company}, {@code snapshot} (the latest closed month at or before it, or none) and
     * {@code after} (the last day that snapshot covers); the documents to add are dated after it.
     */
    private Map<String, Object> fromSnapshot(long companyId, LocalDate date) {
        LocalDate snapshot = latestSnapshot(companyId, date);
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("company", companyId);
        p.put("snapshot", snapshot == null ? LocalDate.of(1, 1, 1) : snapshot);
        p.put(
                "after",
                snapshot == null
                        ? LocalDate.of(1, 1, 1)
                        : snapshot.plusMonths(1).minusDays(1));
        return p;
    }

    /** The latest closed month (its first day) whose snapshot holds the stock at the end of {@code date} or before. */
    private LocalDate latestSnapshot(long companyId, LocalDate date) {
        return jdbc.sql("""
                        select period_month from closed_period where company_id = ? and period_month <= ?
                        order by period_month desc fetch first 1 rows only""")
                .params(
                        companyId,
                        java.time.YearMonth.from(date.plusDays(1))
                                .minusMonths(1)
                                .atDay(1))
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .orElse(null);
    }

    /**
     * Turnover per item and warehouse over [{@code from}, {@code to}], in one grouped pass over
     * the moves up to {@code to}. {@code idleDays} keeps only what did not go out for that long
     * (slow-moving and dead stock); {@code sort} "value" orders by stock value, largest first (the
     * capital tied up), otherwise by item.
     */
    public PageResult<TurnoverRow> turnover(
            long companyId,
            DataScope scope,
            LocalDate from,
            LocalDate to,
            String warehouse,
            String item,
            Integer idleDays,
            boolean byValue,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> filterParams = new ArrayList<>(List.of(companyId, to));
        filters(where, filterParams, warehouse, item);
        String having = "";
        if (idleDays != null) {
            having =
                    " having sum(x.qty) > 0 and (max(case when x.qty < 0 and x.doc_type <> 'TRANSFER' then x.doc_date end)"
                            + " is null or max(case when x.qty < 0 and x.doc_type <> 'TRANSFER' then x.doc_date end) < ?)";
        }
        String body = netMoves(scope) + where + " group by i.code, i.name, w.code" + having;
        List<Object> countParams = new ArrayList<>(filterParams);
        if (idleDays != null) {
            countParams.add(to.minusDays(idleDays));
        }
        long total = jdbc.sql("select count(*) from (select i.code" + body + ") t")
                .params(countParams)
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(List.of(from, from, from, from));
        params.addAll(countParams);
        String order = byValue ? " order by sum(x.val) desc, i.code, w.code" : " order by i.code, w.code";
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        var rows = jdbc.sql("""
                        select i.code, i.name, w.code, sum(x.qty), sum(x.val),
                               sum(case when x.doc_date < ? then x.val else 0 end),
                               -sum(case when x.doc_date >= ? and x.doc_type in ('SALES_DELIVERY', 'SALES_RETURN')
                                         then x.qty else 0 end),
                               -sum(case when x.doc_date >= ? and x.doc_type in ('SALES_DELIVERY', 'SALES_RETURN')
                                         then x.val else 0 end),
                               max(case when x.qty < 0 and x.doc_type <> 'TRANSFER' and x.doc_date >= ?
                                        then x.doc_date end),
                               max(case when x.qty < 0 and x.doc_type <> 'TRANSFER' then x.doc_date end)""" + body + order + page.limitOffset())
                .params(params)
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal(4);
                    BigDecimal value = rs.getBigDecimal(5);
                    BigDecimal opening = rs.getBigDecimal(6);
                    BigDecimal sold = rs.getBigDecimal(7);
                    BigDecimal cost = rs.getBigDecimal(8);
                    BigDecimal average =
                            opening.add(value).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
                    BigDecimal turnover =
                            average.signum() > 0 ? cost.divide(average, 2, java.math.RoundingMode.HALF_UP) : null;
                    BigDecimal perDay = sold.divide(BigDecimal.valueOf(days), 6, java.math.RoundingMode.HALF_UP);
                    BigDecimal supply =
                            perDay.signum() > 0 ? onHand.divide(perDay, 0, java.math.RoundingMode.HALF_UP) : null;
                    return new TurnoverRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Rounding.plain(onHand),
                            Rounding.amount(value),
                            Rounding.plain(sold),
                            Rounding.amount(cost),
                            average,
                            turnover,
                            supply,
                            rs.getObject(10, LocalDate.class));
                })
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Group keys of the margin report: the column that names the group and the one that labels it. */
    private static final Map<String, String[]> MARGIN_GROUPS = Map.of(
            "item", new String[] {"i.code", "i.name"},
            "customer", new String[] {"coalesce(p.code, '-')", "coalesce(p.name, '-')"},
            "region", new String[] {"coalesce(p.region, '-')", "coalesce(p.region, '-')"},
            "salesperson", new String[] {"coalesce(p.salesperson, '-')", "coalesce(p.salesperson, '-')"},
            "category", new String[] {"coalesce(c.code, '-')", "coalesce(c.name, '-')"});

    public static boolean marginGroup(String groupBy) {
        return MARGIN_GROUPS.containsKey(groupBy);
    }

    /**
     * Margin of posted deliveries net of returns dated in [{@code from}, {@code to}], grouped:
     * lines are summed per document and item first, and each such pair's cost is what its moves
     * took out of stock (an index lookup by document), so nothing is counted twice.
     */
    public List<MarginRow> margin(long companyId, DataScope scope, LocalDate from, LocalDate to, String groupBy) {
        String[] group = MARGIN_GROUPS.get(groupBy);
        return jdbc.sql("select " + group[0] + ", " + group[1] + ", sum(x.revenue), sum(x.cost)" + marginSource(scope)
                        + " group by " + group[0] + ", " + group[1]
                        + " order by sum(x.revenue) - sum(coalesce(x.cost, 0)) desc, 1")
                .params(companyId, from, to)
                .query((rs, n) -> {
                    BigDecimal revenue = Rounding.amount(rs.getBigDecimal(3));
                    BigDecimal cost =
                            Rounding.amount(rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4));
                    BigDecimal margin = revenue.subtract(cost);
                    return new MarginRow(
                            rs.getString(1), rs.getString(2), revenue, cost, margin, percent(margin, revenue));
                })
                .list();
    }

    /**
     * Month by month over [{@code from}, {@code to}]: revenue and cost of posted deliveries net of
     * returns, and purchases net of returns, without VAT, in one grouped pass over the period's
     * documents (cost from each document's moves by index).
     */
    public List<TrendRow> trend(long companyId, DataScope scope, LocalDate from, LocalDate to) {
        Map<java.time.YearMonth, BigDecimal[]> months = new java.util.TreeMap<>();
        for (var m = java.time.YearMonth.from(from); !m.isAfter(java.time.YearMonth.from(to)); m = m.plusMonths(1)) {
            months.put(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        jdbc.sql("select extract(year from d.doc_date), extract(month from d.doc_date),"
                        + " sum(case when d.doc_type = 'SALES_DELIVERY' then x.net"
                        + " when d.doc_type = 'SALES_RETURN' then -x.net else 0 end),"
                        + " sum(case when d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN') then"
                        + " -(select coalesce(sum(m.move_value), 0) from stock_move m"
                        + " where m.company_id = d.company_id and m.document_id = d.id) else 0 end),"
                        + " sum(case when d.doc_type = 'PURCHASE_RECEIPT' then x.net"
                        + " when d.doc_type = 'PURCHASE_RETURN' then -x.net else 0 end)"
                        + " from document d join (select l.company_id, l.document_id,"
                        + " sum(coalesce(l.net_amount, l.amount, 0)) as net from document_line l"
                        + " where l.company_id = ? group by l.company_id, l.document_id) x"
                        + " on x.company_id = d.company_id and x.document_id = d.id"
                        + " where d.company_id = ? and d.status = 'POSTED' and d.doc_date >= ? and d.doc_date <= ?"
                        + " and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN', 'PURCHASE_RECEIPT', 'PURCHASE_RETURN')"
                        + scope.documentCondition("d")
                        + " group by extract(year from d.doc_date), extract(month from d.doc_date)")
                .params(companyId, companyId, from, to)
                .query((rs, n) -> {
                    var month = java.time.YearMonth.of(rs.getInt(1), rs.getInt(2));
                    BigDecimal[] v = months.get(month);
                    if (v != null) {
                        v[0] = rs.getBigDecimal(3);
                        v[1] = rs.getBigDecimal(4);
                        v[2] = rs.getBigDecimal(5);
                    }
                    return null;
                })
                .list();
        List<TrendRow> rows = new ArrayList<>();
        months.forEach((month, v) -> {
            BigDecimal revenue = Rounding.amount(v[0]);
            BigDecimal cost = Rounding.amount(v[1]);
            rows.add(new TrendRow(month, revenue, cost, revenue.subtract(cost), Rounding.amount(v[2])));
        });
        return rows;
    }

    /** Margin per customer region and item category over the period: the cells of the heat map. */
    public List<MarginCell> marginHeatmap(long companyId, DataScope scope, LocalDate from, LocalDate to) {
        String region = MARGIN_GROUPS.get("region")[0];
        String[] category = MARGIN_GROUPS.get("category");
        return jdbc.sql("select " + region + ", " + category[0] + ", " + category[1] + ", sum(x.revenue), sum(x.cost)"
                        + marginSource(scope) + " group by " + region + ", " + category[0] + ", " + category[1]
                        + " order by 1, 2")
                .params(companyId, from, to)
                .query((rs, n) -> {
                    BigDecimal revenue = Rounding.amount(rs.getBigDecimal(4));
                    BigDecimal cost =
                            Rounding.amount(rs.getBigDecimal(5) == null ? BigDecimal.ZERO : rs.getBigDecimal(5));
                    BigDecimal margin = revenue.subtract(cost);
                    return new MarginCell(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            revenue,
                            cost,
                            margin,
                            percent(margin, revenue));
                })
                .list();
    }

    private static BigDecimal percent(BigDecimal margin, BigDecimal revenue) {
        return revenue.signum() == 0
                ? null
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Posted deliveries net of returns dated in the period, summed per document and item first, each
     * pair's cost being what its moves took out of stock (an index lookup by document), so nothing is
     * counted twice; joined to item, category and partner for grouping. Parameters: company, from, to.
     */
    private static String marginSource(DataScope scope) {
        return " from (" + """
                select d.partner_id, l.item_id,
                       case when d.doc_type = 'SALES_RETURN' then -sum(coalesce(l.net_amount, l.amount, 0))
                            else sum(coalesce(l.net_amount, l.amount, 0)) end as revenue,
                       (select -sum(m.move_value) from stock_move m
                        where m.company_id = d.company_id and m.document_id = d.id
                          and m.item_id = l.item_id) as cost
                from document d
                join document_line l on l.company_id = d.company_id and l.document_id = d.id
                where d.company_id = ? and d.status = 'POSTED'
                  and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN')
                  and d.doc_date >= ? and d.doc_date <= ?"""
                + scope.documentCondition("d")
                + " group by d.company_id, d.id, d.doc_type, d.partner_id, l.item_id) x"
                + " join item i on i.id = x.item_id"
                + " left join item_category c on c.company_id = i.company_id and c.id = i.category_id"
                + " left join partner p on p.id = x.partner_id";
    }

    /**
     * The document trace: audit entries of documents in the period, counted per user and type in
     * one grouped query. A deleted draft keeps its type through its number's prefix.
     */
    public List<DocumentTraceRow> documentTrace(
            long companyId, DataScope scope, OffsetDateTime from, OffsetDateTime to, String user) {
        StringBuilder where = new StringBuilder(" where a.company_id = ? and a.entity_type = 'Document'"
                + " and a.occurred_at >= ? and a.occurred_at < ? and a.entity_key like '%-%'");
        List<Object> params = new ArrayList<>(List.of(companyId, from, to));
        if (user != null && !user.isBlank()) {
            where.append(" and a.username = ?");
            params.add(user.trim());
        }
        if (scope.restricted()) {
            // Only documents still there and in scope; a deleted one cannot be placed in a warehouse.
            where.append(" and d.id is not null").append(scope.documentCondition("d"));
        }
        Map<String, String> prefixes = new java.util.HashMap<>();
        for (DocumentType t : DocumentType.values()) {
            prefixes.put("#" + t.prefix(), t.name());
        }
        String type =
                "coalesce(d.doc_type, '#' || substring(a.entity_key from 1 for position('-' in a.entity_key) - 1))";
        return jdbc
                .sql("select a.username, " + type + ", "
                        + """
                        sum(case when a.action = 'CREATE' then 1 else 0 end),
                        sum(case when a.action = 'UPDATE' then 1 else 0 end),
                        sum(case when a.action = 'SUBMIT' then 1 else 0 end),
                        sum(case when a.action = 'APPROVE' then 1 else 0 end),
                        sum(case when a.action = 'POST' then 1 else 0 end),
                        sum(case when a.action = 'UNPOST' then 1 else 0 end),
                        sum(case when a.action = 'CANCEL' then 1 else 0 end),
                        sum(case when a.action = 'DELETE' then 1 else 0 end)
                        from audit_log a
                        left join document d on d.company_id = a.company_id and d.number = a.entity_key"""
                        + where + " group by a.username, " + type + " order by 1, 2")
                .params(params)
                .query((rs, n) -> new DocumentTraceRow(
                        rs.getString(1),
                        prefixes.getOrDefault(rs.getString(2), rs.getString(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10)))
                .list()
                .stream()
                // Deleted drafts were grouped under their prefix: add them to their type's row.
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.user() + "\u0000" + r.documentType(),
                        r -> r,
                        (a, b) -> new DocumentTraceRow(
                                a.user(),
                                a.documentType(),
                                a.created() + b.created(),
                                a.edited() + b.edited(),
                                a.submitted() + b.submitted(),
                                a.approved() + b.approved(),
                                a.posted() + b.posted(),
                                a.unposted() + b.unposted(),
                                a.cancelled() + b.cancelled(),
                                a.deleted() + b.deleted()),
                        java.util.TreeMap::new))
                .values()
                .stream()
                .toList();
    }

    /** The figures of the health score per warehouse: stock value, expiring value, idle value, cost of sales. */
    public List<HealthRow> health(long companyId, DataScope scope, LocalDate today) {
        LocalDate since = today.minusDays(90);
        return jdbc.sql("""
                        select w.code, w.name, coalesce(l.v, 0),
                               coalesce((select sum(s.on_hand * lv.avg_cost) from stock_balance s
                                         join stock_level lv on lv.company_id = s.company_id
                                          and lv.item_id = s.item_id and lv.warehouse_id = s.warehouse_id
                                         where s.company_id = w.company_id and s.warehouse_id = w.id
                                           and s.on_hand > 0 and s.expiry_date <= ?), 0),
                               coalesce((select sum(lv.stock_value) from stock_level lv
                                         where lv.company_id = w.company_id and lv.warehouse_id = w.id
                                           and lv.on_hand > 0
                                           and not exists (select 1 from stock_move m
                                                           join document d on d.company_id = m.company_id
                                                                          and d.id = m.document_id
                                                           where m.company_id = lv.company_id
                                                             and m.item_id = lv.item_id
                                                             and m.warehouse_id = lv.warehouse_id and m.qty < 0
                                                             and d.doc_type not in ('TRANSFER', 'STATUS_CHANGE')
                                                             and d.doc_date >= ?)), 0),
                               coalesce((select -sum(m.move_value) from stock_move m
                                         join document d on d.company_id = m.company_id and d.id = m.document_id
                                         where m.company_id = w.company_id and m.warehouse_id = w.id
                                           and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN')
                                           and d.doc_date >= ?), 0)
                        from warehouse w
                        left join (select warehouse_id, sum(stock_value) as v from stock_level
                                   where company_id = ? group by warehouse_id) l on l.warehouse_id = w.id
                        where w.company_id = ? and w.active""" + scope.warehouseCondition("w.id") + " order by w.code")
                .params(today.plusDays(30), since, since, companyId, companyId)
                .query((rs, n) -> {
                    BigDecimal value = rs.getBigDecimal(3);
                    BigDecimal expiring = share(rs.getBigDecimal(4), value);
                    BigDecimal idle = share(rs.getBigDecimal(5), value);
                    BigDecimal annual = value.signum() > 0
                            ? rs.getBigDecimal(6)
                                    .multiply(BigDecimal.valueOf(365))
                                    .divide(BigDecimal.valueOf(90), 6, java.math.RoundingMode.HALF_UP)
                                    .divide(value, 2, java.math.RoundingMode.HALF_UP)
                            : BigDecimal.ZERO;
                    BigDecimal slowTurn = BigDecimal.ONE
                            .subtract(annual.divide(BigDecimal.valueOf(4), 6, java.math.RoundingMode.HALF_UP))
                            .max(BigDecimal.ZERO);
                    BigDecimal score = BigDecimal.valueOf(100)
                            .subtract(expiring.multiply(BigDecimal.valueOf(40)))
                            .subtract(idle.multiply(BigDecimal.valueOf(40)))
                            .subtract(slowTurn.multiply(BigDecimal.valueOf(20)))
                            .setScale(0, java.math.RoundingMode.HALF_UP);
                    return new HealthRow(
                            rs.getString(1),
                            rs.getString(2),
                            Rounding.amount(value),
                            expiring.setScale(2, java.math.RoundingMode.HALF_UP),
                            idle.setScale(2, java.math.RoundingMode.HALF_UP),
                            annual,
                            value.signum() == 0 ? null : score);
                })
                .list();
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return part.divide(whole, 6, java.math.RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    /**
     * Moves up to a day (parameters: company, last day) netted per document, item and warehouse,
     * as {@code x}, with {@code i} (item) and {@code w} (warehouse) joined: a transfer's arrival
     * in transit and its receipt count once, a document posted and unposted not at all.
     */
    private static String netMoves(DataScope scope) {
        return " " + """
                from (select m.item_id, m.warehouse_id, d.doc_date, d.doc_type, sum(m.qty) as qty,
                             sum(m.move_value) as val
                      from stock_move m
                      join document d on d.company_id = m.company_id and d.id = m.document_id
                      where m.company_id = ? and d.doc_date <= ? and d.doc_type <> 'STATUS_CHANGE'""" + scope.warehouseCondition("m.warehouse_id") + " " + """
                      group by m.item_id, m.warehouse_id, m.document_id, d.doc_date, d.doc_type) x
                join item i on i.id = x.item_id
                join warehouse w on w.id = x.warehouse_id""";
    }

    private static void filters(StringBuilder where, List<Object> params, String warehouse, String item) {
        if (warehouse != null && !warehouse.isBlank()) {
            where.append(" and w.code = ?");
            params.add(warehouse.trim());
        }
        if (item != null && !item.isBlank()) {
            where.append(" and i.code = ?");
            params.add(item.trim());
        }
    }
}
