package org.openjxc.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openjxc.finance.ReconciliationCheck;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reconciliation checks, each one set-based query: per document, what the business side
 * says against what the vouchers of that document booked to the account, through a date
 * (documents by their date, vouchers by theirs, which for postings and unpostings is the
 * document's). Totals are the sums; the documents listed are those that disagree.
 */
@Repository
public class ReconciliationQueries {

    /** How many disagreeing documents a check lists. */
    static final int DOCUMENTS = 50;

    private final JdbcClient jdbc;

    ReconciliationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stock value moved by documents against the inventory account (1405, debit less credit). A
     * re-valuation's correction counts for the document that caused it, which books it, on the
     * date of the move it corrects.
     */
    public ReconciliationCheck stockVsInventory(long companyId, LocalDate date) {
        return check("STOCK_VS_INVENTORY_ACCOUNT", companyId, date, """
                select case when m.corrects is null then m.document_id else m.revalued_by end as document_id, m.move_value as e,
                       0 as a
                from stock_move m
                join document d on d.company_id = m.company_id and d.id = m.document_id
                where m.company_id = :company and d.doc_date <= :date""", "1405", "l.debit - l.credit");
    }

    /**
     * What customers were charged (with VAT) against receivables (1122): deliveries less returns and
     * invoices' price differences; with revenue at invoice, invoices less the invoiced part of returns.
     */
    public ReconciliationCheck deliveriesVsReceivables(long companyId, LocalDate date) {
        return check("DELIVERIES_VS_AR", companyId, date, """
                select l.document_id,
                       case when d.doc_type = 'SALES_RETURN' then -1 else 1 end
                         * (coalesce(l.net_amount, l.amount, 0) + l.tax_amount) as e, 0 as a
                from document_line l join document d on d.company_id = l.company_id and d.id = l.document_id
                join company_setting cs on cs.company_id = d.company_id
                where l.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type in ('SALES_DELIVERY', 'SALES_RETURN') and not cs.revenue_at_invoice
                union all
                select r.document_id, -(r.net_amount + r.tax_amount), 0
                from sales_return_reversal r join document d on d.company_id = r.company_id and d.id = r.document_id
                where r.company_id = :company and d.doc_date <= :date
                union all
                select l.document_id, coalesce(l.net_amount, l.amount, 0) + l.tax_amount
                       - case when cs.revenue_at_invoice then 0
                              else round(l.base_qty * coalesce(s.net_amount, s.amount, 0) / s.base_qty, 2)
                                   + round(l.base_qty * s.tax_amount / s.base_qty, 2) end, 0
                from document_line l join document d on d.company_id = l.company_id and d.id = l.document_id
                join company_setting cs on cs.company_id = d.company_id
                join document_line s on s.company_id = l.company_id and s.document_id = d.source_document_id
                                    and s.line_no = l.source_line_no
                where l.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type = 'SALES_INVOICE'""", "1122", "l.debit - l.credit");
    }

    /**
     * What posted receipts less returns owe suppliers against payables (2202, credit less debit): the
     * value their standing moves brought into stock plus their VAT; and landed costs, their charges
     * with VAT; supplier invoices, what they charge beyond what their receipt lines booked.
     */
    public ReconciliationCheck receiptsVsPayables(long companyId, LocalDate date) {
        return check("RECEIPTS_VS_AP", companyId, date, """
                select m.document_id, m.move_value as e, 0 as a from stock_move m
                join document d on d.company_id = m.company_id and d.id = m.document_id
                where m.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type in ('PURCHASE_RECEIPT', 'PURCHASE_RETURN')
                  and m.reversal_of is null and m.corrects is null
                  and not exists (select 1 from stock_move r where r.company_id = m.company_id and r.reversal_of = m.id)
                union all
                select l.document_id,
                       case when d.doc_type = 'PURCHASE_RETURN' then -1 else 1 end * l.tax_amount, 0
                from document_line l join document d on d.company_id = l.company_id and d.id = l.document_id
                where l.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type in ('PURCHASE_RECEIPT', 'PURCHASE_RETURN')
                union all
                select l.document_id, coalesce(l.net_amount, l.amount, 0) + l.tax_amount, 0
                from document_line l join document d on d.company_id = l.company_id and d.id = l.document_id
                where l.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type = 'LANDED_COST'
                union all
                select l.document_id, coalesce(l.net_amount, l.amount, 0) + l.tax_amount
                       - round(l.base_qty * coalesce(s.net_amount, s.amount, 0) / s.base_qty, 2)
                       - round(l.base_qty * s.tax_amount / s.base_qty, 2), 0
                from document_line l join document d on d.company_id = l.company_id and d.id = l.document_id
                join document_line s on s.company_id = l.company_id and s.document_id = d.source_document_id
                                    and s.line_no = l.source_line_no
                where l.company_id = :company and d.status = 'POSTED' and d.doc_date <= :date
                  and d.doc_type = 'SUPPLIER_INVOICE'""", "2202", "l.credit - l.debit");
    }

    private ReconciliationCheck check(
            String name, long companyId, LocalDate date, String expected, String account, String booked) {
        String perDocument =
                "select x.document_id, sum(x.e) as e, sum(x.a) as a from (" + expected + """

                union all
                select coalesce(v.source_document_id, 0), 0, """ + " " + booked + " " + """
                from voucher_line l join voucher v on v.company_id = l.company_id and v.id = l.voucher_id
                where l.company_id = :company and l.account_code = :account and v.voucher_date <= :date
                  and (v.source_document_id is not null or v.revaluation)
                ) x group by x.document_id""";
        BigDecimal[] totals = jdbc.sql("select coalesce(sum(e), 0), coalesce(sum(a), 0) from (" + perDocument + ") t")
                .param("company", companyId)
                .param("date", date)
                .param("account", account)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
        List<ReconciliationCheck.Document> documents = new ArrayList<>(jdbc.sql("select t.document_id, d.number,"
                        + " d.doc_type, t.e, t.a from (" + perDocument + ") t"
                        + " join document d on d.company_id = :company and d.id = t.document_id"
                        + " where t.e <> t.a order by abs(t.e - t.a) desc, d.number fetch first " + DOCUMENTS
                        + " rows only")
                .param("company", companyId)
                .param("date", date)
                .param("account", account)
                .query((rs, n) -> new ReconciliationCheck.Document(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Rounding.amount(rs.getBigDecimal(4)),
                        Rounding.amount(rs.getBigDecimal(5)),
                        Rounding.amount(rs.getBigDecimal(5).subtract(rs.getBigDecimal(4)))))
                .list());
        BigDecimal e = Rounding.amount(totals[0]);
        BigDecimal a = Rounding.amount(totals[1]);
        return new ReconciliationCheck(name, e, a, a.subtract(e), documents);
    }
}
