package org.openjxc.costing.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.openjxc.costing.CostLayerView;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the open cost layers for users. */
@Repository
public class CostLayerQueries {

    private static final Map<String, String> SORTS = Map.of(
            "item",
            "i.code",
            "warehouse",
            "w.code",
            "receivedAt",
            "c.id",
            "receivedOn",
            "c.received_on",
            "unitCost",
            "c.unit_cost");

    private final JdbcClient jdbc;

    CostLayerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<CostLayerView> open(
            long companyId, DataScope scope, String item, String warehouse, PageQuery page) {
        StringBuilder where = new StringBuilder(
                " where c.company_id = :company and c.qty_remaining > 0" + scope.warehouseCondition("c.warehouse_id"));
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        if (SearchText.present(item)) {
            where.append(" and i.code = :item");
            p.put("item", item.trim());
        }
        if (SearchText.present(warehouse)) {
            where.append(" and w.code = :warehouse");
            p.put("warehouse", warehouse.trim());
        }
        String from = """
                 from cost_layer c
                join item i on i.company_id = c.company_id and i.id = c.item_id
                join warehouse w on w.company_id = c.company_id and w.id = c.warehouse_id
                left join document d on d.company_id = c.company_id and d.id = c.document_id""";
        long total = jdbc.sql("select count(*)" + from + where)
                .params(p)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("select c.id, i.code as item, i.name as item_name, w.code as warehouse, c.batch_no,"
                        + " c.document_id, d.number as doc_number, c.line_no, c.received_at, c.unit_cost, c.qty_in,"
                        + " c.qty_remaining, c.value_remaining, c.received_on" + from + where
                        + page.orderBy(SORTS, "receivedOn", "c.id") + page.limitOffset())
                .params(p)
                .query((rs, n) -> new CostLayerView(
                        rs.getLong("id"),
                        rs.getString("item"),
                        rs.getString("item_name"),
                        rs.getString("warehouse"),
                        rs.getString("batch_no").isEmpty() ? null : rs.getString("batch_no"),
                        rs.getLong("document_id"),
                        rs.getString("doc_number"),
                        rs.getInt("line_no"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("received_on", java.time.LocalDate.class),
                        rs.getBigDecimal("unit_cost"),
                        Rounding.plain(rs.getBigDecimal("qty_in")),
                        Rounding.plain(rs.getBigDecimal("qty_remaining")),
                        rs.getBigDecimal("value_remaining")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }
}
