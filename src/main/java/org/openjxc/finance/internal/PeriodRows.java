package org.openjxc.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.openjxc.finance.PeriodView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The closed_period table and the checks closing makes. */
@Repository
public class PeriodRows {

    private final JdbcClient jdbc;

    PeriodRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest closed month, if any. */
    public Optional<YearMonth> latest(long companyId) {
        return jdbc.sql("select period_month from closed_period where company_id = ?"
                        + " order by period_month desc fetch first 1 rows only")
                .param(companyId)
                .query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .optional();
    }

    /** Serializes closing and reopening within a company. */
    public void lockCompany(long companyId) {
        jdbc.sql("select id from company where id = ? for update")
                .param(companyId)
                .query(Long.class)
                .single();
    }

    /** Numbers of documents dated on or before {@code end} that are neither posted nor cancelled (orders aside). */
    public List<String> unfinished(long companyId, LocalDate end) {
        return jdbc.sql("""
                        select number from document
                        where company_id = ? and doc_date <= ? and status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ON_HOLD')
                          and doc_type not in ('PURCHASE_ORDER', 'SALES_ORDER')
                        order by doc_date, number""").params(companyId, end).query(String.class).list();
    }

    /** Debit less credit of an account over vouchers dated on or before {@code end}. */
    public BigDecimal balanceThrough(long companyId, String account, LocalDate end) {
        return jdbc.sql("""
                        select coalesce(sum(l.debit - l.credit), 0) from voucher_line l
                        join voucher v on v.company_id = l.company_id and v.id = l.voucher_id
                        where l.company_id = ? and l.account_code = ? and v.voucher_date <= ?""")
                .params(companyId, account, end)
                .query(BigDecimal.class)
                .single();
    }

    public void insert(
            long companyId, YearMonth month, long userId, BigDecimal stockValue, BigDecimal inventoryAccount) {
        jdbc.sql("""
                        insert into closed_period (company_id, period_month, closed_at, closed_by, stock_value,
                                                   inventory_account)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(companyId, month.atDay(1), OffsetDateTime.now(), userId, stockValue, inventoryAccount)
                .update();
    }

    public void delete(long companyId, YearMonth month) {
        jdbc.sql("delete from closed_period where company_id = ? and period_month = ?")
                .params(companyId, month.atDay(1))
                .update();
    }

    public List<PeriodView> list(long companyId) {
        return jdbc.sql("""
                        select p.period_month, p.closed_at, u.username, p.stock_value, p.inventory_account
                        from closed_period p left join app_user u on u.id = p.closed_by
                        where p.company_id = ? order by p.period_month desc""")
                .param(companyId)
                .query((rs, n) -> new PeriodView(
                        YearMonth.from(rs.getObject(1, LocalDate.class)),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(5).subtract(rs.getBigDecimal(4))))
                .list();
    }
}
