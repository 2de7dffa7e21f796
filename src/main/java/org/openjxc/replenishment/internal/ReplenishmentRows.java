package org.openjxc.replenishment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.replenishment.ReplenishmentRunView;
import org.openjxc.replenishment.ReplenishmentSetting;
import org.openjxc.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settings, runs, forecasts and the set-based reads suggestions are made of. */
@Repository
public class ReplenishmentRows {

    /** An item in a warehouse with its stock, what is on order, and its forecast. */
    public record Pair(
            boolean short_,
            long itemId,
            long warehouseId,
            long orgUnitId,
            String item,
            String itemName,
            String unit,
            String warehouse,
            String warehouseName,
            BigDecimal available,
            BigDecimal inTransit,
            BigDecimal onOrder,
            BigDecimal daily,
            BigDecimal safetyStock,
            BigDecimal reorderPoint,
            String method,
            BigDecimal mase,
            BigDecimal leadTime,
            boolean leadTimeLearnt,
            int reviewDays,
            BigDecimal minOrderQty,
            BigDecimal packQty,
            String supplier,
            String supplierName) {}

    /** A batch that expires soon, with the demand of its warehouse. */
    public record Expiring(
            long itemId,
            long warehouseId,
            String item,
            String itemName,
            String unit,
            String warehouse,
            String warehouseName,
            String batch,
            LocalDate expiryDate,
            BigDecimal qty,
            BigDecimal daily) {}

    /** The forecast of one item elsewhere: where else it sells, and how fast. */
    public record Elsewhere(long warehouseId, String warehouse, String warehouseName, BigDecimal daily) {}

    private final JdbcClient jdbc;

    ReplenishmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- settings and runs ----------------------------------------------------------------------

    public Optional<ReplenishmentSetting> setting(long companyId, long itemId) {
        return jdbc.sql("""
                        select service_level, review_days, min_order_qty, pack_qty, lead_time_days
                        from replenishment_setting where company_id = ? and item_id = ?""")
                .params(companyId, itemId)
                .query((rs, n) -> new ReplenishmentSetting(
                        rs.getBigDecimal(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .optional();
    }

    public void saveSetting(long companyId, long itemId, ReplenishmentSetting s) {
        jdbc.sql("delete from replenishment_setting where company_id = ? and item_id = ?")
                .params(companyId, itemId)
                .update();
        jdbc.sql("""
                        insert into replenishment_setting (company_id, item_id, service_level, review_days, min_order_qty,
                                                           pack_qty, lead_time_days)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        itemId,
                        s.serviceLevel() == null ? new BigDecimal("0.95") : s.serviceLevel(),
                        s.reviewDays() == null ? 7 : s.reviewDays(),
                        s.minOrderQty(),
                        s.packQty(),
                        s.leadTimeDays())
                .update();
    }

    /** Starts a run unless one is running; answers its id, or empty when one already runs. */
    public Optional<Long> startRun(long companyId, Long userId) {
        if (running(companyId).isPresent()) {
            return Optional.empty();
        }
        jdbc.sql(
                        "insert into replenishment_run (company_id, status, started_at, started_by) values (?, 'RUNNING', ?, ?)")
                .params(companyId, OffsetDateTime.now(), userId)
                .update();
        return running(companyId);
    }

    public Optional<Long> running(long companyId) {
        return jdbc.sql("select max(id) from replenishment_run where company_id = ? and status = 'RUNNING'")
                .params(companyId)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
                .optional();
    }

    public void finishRun(long companyId, long runId, String status, String error) {
        jdbc.sql("update replenishment_run set status = ?, finished_at = ?, error = ? where company_id = ? and id = ?")
                .params(status, OffsetDateTime.now(), error, companyId, runId)
                .update();
    }

    /** Runs left running by a stop are marked failed at the next start. */
    public void failAbandoned() {
        jdbc.sql(
                        "update replenishment_run set status = 'FAILED', error = 'stopped', finished_at = ? where status = 'RUNNING'")
                .params(OffsetDateTime.now())
                .update();
    }

    public Optional<ReplenishmentRunView> latestRun(long companyId) {
        return jdbc
                .sql("""
                        select id, status, series, done, started_at, finished_at, error from replenishment_run
                        where company_id = ? order by id desc""")
                .params(companyId)
                .query((rs, n) -> new ReplenishmentRunView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)))
                .list()
                .stream()
                .findFirst();
    }

    public List<Long> companies() {
        return jdbc.sql("select id from company order by id").query(Long.class).list();
    }

    // --- suggestions ----------------------------------------------------------------------------

    /**
     * Every item and warehouse whose stock position (available + in transit + on open purchase
     * orders) is at or below its reorder point (or the item's safety stock), and — for the same
     * items only — the warehouses holding more than their reorder point and a review period's
     * demand, which transfers are suggested from first.
     */
    public List<Pair> pairs(long companyId, DataScope scope, String warehouse) {
        boolean narrowed = !scope.wholeCompany() || warehouse != null;
        String filter =
                scope.warehouseCondition("s.warehouse_id") + (warehouse == null ? "" : " and w.code = :warehouse");
        String sql = """
                with open_orders as (
                    select d.warehouse_id, l.item_id, sum(l.base_qty) as qty
                    from document d join document_line l on l.company_id = d.company_id and l.document_id = d.id
                    where d.company_id = :company and d.doc_type = 'PURCHASE_ORDER'
                      and d.status in ('APPROVED', 'POSTED') and not d.closed
                    group by d.warehouse_id, l.item_id),
                received as (
                    select o.warehouse_id, l.item_id, sum(l.base_qty) as qty
                    from document r
                    join document_line l on l.company_id = r.company_id and l.document_id = r.id
                    join document o on o.company_id = r.company_id and o.id = r.source_document_id
                    where r.company_id = :company and r.doc_type = 'PURCHASE_RECEIPT' and r.status = 'POSTED'
                      and o.doc_type = 'PURCHASE_ORDER' and o.status in ('APPROVED', 'POSTED') and not o.closed
                    group by o.warehouse_id, l.item_id),
                all_pairs as ("""
                + PAIRS
                + "),\n"
                + (narrowed
                        // Joined only to filter by the warehouse's code: its columns are all_pairs'.
                        ? "pairs as (select s.* from all_pairs s join warehouse w on w.company_id = :company"
                                + " and w.id = s.warehouse_id where 1 = 1" + filter + "),\n"
                        : "")
                + """
                short_pairs as (
                    select * from %s where available + in_transit + on_order <= rop and rop > 0)
                select 1 as short_pair, p.* from short_pairs p
                union all
                select 0 as short_pair, p.* from all_pairs p
                where p.available > p.rop + p.daily * p.review_days
                  and exists (select 1 from short_pairs q where q.item_id = p.item_id)
                order by item, short_pair desc, warehouse""".formatted(narrowed ? "pairs" : "all_pairs");
        var spec = jdbc.sql(sql).param("company", companyId);
        if (warehouse != null) {
            spec = spec.param("warehouse", warehouse);
        }
        return spec.query(ReplenishmentRows::pair).list();
    }

    /** Every stocked item and warehouse with a forecast or a safety stock, its position and reorder point. */
    private static final String PAIRS = """
                    select s.item_id, s.warehouse_id, w.org_unit_id, i.code as item, i.name as item_name, u.code as unit,
                           w.code as warehouse, w.name as warehouse_name,
                           s.available_on_hand - s.reserved as available, s.in_transit,
                           coalesce(oo.qty, 0) - coalesce(rc.qty, 0) as on_order,
                           coalesce(f.daily_demand, 0) as daily, coalesce(f.safety_stock, 0) as safety,
                           case when coalesce(f.reorder_point, 0) > coalesce(i.safety_stock, 0)
                                then coalesce(f.reorder_point, 0) else coalesce(i.safety_stock, 0) end as rop,
                           f.method, f.mase, f.lead_time_days, coalesce(f.lead_time_learnt, false) as learnt,
                           coalesce(rs.review_days, 7) as review_days, rs.min_order_qty, rs.pack_qty,
                           p.code as supplier, p.name as supplier_name
                    from stock_level s
                    join item i on i.company_id = s.company_id and i.id = s.item_id
                    join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                    join warehouse w on w.company_id = s.company_id and w.id = s.warehouse_id
                    left join demand_forecast f
                        on f.company_id = s.company_id and f.item_id = s.item_id and f.warehouse_id = s.warehouse_id
                    left join replenishment_setting rs on rs.company_id = s.company_id and rs.item_id = s.item_id
                    left join partner p on p.company_id = i.company_id and p.id = i.default_supplier_id
                    left join open_orders oo on oo.warehouse_id = s.warehouse_id and oo.item_id = s.item_id
                    left join received rc on rc.warehouse_id = s.warehouse_id and rc.item_id = s.item_id
                    where s.company_id = :company and i.item_type = 'GOODS' and i.active and w.active
                      and (f.item_id is not null or i.safety_stock > 0)
                """;

    private static Pair pair(ResultSet rs, int n) throws SQLException {
        return new Pair(
                rs.getInt("short_pair") == 1,
                rs.getLong("item_id"),
                rs.getLong("warehouse_id"),
                rs.getLong("org_unit_id"),
                rs.getString("item"),
                rs.getString("item_name"),
                rs.getString("unit"),
                rs.getString("warehouse"),
                rs.getString("warehouse_name"),
                rs.getBigDecimal("available"),
                rs.getBigDecimal("in_transit"),
                rs.getBigDecimal("on_order"),
                rs.getBigDecimal("daily"),
                rs.getBigDecimal("safety"),
                rs.getBigDecimal("rop"),
                rs.getString("method"),
                rs.getBigDecimal("mase"),
                rs.getBigDecimal("lead_time_days"),
                rs.getBoolean("learnt"),
                rs.getInt("review_days"),
                rs.getBigDecimal("min_order_qty"),
                rs.getBigDecimal("pack_qty"),
                rs.getString("supplier"),
                rs.getString("supplier_name"));
    }

    /** Available batches expiring by {@code until}, earliest first per item and warehouse. */
    public List<Expiring> expiring(long companyId, DataScope scope, String warehouse, LocalDate until) {
        var spec = jdbc.sql("""
                        select b.item_id, b.warehouse_id, i.code, i.name, u.code, w.code, w.name, b.batch_no,
                               b.expiry_date, sum(b.on_hand) as qty, coalesce(max(f.daily_demand), 0) as daily
                        from stock_balance b
                        join item i on i.company_id = b.company_id and i.id = b.item_id
                        join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                        join warehouse w on w.company_id = b.company_id and w.id = b.warehouse_id
                        left join demand_forecast f
                            on f.company_id = b.company_id and f.item_id = b.item_id and f.warehouse_id = b.warehouse_id
                        where b.company_id = :company and b.expiry_date is not null and b.expiry_date <= :until
                          and b.stock_status = 'AVAILABLE' and b.on_hand > 0"""
                        + scope.warehouseCondition("b.warehouse_id")
                        + (warehouse == null ? "" : " and w.code = :warehouse")
                        + """

                        group by b.item_id, b.warehouse_id, i.code, i.name, u.code, w.code, w.name, b.batch_no,
                                 b.expiry_date
                        order by i.code, w.code, b.expiry_date, b.batch_no""")
                .param("company", companyId)
                .param("until", until);
        if (warehouse != null) {
            spec = spec.param("warehouse", warehouse);
        }
        return spec.query((rs, n) -> new Expiring(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11)))
                .list();
    }

    /** Where else each of these items sells, fastest first. */
    public Map<Long, List<Elsewhere>> demandElsewhere(long companyId, java.util.Collection<Long> itemIds) {
        Map<Long, List<Elsewhere>> byItem = new java.util.HashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        jdbc.sql("""
                        select f.item_id, f.warehouse_id, w.code, w.name, f.daily_demand from demand_forecast f
                        join warehouse w on w.company_id = f.company_id and w.id = f.warehouse_id
                        where f.company_id = :company and f.item_id in (:items) and f.daily_demand > 0 and w.active
                        order by f.item_id, f.daily_demand desc""")
                .param("company", companyId)
                .param("items", itemIds)
                .query((rs, n) -> byItem.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new Elsewhere(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5))))
                .list();
        return byItem;
    }

    // --- one item's forecast ----------------------------------------------------------------------

    /** The stored forecast row of an item in a warehouse, as named columns. */
    public Optional<Map<String, Object>> forecast(long companyId, long itemId, long warehouseId) {
        return jdbc.sql("""
                        select method, parameters, daily_demand, demand_sd, mase, wape, intermittent, history_days,
                               demand_days, lead_time_days, lead_time_sd, lead_time_learnt, safety_stock, reorder_point,
                               forecast, computed_at
                        from demand_forecast where company_id = ? and item_id = ? and warehouse_id = ?""")
                .params(companyId, itemId, warehouseId)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    row.put("computed_at", rs.getObject("computed_at", OffsetDateTime.class));
                    return row;
                })
                .optional();
    }

    /** Demand per day of an item in a warehouse since {@code from} (days without demand left out). */
    public Map<LocalDate, BigDecimal> demand(long companyId, long itemId, long warehouseId, LocalDate from) {
        Map<LocalDate, BigDecimal> days = new java.util.TreeMap<>();
        jdbc.sql("""
                        select d.doc_date, -sum(m.qty)
                        from document d join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                        where d.company_id = ? and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN', 'PRODUCTION_ISSUE')
                          and d.doc_date >= ? and m.item_id = ? and m.warehouse_id = ?
                        group by d.doc_date""")
                .params(companyId, from, itemId, warehouseId)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                .list();
        return days;
    }

    /** Open purchase-order quantity of an item for a warehouse by expected date (null: not given). */
    public Map<LocalDate, BigDecimal> openOrders(long companyId, long itemId, long warehouseId) {
        Map<LocalDate, BigDecimal> byDate = new java.util.HashMap<>();
        jdbc.sql("""
                        select o.expected_date, l.base_qty - coalesce((
                                   select sum(rl.base_qty) from document r
                                   join document_line rl on rl.company_id = r.company_id and rl.document_id = r.id
                                   where r.company_id = o.company_id and r.source_document_id = o.id
                                     and r.status = 'POSTED' and rl.source_line_no = l.line_no), 0)
                        from document o join document_line l on l.company_id = o.company_id and l.document_id = o.id
                        where o.company_id = ? and o.doc_type = 'PURCHASE_ORDER' and o.status in ('APPROVED', 'POSTED')
                          and not o.closed and o.warehouse_id = ? and l.item_id = ?""")
                .params(companyId, warehouseId, itemId)
                .query((rs, n) -> {
                    BigDecimal open = rs.getBigDecimal(2);
                    if (open.signum() > 0) {
                        byDate.merge(rs.getObject(1, LocalDate.class), open, BigDecimal::add);
                    }
                    return null;
                })
                .list();
        return byDate;
    }

    /** Available (less reserved) and in transit now. */
    public BigDecimal[] stockNow(long companyId, long itemId, long warehouseId) {
        return jdbc.sql("""
                        select available_on_hand - reserved, in_transit from stock_level
                        where company_id = ? and item_id = ? and warehouse_id = ?""")
                .params(companyId, itemId, warehouseId)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .optional()
                .orElse(new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
