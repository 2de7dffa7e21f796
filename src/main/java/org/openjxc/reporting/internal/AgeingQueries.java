package org.openjxc.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.reporting.AgeingStockRow;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock by age, set-based. FIFO and specific-batch items: their open cost layers, dated by the
 * document that opened them. Moving-average items have no layers; what is on hand is taken to be
 * the latest receipts (first in, first out), walked back from the newest until the stock is covered,
 * valued at the average. Receipts here are stock coming into the warehouse from outside it: status
 * changes and the receipt of a transfer from in transit are not.
 */
@Repository
public class AgeingQueries {

    private final JdbcClient jdbc;

    AgeingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<AgeingStockRow> ageing(
            long companyId,
            DataScope scope,
            LocalDate today,
            int[] brackets,
            String warehouse,
            String item,
            PageQuery page) {
        String lots = """
                select c.item_id, c.warehouse_id, c.received_on as received, c.qty_remaining as qty,
                       c.value_remaining as val
                from cost_layer c
                where c.company_id = :company and c.qty_remaining > 0
                union all
                select x.item_id, x.warehouse_id, x.moved_on,
                       least(x.qty, x.on_hand - (x.cum - x.qty)),
                       round(least(x.qty, x.on_hand - (x.cum - x.qty)) * x.avg_cost, 2)
                from (select m.item_id, m.warehouse_id, m.moved_on, m.qty, l.on_hand, l.avg_cost,
                             sum(m.qty) over (partition by m.item_id, m.warehouse_id
                                              order by m.moved_on desc, m.id desc
                                              rows between unbounded preceding and current row) as cum
                      from stock_move m
                      join stock_level l on l.company_id = m.company_id and l.item_id = m.item_id
                                        and l.warehouse_id = m.warehouse_id
                      join item i on i.company_id = m.company_id and i.id = m.item_id
                      join document d on d.company_id = m.company_id and d.id = m.document_id
                      where m.company_id = :company and i.cost_method = 'MOVING_AVERAGE' and l.on_hand > 0
                        and m.qty > 0 and m.corrects is null and m.reversal_of is null
                        and d.doc_type <> 'STATUS_CHANGE'
                        and not (d.doc_type = 'TRANSFER' and m.stock_status <> 'IN_TRANSIT')
                        and not exists (select 1 from stock_move r where r.company_id = m.company_id
                                        and r.reversal_of = m.id)) x
                where x.cum - x.qty < x.on_hand""";
        StringBuilder columns = new StringBuilder();
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        // Bracket k holds what was received after today − brackets[k] days (and not in an earlier one).
        for (int k = 0; k <= brackets.length; k++) {
            String condition = k == brackets.length
                    ? "a.received <= :b" + (k - 1)
                    : k == 0 ? "a.received > :b0" : "a.received <= :b" + (k - 1) + " and a.received > :b" + k;
            columns.append(", sum(case when ")
                    .append(condition)
                    .append(" then a.qty else 0 end) as q")
                    .append(k);
            columns.append(", sum(case when ")
                    .append(condition)
                    .append(" then a.val else 0 end) as v")
                    .append(k);
            if (k < brackets.length) {
                p.put("b" + k, today.minusDays(brackets[k]));
            }
        }
        StringBuilder where = new StringBuilder(" where 1 = 1" + scope.warehouseCondition("a.warehouse_id"));
        if (SearchText.present(warehouse)) {
            where.append(" and w.code = :warehouse");
            p.put("warehouse", warehouse.trim());
        }
        if (SearchText.present(item)) {
            where.append(" and i.code = :item");
            p.put("item", item.trim());
        }
        String from = " from (" + lots + ") a join item i on i.company_id = :company and i.id = a.item_id"
                + " join warehouse w on w.company_id = :company and w.id = a.warehouse_id" + where;
        long total = jdbc.sql("select count(*) from (select a.item_id, a.warehouse_id" + from
                        + " group by a.item_id, a.warehouse_id) t")
                .params(p)
                .query(Long.class)
                .single();
        int n = brackets.length + 1;
        List<AgeingStockRow> rows = jdbc.sql(
                        "select i.code, i.name, w.code as wh, sum(a.qty) as qty, sum(a.val) as val,"
                                + " min(a.received) as oldest" + columns + from
                                + " group by i.code, i.name, w.code order by min(a.received), i.code, w.code"
                                + page.limitOffset())
                .params(p)
                .query((rs, row) -> {
                    List<BigDecimal> qty = new ArrayList<>();
                    List<BigDecimal> value = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        qty.add(Rounding.plain(rs.getBigDecimal("q" + k)));
                        value.add(Rounding.amount(rs.getBigDecimal("v" + k)));
                    }
                    return new AgeingStockRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Rounding.plain(rs.getBigDecimal("qty")),
                            Rounding.amount(rs.getBigDecimal("val")),
                            qty,
                            value,
                            rs.getObject("oldest", LocalDate.class));
                })
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }
}
