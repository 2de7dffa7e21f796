package org.openjxc.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.openjxc.reporting.UninvoicedRow;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivered (received) and not yet invoiced: one set-based query over the posted lines. */
@Repository
public class InvoiceQueries {

    private final JdbcClient jdbc;

    InvoiceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Lines of posted documents of {@code type} with quantity left after what {@code returnType}
     * took back and {@code invoiceType} invoiced, oldest first.
     */
    public PageResult<UninvoicedRow> uninvoiced(
            long companyId,
            DataScope scope,
            String type,
            String returnType,
            String invoiceType,
            String partner,
            LocalDate from,
            LocalDate to,
            PageQuery page) {
        String followers = """
                select x.source_document_id as doc, y.source_line_no as line, sum(y.base_qty) as qty
                from document x join document_line y on y.company_id = x.company_id and y.document_id = x.id
                where x.company_id = :company and x.doc_type = %s and x.status = 'POSTED'
                  and y.source_line_no is not null
                group by x.source_document_id, y.source_line_no""";
        StringBuilder sql = new StringBuilder("""
                from document d
                join document_line l on l.company_id = d.company_id and l.document_id = d.id
                join item i on i.company_id = l.company_id and i.id = l.item_id
                left join partner p on p.company_id = d.company_id and p.id = d.partner_id
                left join (""" + followers.formatted(":returnType") + """
                ) r on r.doc = d.id and r.line = l.line_no
                left join ("""
                + followers.formatted(":invoiceType") + """
                ) v on v.doc = d.id and v.line = l.line_no
                where d.company_id = :company and d.doc_type = :type and d.status = 'POSTED'
                  and l.base_qty - coalesce(r.qty, 0) - coalesce(v.qty, 0) > 0""" + scope.documentCondition("d"));
        Map<String, Object> p = new HashMap<>(
                Map.of("company", companyId, "type", type, "returnType", returnType, "invoiceType", invoiceType));
        if (partner != null && !partner.isBlank()) {
            sql.append(" and p.code = :partner");
            p.put("partner", partner.trim());
        }
        if (from != null) {
            sql.append(" and d.doc_date >= :from");
            p.put("from", from);
        }
        if (to != null) {
            sql.append(" and d.doc_date <= :to");
            p.put("to", to);
        }
        long total =
                jdbc.sql("select count(*) " + sql).params(p).query(Long.class).single();
        var items = jdbc.sql("""
                        select d.id, d.number, d.doc_date, p.code as partner, p.name as partner_name, l.line_no,
                               i.code as item, i.name as item_name, l.base_qty, coalesce(r.qty, 0) as returned,
                               coalesce(v.qty, 0) as invoiced, coalesce(l.net_amount, l.amount, 0) + l.tax_amount as amount
                        """ + sql + " order by d.doc_date, d.number, l.line_no" + page.limitOffset())
                .params(p)
                .query((rs, n) -> {
                    BigDecimal qty = rs.getBigDecimal("base_qty");
                    BigDecimal open = qty.subtract(rs.getBigDecimal("returned")).subtract(rs.getBigDecimal("invoiced"));
                    return new UninvoicedRow(
                            rs.getLong("id"),
                            rs.getString("number"),
                            rs.getObject("doc_date", LocalDate.class),
                            rs.getString("partner"),
                            rs.getString("partner_name"),
                            rs.getInt("line_no"),
                            rs.getString("item"),
                            rs.getString("item_name"),
                            Rounding.plain(qty),
                            Rounding.plain(rs.getBigDecimal("returned")),
                            Rounding.plain(rs.getBigDecimal("invoiced")),
                            Rounding.plain(open),
                            Rounding.amount(rs.getBigDecimal("amount")
                                    .multiply(open)
                                    .divide(qty, 10, java.math.RoundingMode.HALF_UP)));
                })
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
