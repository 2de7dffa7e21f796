package org.openjxc.finance.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.document.PostingLine;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * With revenue at invoice: which part of a sales return takes back goods already invoiced. Per
 * delivery line, what is delivered and not yet invoiced or returned is returned first; only the
 * rest was invoiced, and its receivable and revenue are reversed (and kept here for reconciliation).
 */
@Repository
public class InvoiceRows {

    /** The invoiced part of one return line: quantity, and its share of the line's net amount and VAT. */
    public record Reversal(int line, BigDecimal qty, BigDecimal net, BigDecimal tax) {}

    private final JdbcClient jdbc;

    InvoiceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Works out and keeps the invoiced part of each line of a return of {@code delivery}. */
    public List<Reversal> reverse(long companyId, long returnId, long delivery, List<PostingLine> lines) {
        Map<Integer, BigDecimal> delivered = new HashMap<>();
        jdbc.sql("select line_no, base_qty from document_line where company_id = ? and document_id = ?")
                .params(companyId, delivery)
                .query((rs, n) -> delivered.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        Map<Integer, BigDecimal> invoiced = followed(companyId, delivery, "SALES_INVOICE", returnId);
        Map<Integer, BigDecimal> returned = followed(companyId, delivery, "SALES_RETURN", returnId);
        List<Reversal> reversals = lines.stream()
                .filter(l -> l.sourceLine() != null && l.baseQty().signum() > 0)
                .map(l -> {
                    BigDecimal uninvoiced = delivered
                            .getOrDefault(l.sourceLine(), BigDecimal.ZERO)
                            .subtract(invoiced.getOrDefault(l.sourceLine(), BigDecimal.ZERO))
                            .subtract(returned.getOrDefault(l.sourceLine(), BigDecimal.ZERO))
                            .max(BigDecimal.ZERO);
                    returned.merge(l.sourceLine(), l.baseQty(), BigDecimal::add);
                    BigDecimal qty = l.baseQty().subtract(uninvoiced).max(BigDecimal.ZERO);
                    return new Reversal(
                            l.line(),
                            qty,
                            share(l.netAmount() == null ? BigDecimal.ZERO : l.netAmount(), qty, l.baseQty()),
                            share(l.taxAmount() == null ? BigDecimal.ZERO : l.taxAmount(), qty, l.baseQty()));
                })
                .filter(r -> r.qty().signum() > 0)
                .toList();
        for (Reversal r : reversals) {
            jdbc.sql("""
                            insert into sales_return_reversal (company_id, document_id, line_no, qty, net_amount, tax_amount)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(companyId, returnId, r.line(), r.qty(), r.net(), r.tax())
                    .update();
        }
        return reversals;
    }

    /** Forgets a return's reversals when it is unposted. */
    public void forget(long companyId, long returnId) {
        jdbc.sql("delete from sales_return_reversal where company_id = ? and document_id = ?")
                .params(companyId, returnId)
                .update();
    }

    private Map<Integer, BigDecimal> followed(long companyId, long source, String type, long except) {
        Map<Integer, BigDecimal> followed = new HashMap<>();
        jdbc.sql("""
                        select l.source_line_no, sum(l.base_qty) from document d
                        join document_line l on l.company_id = d.company_id and l.document_id = d.id
                        where d.company_id = ? and d.source_document_id = ? and d.doc_type = ? and d.status = 'POSTED'
                          and d.id <> ? and l.source_line_no is not null
                        group by l.source_line_no""")
                .params(companyId, source, type, except)
                .query((rs, n) -> followed.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return followed;
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal qty, BigDecimal of) {
        return Rounding.amount(amount.multiply(qty).divide(of, 10, java.math.RoundingMode.HALF_UP));
    }
}
