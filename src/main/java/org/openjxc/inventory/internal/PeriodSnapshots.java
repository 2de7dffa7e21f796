package org.openjxc.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Month-end stock of every item and warehouse, by document date, written when a month is closed:
 * the previous month's snapshot plus the moves of documents dated in this month, so each close
 * reads one month of the ledger (only the first close reads everything before it).
 */
@Repository
public class PeriodSnapshots {

    private final JdbcClient jdbc;

    PeriodSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the snapshot of {@code month}; answers the stock value it holds. */
    public BigDecimal write(long companyId, YearMonth month, YearMonth previous) {
        LocalDate end = month.atEndOfMonth();
        LocalDate after = previous == null ? LocalDate.of(1, 1, 1) : previous.atEndOfMonth();
        jdbc.sql("""
                        insert into stock_period_balance (company_id, period_month, item_id, warehouse_id, qty, stock_value)
                        select :company, :month, item_id, warehouse_id, sum(qty), sum(val)
                        from (select item_id, warehouse_id, qty, stock_value as val from stock_period_balance
                              where company_id = :company and period_month = :previous
                              union all
                              select m.item_id, m.warehouse_id, m.qty, m.move_value from document d
                              join stock_move m on m.company_id = d.company_id and m.document_id = d.id
                              where d.company_id = :company and d.doc_date > :after and d.doc_date <= :end) x
                        group by item_id, warehouse_id
                        having sum(qty) <> 0 or sum(val) <> 0""")
                .param("company", companyId)
                .param("month", month.atDay(1))
                .param("previous", previous == null ? LocalDate.of(1, 1, 1) : previous.atDay(1))
                .param("after", after)
                .param("end", end)
                .update();
        return jdbc.sql("select coalesce(sum(stock_value), 0) from stock_period_balance"
                        + " where company_id = ? and period_month = ?")
                .params(companyId, month.atDay(1))
                .query(BigDecimal.class)
                .single();
    }

    public void delete(long companyId, YearMonth month) {
        jdbc.sql("delete from stock_period_balance where company_id = ? and period_month = ?")
                .params(companyId, month.atDay(1))
                .update();
    }
}
