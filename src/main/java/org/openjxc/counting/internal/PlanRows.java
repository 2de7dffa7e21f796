package org.openjxc.counting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openjxc.counting.CountPlanView;
import org.openjxc.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The count_plan table and the consumption figures that classify items. */
@Repository
public class PlanRows {

    private final JdbcClient jdbc;

    PlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Consumption(long itemId, BigDecimal value) {}

    /**
     * Every active item with what it consumed since {@code since} at cost (deliveries net of
     * customer returns, and other issues; unposted documents cancel through their reversals),
     * largest first. One grouped query over the ledger's recent moves.
     */
    public List<Consumption> consumption(long companyId, OffsetDateTime since) {
        return jdbc.sql("""
                        select i.id, coalesce(c.v, 0) as v from item i
                        left join (select m.item_id, sum(-m.move_value) as v from stock_move m
                                   join document d on d.company_id = m.company_id and d.id = m.document_id
                                   where m.company_id = ? and m.posted_at >= ?
                                     and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN', 'OTHER_OUTBOUND')
                                   group by m.item_id) c on c.item_id = i.id
                        where i.company_id = ? and i.active
                        order by v desc, i.id""")
                .params(companyId, since, companyId)
                .query((rs, n) -> new Consumption(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
    }

    public long upsert(
            long companyId,
            long warehouseId,
            String abcClass,
            int percent,
            int everyDays,
            boolean blind,
            BigDecimal tolerance,
            boolean active,
            LocalDate today,
            long userId) {
        int updated = jdbc.sql("""
                        update count_plan set sample_percent = ?, every_days = ?, blind = ?, tolerance_percent = ?,
                               active = ?, version = version + 1
                        where company_id = ? and warehouse_id = ? and abc_class = ?""")
                .params(percent, everyDays, blind, tolerance, active, companyId, warehouseId, abcClass)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into count_plan (company_id, warehouse_id, abc_class, sample_percent, every_days,
                                                    blind, tolerance_percent, active, next_due, created_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            companyId,
                            warehouseId,
                            abcClass,
                            percent,
                            everyDays,
                            blind,
                            tolerance,
                            active,
                            today,
                            userId)
                    .update();
        }
        return jdbc.sql("select id from count_plan where company_id = ? and warehouse_id = ? and abc_class = ?")
                .params(companyId, warehouseId, abcClass)
                .query(Long.class)
                .single();
    }

    public List<CountPlanView> list(long companyId, DataScope scope) {
        return jdbc.sql(VIEW + " where p.company_id = ?" + scope.warehouseCondition("p.warehouse_id")
                        + " order by w.code, p.abc_class")
                .param(companyId)
                .query(CountPlanView.class)
                .list();
    }

    public Optional<CountPlanView> find(long companyId, long id) {
        return jdbc.sql(VIEW + " where p.company_id = ? and p.id = ?")
                .params(companyId, id)
                .query(CountPlanView.class)
                .optional();
    }

    /** Active plans due on or before {@code today}, locked so two runs do not both make a count. */
    public List<CountPlanView> due(long companyId, DataScope scope, LocalDate today) {
        List<Long> ids = jdbc.sql(
                        "select p.id from count_plan p where p.company_id = ? and p.active and p.next_due <= ?"
                                + scope.warehouseCondition("p.warehouse_id") + " order by p.id for update")
                .params(companyId, today)
                .query(Long.class)
                .list();
        return ids.stream().map(id -> find(companyId, id).orElseThrow()).toList();
    }

    public void scheduled(long companyId, long id, LocalDate nextDue) {
        jdbc.sql("update count_plan set next_due = ? where company_id = ? and id = ?")
                .params(nextDue, companyId, id)
                .update();
    }

    /** Companies with a plan due, and who made each company's first plan (the job acts in that name). */
    public List<long[]> companiesDue(LocalDate today) {
        return jdbc.sql("""
                        select company_id, min(created_by) from count_plan where active and next_due <= ?
                        group by company_id""")
                .param(today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    private static final String VIEW = """
            select p.id, w.code as warehouse, w.name as warehouse_name, p.abc_class, p.sample_percent,
                   p.every_days, p.blind, p.tolerance_percent, p.active, p.next_due
            from count_plan p join warehouse w on w.company_id = p.company_id and w.id = p.warehouse_id""";
}
