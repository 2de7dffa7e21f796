package org.openjxc.finance.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.finance.VoucherQuery;
import org.openjxc.finance.VoucherView;
import org.openjxc.shared.Database;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.SearchText;
import org.openjxc.shared.SqlBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The account, voucher and voucher_line tables. */
@Repository
public class VoucherRows {

    /** A line to be written: account, debit, credit, partner id. */
    public record NewLine(String account, BigDecimal debit, BigDecimal credit, Long partnerId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    VoucherRows(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    public long insert(long companyId, long documentId, LocalDate date, Long reversalOf, List<NewLine> lines) {
        return insert(companyId, documentId, null, date, reversalOf, false, lines, null);
    }

    /**
     * A document's voucher written under voucher rules remembered with this fingerprint
     * ({@link ChartRows#FINGERPRINT}), only if the company's rules still have it: false, and nothing
     * written, if they changed since. A null fingerprint writes unconditionally.
     */
    public boolean insertUnder(
            String fingerprint, long companyId, long documentId, LocalDate date, List<NewLine> lines) {
        return insert(companyId, documentId, null, date, null, false, lines, fingerprint) != 0;
    }

    /**
     * A voucher booking re-valuation corrections caused by a document (null: a re-valuation a user
     * asked for); not part of what the document's own posting books and its unposting mirrors.
     */
    public long insertRevaluation(long companyId, Long documentId, LocalDate date, List<NewLine> lines) {
        return insert(companyId, documentId, null, date, null, true, lines, null);
    }

    /** A voucher of a receipt or payment. */
    public long insertForSettlement(
            long companyId, long settlementId, LocalDate date, Long reversalOf, List<NewLine> lines) {
        return insert(companyId, null, settlementId, date, reversalOf, false, lines, null);
    }

    private long insert(
            long companyId,
            Long documentId,
            Long settlementId,
            LocalDate date,
            Long reversalOf,
            boolean revaluation,
            List<NewLine> lines,
            String rulesFingerprint) {
        if (database.postgres()) {
            // The voucher and its lines in one statement, one round trip; with a fingerprint, only if
            // the company's voucher rules still have it (0 otherwise).
            return template.execute("""
                    with v as (
                        insert into voucher (company_id, source_document_id, source_settlement_id, voucher_date,
                                             reversal_of, revaluation)
                        select ?, ?, ?, ?, ?, ?
                        where cast(? as varchar) is null or (%s) = ?
                        returning id, company_id
                    ), l as (
                        insert into voucher_line (company_id, voucher_id, line_no, account_code, debit, credit,
                                                  partner_id)
                        select v.company_id, v.id, x.line_no, x.account_code, x.debit, x.credit, x.partner_id
                        from v,
                             unnest(cast(? as varchar[]), cast(? as numeric[]), cast(? as numeric[]),
                                    cast(? as bigint[])) with ordinality
                                 as x (account_code, debit, credit, partner_id, line_no)
                    )
                    select id from v""".formatted(ChartRows.FINGERPRINT), (PreparedStatement ps) -> {
                new SqlBinder(ps)
                        .value(companyId)
                        .value(documentId, Types.BIGINT)
                        .value(settlementId, Types.BIGINT)
                        .value(date)
                        .value(reversalOf, Types.BIGINT)
                        .value(revaluation)
                        .value(rulesFingerprint, Types.VARCHAR)
                        .value(companyId)
                        .value(rulesFingerprint, Types.VARCHAR)
                        .array("varchar", lines, NewLine::account)
                        .array("numeric", lines, NewLine::debit)
                        .array("numeric", lines, NewLine::credit)
                        .array("bigint", lines, NewLine::partnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into voucher (company_id, source_document_id, source_settlement_id, voucher_date, reversal_of,"
                        + " revaluation) values (?, ?, ?, ?, ?, ?)")
                .params(companyId, documentId, settlementId, date, reversalOf, revaluation)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            rows.add(new Object[] {companyId, id, i + 1, l.account(), l.debit(), l.credit(), l.partnerId()});
        }
        template.batchUpdate(
                "insert into voucher_line (company_id, voucher_id, line_no, account_code, debit, credit, partner_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                rows);
        return id;
    }

    /** The document's voucher that no later voucher mirrors, if any: what an unpost reverses. */
    public Optional<Long> standing(long companyId, long documentId) {
        return jdbc.sql("""
                        select v.id from voucher v where v.company_id = ? and v.source_document_id = ?
                          and v.reversal_of is null and not v.revaluation
                          and not exists (select 1 from voucher r where r.company_id = v.company_id and r.reversal_of = v.id)
                        order by v.id desc""").params(companyId, documentId).query(Long.class).list().stream()
                .findFirst();
    }

    public List<NewLine> lines(long companyId, long voucherId) {
        return jdbc.sql("select account_code, debit, credit, partner_id from voucher_line"
                        + " where company_id = ? and voucher_id = ? order by line_no")
                .params(companyId, voucherId)
                .query((rs, n) -> new NewLine(
                        rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), (Long) rs.getObject(4, Long.class)))
                .list();
    }

    public List<VoucherView> ofDocument(long companyId, long documentId) {
        return vouchers(companyId, " and v.source_document_id = ?", List.of(documentId), " order by v.id", List.of());
    }

    /** Vouchers matching the filters, by date then number, a page at a time with their lines. */
    public PageResult<VoucherView> list(long companyId, VoucherQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            where.append(" and v.voucher_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" and v.voucher_date <= ?");
            params.add(q.to());
        }
        if (SearchText.present(q.account())) {
            where.append(" and exists (select 1 from voucher_line a where a.company_id = v.company_id"
                    + " and a.voucher_id = v.id and a.account_code = ?)");
            params.add(q.account().trim());
        }
        if (SearchText.present(q.partner())) {
            where.append(" and exists (select 1 from voucher_line a join partner p on p.company_id = a.company_id"
                    + " and p.id = a.partner_id where a.company_id = v.company_id and a.voucher_id = v.id"
                    + " and p.code = ?)");
            params.add(q.partner().trim());
        }
        if (SearchText.present(q.document())) {
            where.append(" and coalesce(d.number, s.number) like ?");
            params.add(SearchText.contains(q.document()));
        }
        List<Object> counted = new ArrayList<>(List.of(companyId));
        counted.addAll(params);
        long total = jdbc.sql("select count(*)" + SOURCES + " where v.company_id = ?" + where)
                .params(counted)
                .query(Long.class)
                .single();
        var items = vouchers(
                companyId, where.toString(), params, " order by v.voucher_date, v.id" + page.limitOffset(), List.of());
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** A voucher with the document or the settlement it comes from. */
    private static final String SOURCES = " from voucher v"
            + " left join document d on d.company_id = v.company_id and d.id = v.source_document_id"
            + " left join settlement s on s.company_id = v.company_id and s.id = v.source_settlement_id";

    /** Balance of a partner's account before {@code from}: debit less credit, or credit less debit. */
    public BigDecimal balanceBefore(long companyId, long partnerId, String account, boolean debitSide, LocalDate from) {
        return jdbc.sql("select coalesce(sum(" + (debitSide ? "l.debit - l.credit" : "l.credit - l.debit") + "), 0)"
                        + " from voucher_line l join voucher v on v.company_id = l.company_id and v.id = l.voucher_id"
                        + " where l.company_id = ? and l.partner_id = ? and l.account_code = ? and v.voucher_date < ?")
                .params(companyId, partnerId, account, from)
                .query(BigDecimal.class)
                .single();
    }

    /** Per voucher in [{@code from}, {@code to}]: date, source number and type, increase and decrease. */
    public List<Object[]> statementLines(
            long companyId, long partnerId, String account, boolean debitSide, LocalDate from, LocalDate to) {
        String increase = debitSide ? "l.debit" : "l.credit";
        String decrease = debitSide ? "l.credit" : "l.debit";
        return jdbc.sql("select v.voucher_date, coalesce(d.number, s.number), coalesce(d.doc_type, s.kind), sum("
                        + increase + "), sum(" + decrease + ")" + SOURCES
                        + " join voucher_line l on l.company_id = v.company_id and l.voucher_id = v.id"
                        + " where v.company_id = ? and l.partner_id = ? and l.account_code = ?"
                        + " and v.voucher_date >= ? and v.voucher_date <= ?"
                        + " group by v.id, v.voucher_date, d.number, s.number, d.doc_type, s.kind"
                        + " order by v.voucher_date, v.id")
                .params(companyId, partnerId, account, from, to)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5)
                })
                .list();
    }

    /** The settlement's voucher that no later voucher mirrors, if any: what a cancellation reverses. */
    public Optional<Long> standingOfSettlement(long companyId, long settlementId) {
        return jdbc.sql("""
                        select v.id from voucher v where v.company_id = ? and v.source_settlement_id = ?
                          and v.reversal_of is null
                          and not exists (select 1 from voucher r where r.company_id = v.company_id and r.reversal_of = v.id)
                        order by v.id desc""").params(companyId, settlementId).query(Long.class).list().stream()
                .findFirst();
    }

    public List<VoucherView> ofSettlement(long companyId, long settlementId) {
        return vouchers(
                companyId, " and v.source_settlement_id = ?", List.of(settlementId), " order by v.id", List.of());
    }

    /** Vouchers of a condition on {@code v}, {@code d} and {@code s}, then all their lines in one more query. */
    private List<VoucherView> vouchers(
            long companyId, String where, List<Object> params, String order, List<Object> orderParams) {
        Map<Long, VoucherView> byId = new LinkedHashMap<>();
        List<Object> all = new ArrayList<>(List.of(companyId));
        all.addAll(params);
        all.addAll(orderParams);
        jdbc.sql("select v.id, v.source_document_id, coalesce(d.number, s.number), coalesce(d.doc_type, s.kind),"
                        + " v.voucher_date, v.reversal_of, v.revaluation" + SOURCES + " where v.company_id = ?" + where
                        + order)
                .params(all)
                .query((rs, n) -> byId.put(
                        rs.getLong(1),
                        new VoucherView(
                                rs.getLong(1),
                                (Long) rs.getObject(2, Long.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class),
                                (Long) rs.getObject(6, Long.class),
                                rs.getBoolean(7),
                                new ArrayList<>())))
                .list();
        if (byId.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        select l.voucher_id, l.account_code, a.name, l.debit, l.credit, p.code
                        from voucher_line l
                        left join account a on a.company_id = l.company_id and a.code = l.account_code
                        left join partner p on p.company_id = l.company_id and p.id = l.partner_id
                        where l.company_id = :company and l.voucher_id in (:ids) order by l.voucher_id, l.line_no""")
                .param("company", companyId)
                .param("ids", byId.keySet())
                .query((rs, n) -> byId.get(rs.getLong(1))
                        .lines()
                        .add(new VoucherView.Line(
                                rs.getString(2),
                                rs.getString(3),
                                org.openjxc.shared.Rounding.amount(rs.getBigDecimal(4)),
                                org.openjxc.shared.Rounding.amount(rs.getBigDecimal(5)),
                                rs.getString(6))))
                .list();
        return List.copyOf(byId.values());
    }

    /**
     * Debit less credit of an account over the vouchers of one document. On the posting path: the
     * document's vouchers by their index first, then their lines by primary key, in two statements,
     * because one join lets a planner with stale statistics walk every line of the account.
     */
    public BigDecimal accountTotal(long companyId, long documentId, String account) {
        List<Long> vouchers = jdbc.sql("select id from voucher where company_id = ? and source_document_id = ?"
                        + " and not revaluation")
                .params(companyId, documentId)
                .query(Long.class)
                .list();
        if (vouchers.isEmpty()) {
            return BigDecimal.ZERO;
        }
        // The account is filtered here, not in SQL, so the lines are found by primary key only.
        BigDecimal total = BigDecimal.ZERO;
        for (var line : jdbc.sql("select account_code, debit - credit from voucher_line"
                        + " where company_id = :company and voucher_id in (:vouchers)")
                .param("company", companyId)
                .param("vouchers", vouchers)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .list()) {
            if (line.getKey().equals(account)) {
                total = total.add(line.getValue());
            }
        }
        return total;
    }

    /** Debit less credit of an account, over all vouchers, optionally for one partner. */
    public BigDecimal balance(long companyId, String account, Long partnerId) {
        String sql =
                "select coalesce(sum(debit - credit), 0) from voucher_line where company_id = ? and account_code = ?";
        return partnerId == null
                ? jdbc.sql(sql)
                        .params(companyId, account)
                        .query(BigDecimal.class)
                        .single()
                : jdbc.sql(sql + " and partner_id = ?")
                        .params(companyId, account, partnerId)
                        .query(BigDecimal.class)
                        .single();
    }
}
