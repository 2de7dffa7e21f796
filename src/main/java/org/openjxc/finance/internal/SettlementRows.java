package org.openjxc.finance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.finance.OpenItem;
import org.openjxc.finance.SettlementKind;
import org.openjxc.finance.SettlementView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The settlement and settlement_allocation tables, and the open items they settle. */
@Repository
public class SettlementRows {

    /** A settlement's header as stored. */
    public record Header(
            long id, String number, SettlementKind kind, long partnerId, LocalDate date, boolean cancelled) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SettlementRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Serializes the settlements of one partner, so two cannot allocate the same open amount. */
    public void lockPartner(long companyId, long partnerId) {
        jdbc.sql("select id from partner where company_id = ? and id = ? for update")
                .params(companyId, partnerId)
                .query(Long.class)
                .single();
    }

    /** SKD-20261201-0001: per company, kind and day, under the row lock of the day's counter. */
    public String nextNumber(long companyId, SettlementKind kind, LocalDate day) {
        String type = "SETTLEMENT_" + kind.name();
        jdbc.sql("insert into doc_sequence (company_id, doc_type, seq_day, last_no) values (?, ?, ?, 0)"
                        + " on conflict do nothing")
                .params(companyId, type, day)
                .update();
        jdbc.sql("update doc_sequence set last_no = last_no + 1 where company_id = ? and doc_type = ? and seq_day = ?")
                .params(companyId, type, day)
                .update();
        int n = jdbc.sql("select last_no from doc_sequence where company_id = ? and doc_type = ? and seq_day = ?")
                .params(companyId, type, day)
                .query(Integer.class)
                .single();
        return kind.prefix() + "-" + day.toString().replace("-", "") + "-" + String.format("%04d", n);
    }

    public long insert(
            long companyId,
            String number,
            SettlementKind kind,
            long partnerId,
            LocalDate date,
            BigDecimal amount,
            String account,
            String remark,
            long userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into settlement (company_id, number, kind, partner_id, settle_date, amount, account_code,
                                                remark, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        number,
                        kind.name(),
                        partnerId,
                        date,
                        amount,
                        account,
                        remark,
                        userId,
                        OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertAllocations(long companyId, long settlementId, Map<Long, BigDecimal> byDocument) {
        List<Object[]> rows = new ArrayList<>();
        byDocument.forEach((doc, amount) -> rows.add(new Object[] {companyId, settlementId, doc, amount}));
        template.batchUpdate(
                "insert into settlement_allocation (company_id, settlement_id, document_id, amount) values (?, ?, ?, ?)",
                rows);
    }

    public void cancel(long companyId, long settlementId) {
        jdbc.sql("update settlement set cancelled = true where company_id = ? and id = ?")
                .params(companyId, settlementId)
                .update();
        jdbc.sql("delete from settlement_allocation where company_id = ? and settlement_id = ?")
                .params(companyId, settlementId)
                .update();
    }

    public Optional<Header> header(long companyId, String number) {
        return jdbc.sql("select id, number, kind, partner_id, settle_date, cancelled from settlement"
                        + " where company_id = ? and number = ?")
                .params(companyId, number)
                .query((rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getString(2),
                        SettlementKind.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getBoolean(6)))
                .optional();
    }

    /** Numbers of the live settlements allocated to a document. */
    public List<String> settling(long companyId, long documentId) {
        return jdbc.sql("""
                        select s.number from settlement_allocation a
                        join settlement s on s.company_id = a.company_id and s.id = a.settlement_id
                        where a.company_id = ? and a.document_id = ? order by s.number""").params(companyId, documentId).query(String.class).list();
    }

    private static final String VIEW = """
            select s.id, s.number, s.kind, p.code as partner, p.name as partner_name, s.settle_date, s.amount,
                   s.account_code, s.remark, s.cancelled, u.display_name as created_by, s.created_at,
                   s.amount - coalesce((select sum(a.amount) from settlement_allocation a
                                        where a.company_id = s.company_id and a.settlement_id = s.id), 0) as unallocated
            from settlement s
            join partner p on p.company_id = s.company_id and p.id = s.partner_id
            left join app_user u on u.id = s.created_by""";

    public Optional<SettlementView> find(long companyId, String number) {
        return jdbc.sql(VIEW + " where s.company_id = ? and s.number = ?")
                .params(companyId, number)
                .query((rs, n) -> view(rs, new ArrayList<>()))
                .optional()
                .map(v -> {
                    jdbc.sql("""
                                    select d.id, d.number, d.doc_type, d.doc_date, a.amount from settlement_allocation a
                                    join document d on d.company_id = a.company_id and d.id = a.document_id
                                    where a.company_id = ? and a.settlement_id = ? order by d.doc_date, d.id""")
                            .params(companyId, v.id())
                            .query((rs, n) -> v.allocations()
                                    .add(new SettlementView.Allocation(
                                            rs.getLong(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getObject(4, LocalDate.class),
                                            rs.getBigDecimal(5))))
                            .list();
                    return v;
                });
    }

    public PageResult<SettlementView> list(
            long companyId, SettlementKind kind, String partner, LocalDate from, LocalDate to, PageQuery page) {
        StringBuilder where = new StringBuilder(" where s.company_id = :company");
        Map<String, Object> p = new HashMap<>(Map.of("company", companyId));
        if (kind != null) {
            where.append(" and s.kind = :kind");
            p.put("kind", kind.name());
        }
        if (partner != null && !partner.isBlank()) {
            where.append(" and p.code = :partner");
            p.put("partner", partner.trim());
        }
        if (from != null) {
            where.append(" and s.settle_date >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" and s.settle_date <= :to");
            p.put("to", to);
        }
        long total = jdbc.sql("select count(*) from settlement s join partner p on p.company_id = s.company_id"
                        + " and p.id = s.partner_id" + where)
                .params(p)
                .query(Long.class)
                .single();
        var items = jdbc.sql(VIEW + where + " order by s.settle_date desc, s.id desc" + page.limitOffset())
                .params(p)
                .query((rs, n) -> view(rs, List.of()))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * Documents a partner (or every partner, when null) still owes on or is owed on, oldest first:
     * deliveries for receivables, receipts and landed costs for payables, each with what its returns
     * and invoices booked, less what settlements allocated to it. Only those with something open.
     */
    public List<PartnerItem> openItems(long companyId, Long partnerId, SettlementKind kind) {
        boolean receivable = kind == SettlementKind.RECEIPT;
        String sign = receivable ? "l.debit - l.credit" : "l.credit - l.debit";
        String types = receivable ? "'SALES_DELIVERY'" : "'PURCHASE_RECEIPT', 'LANDED_COST'";
        // A delivery (receipt) is settled with what its returns and its invoices booked on it: with
        // revenue at invoice the receivable is the invoice's, and an invoice's price difference
        // belongs to the same goods.
        String returns = receivable ? "'SALES_RETURN', 'SALES_INVOICE'" : "'PURCHASE_RETURN', 'SUPPLIER_INVOICE'";
        Map<String, Object> p = new HashMap<>(
                Map.of("company", companyId, "account", kind.settles().code()));
        String partnerCondition = "";
        if (partnerId != null) {
            partnerCondition = " and d.partner_id = :partner";
            p.put("partner", partnerId);
        }
        return jdbc.sql("select * from (select d.id, d.number, d.doc_type, d.doc_date, d.partner_id, pa.code, pa.name,"
                        + " pa.payment_terms_days, (select coalesce(sum(" + sign + "), 0) from voucher_line l"
                        + " join voucher v on v.company_id = l.company_id and v.id = l.voucher_id"
                        + " join document s on s.company_id = v.company_id and s.id = v.source_document_id"
                        + " where l.company_id = d.company_id and l.account_code = :account"
                        + " and l.partner_id = d.partner_id and (s.id = d.id or (s.source_document_id = d.id"
                        + " and s.doc_type in (" + returns + ")))) as booked,"
                        + " (select coalesce(sum(a.amount), 0) from settlement_allocation a"
                        + " where a.company_id = d.company_id and a.document_id = d.id) as settled"
                        + " from document d join partner pa on pa.company_id = d.company_id and pa.id = d.partner_id"
                        + " where d.company_id = :company and d.status = 'POSTED' and d.doc_type in (" + types + ")"
                        + partnerCondition + ") x where x.booked > x.settled order by x.doc_date, x.id")
                .params(p)
                .query((rs, n) -> {
                    LocalDate date = rs.getObject("doc_date", LocalDate.class);
                    int terms = rs.getInt("payment_terms_days");
                    BigDecimal booked = Rounding.amount(rs.getBigDecimal("booked"));
                    BigDecimal settled = Rounding.amount(rs.getBigDecimal("settled"));
                    return new PartnerItem(
                            rs.getLong("partner_id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            new OpenItem(
                                    rs.getLong("id"),
                                    rs.getString("number"),
                                    rs.getString("doc_type"),
                                    date,
                                    date.plusDays(terms),
                                    booked,
                                    settled,
                                    booked.subtract(settled)));
                })
                .list();
    }

    /** An open item with its partner. */
    public record PartnerItem(long partnerId, String partner, String partnerName, OpenItem item) {}

    /** What live settlements of a kind hold unallocated per partner code: advances. */
    public Map<String, BigDecimal> advances(long companyId, SettlementKind kind) {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbc.sql("""
                        select p.code, sum(s.amount - coalesce((select sum(a.amount) from settlement_allocation a
                                             where a.company_id = s.company_id and a.settlement_id = s.id), 0))
                        from settlement s join partner p on p.company_id = s.company_id and p.id = s.partner_id
                        where s.company_id = ? and s.kind = ? and not s.cancelled
                        group by p.code""")
                .params(companyId, kind.name())
                .query((rs, n) -> result.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        result.values().removeIf(v -> v.signum() == 0);
        return result;
    }

    private static SettlementView view(java.sql.ResultSet rs, List<SettlementView.Allocation> allocations)
            throws java.sql.SQLException {
        return new SettlementView(
                rs.getLong("id"),
                rs.getString("number"),
                SettlementKind.valueOf(rs.getString("kind")),
                rs.getString("partner"),
                rs.getString("partner_name"),
                rs.getObject("settle_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("account_code"),
                rs.getString("remark"),
                rs.getBoolean("cancelled"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getBigDecimal("unallocated"),
                allocations);
    }
}
