package org.openjxc.counting.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjxc.counting.CountAccuracy;
import org.openjxc.counting.CountCause;
import org.openjxc.counting.CountKind;
import org.openjxc.counting.CountLineView;
import org.openjxc.counting.CountMove;
import org.openjxc.counting.CountResponsibility;
import org.openjxc.counting.CountStatus;
import org.openjxc.counting.CountView;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stock_count and stock_count_line tables; every read and report is one set-based query. */
@Repository
public class CountRows {

    private final JdbcClient jdbc;

    CountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a command needs to decide, read under the count's row lock. */
    public record Header(
            long id,
            String number,
            long warehouseId,
            String warehouse,
            CountStatus status,
            boolean blind,
            boolean freeze,
            BigDecimal tolerancePercent,
            long createdBy,
            int version) {}

    /** A position whose counted quantity differs from the books, for the adjustment. */
    public record Difference(String bin, String item, String batch, String status, BigDecimal qty) {}

    /** Numbers such as {@code PD-20261201-0001}, per company and day, without gaps under concurrency. */
    public String nextNumber(long companyId, LocalDate day) {
        jdbc.sql("insert into doc_sequence (company_id, doc_type, seq_day, last_no) values (?, 'STOCK_COUNT', ?, 0)"
                        + " on conflict do nothing")
                .params(companyId, day)
                .update();
        jdbc.sql("update doc_sequence set last_no = last_no + 1"
                        + " where company_id = ? and doc_type = 'STOCK_COUNT' and seq_day = ?")
                .params(companyId, day)
                .update();
        int n = jdbc.sql("select last_no from doc_sequence where company_id = ? and doc_type = 'STOCK_COUNT'"
                        + " and seq_day = ?")
                .params(companyId, day)
                .query(Integer.class)
                .single();
        return "PD-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%04d", n);
    }

    public long insertHeader(
            long companyId,
            String number,
            long warehouseId,
            CountKind kind,
            String abcClass,
            boolean blind,
            boolean freeze,
            BigDecimal tolerance,
            String remark,
            long userId,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into stock_count (company_id, number, warehouse_id, kind, abc_class, blind, frozen,
                                                 tolerance_percent, status, remark, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(
                        companyId,
                        number,
                        warehouseId,
                        kind.name(),
                        abcClass,
                        blind,
                        freeze,
                        tolerance,
                        remark,
                        userId,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Lists the positions holding stock that match the filter, in walking order (bin, item), in
     * one statement. {@code filter} is SQL over {@code s} (stock_balance), {@code i} (item) and
     * {@code b} (bin) with positional parameters {@code args}.
     */
    public int insertLines(long companyId, long countId, long warehouseId, String filter, List<Object> args) {
        List<Object> params = new ArrayList<>(List.of(companyId, countId, companyId, warehouseId));
        params.addAll(args);
        return jdbc.sql("""
                        insert into stock_count_line (company_id, count_id, line_no, bin_id, item_id, batch_no,
                                                      stock_status, listed)
                        select ?, ?, row_number() over (order by coalesce(b.code, ''), i.code, s.batch_no, s.stock_status),
                               s.bin_id, s.item_id, s.batch_no, s.stock_status, true
                        from stock_balance s
                        join item i on i.company_id = s.company_id and i.id = s.item_id
                        left join bin b on b.company_id = s.company_id and b.id = s.bin_id
                        where s.company_id = ? and s.warehouse_id = ? and s.on_hand <> 0
                          and s.stock_status <> 'IN_TRANSIT'""" + filter).params(params).update();
    }

    /** Items of an ABC class holding stock in the warehouse, those counted longest ago (or never) first. */
    public List<Long> cycleCandidates(long companyId, long warehouseId, String abcClass) {
        return jdbc.sql("""
                        select i.id from item i
                        where i.company_id = ? and i.abc_class = ?
                          and exists (select 1 from stock_balance s where s.company_id = i.company_id
                                        and s.item_id = i.id and s.warehouse_id = ? and s.on_hand <> 0)
                        order by (select max(c.approved_at) from stock_count_line l
                                  join stock_count c on c.id = l.count_id
                                  where l.company_id = i.company_id and l.item_id = i.id
                                    and c.warehouse_id = ? and c.status = 'APPROVED') nulls first, i.code""")
                .params(companyId, abcClass, warehouseId, warehouseId)
                .query(Long.class)
                .list();
    }

    public Optional<Header> lock(long companyId, long id) {
        return jdbc.sql("""
                        select c.id, c.number, c.warehouse_id, c.status, c.blind, c.frozen, c.tolerance_percent,
                               c.created_by, c.version,
                               (select w.code from warehouse w where w.company_id = c.company_id
                                  and w.id = c.warehouse_id) as warehouse
                        from stock_count c where c.company_id = ? and c.id = ? for update""")
                .params(companyId, id)
                .query((rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(10),
                        CountStatus.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getBigDecimal(7),
                        rs.getLong(8),
                        rs.getInt(9)))
                .optional();
    }

    public Optional<CountView> find(long companyId, long id, DataScope scope) {
        return jdbc.sql(VIEW + " where c.company_id = ? and c.id = ?" + scope.warehouseCondition("c.warehouse_id"))
                .params(companyId, id)
                .query(CountRows::view)
                .optional();
    }

    public PageResult<CountView> list(
            long companyId, DataScope scope, CountStatus status, String warehouse, PageQuery page) {
        StringBuilder where = new StringBuilder(" where c.company_id = ?" + scope.warehouseCondition("c.warehouse_id"));
        List<Object> params = new ArrayList<>(List.of(companyId));
        if (status != null) {
            where.append(" and c.status = ?");
            params.add(status.name());
        }
        if (warehouse != null && !warehouse.isBlank()) {
            where.append(" and w.code = ?");
            params.add(warehouse.trim());
        }
        long total = jdbc.sql("select count(*) from stock_count c join warehouse w on w.company_id = c.company_id"
                        + " and w.id = c.warehouse_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(VIEW + where + " order by c.created_at desc, c.id desc" + page.limitOffset())
                .params(params)
                .query(CountRows::view)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public PageResult<CountLineView> lines(long companyId, long countId, boolean differencesOnly, PageQuery page) {
        String where = " where l.company_id = ? and l.count_id = ?"
                + (differencesOnly ? " and coalesce(l.recount_qty, l.counted_qty) <> coalesce(l.system_qty, 0)" : "");
        long total = jdbc.sql("select count(*) from stock_count_line l" + where)
                .params(companyId, countId)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(LINE + where + " order by l.line_no" + page.limitOffset())
                .params(companyId, countId)
                .query(CountRows::line)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public Optional<CountLineView> line(long companyId, long countId, int lineNo) {
        return jdbc.sql(LINE + " where l.company_id = ? and l.count_id = ? and l.line_no = ?")
                .params(companyId, countId, lineNo)
                .query(CountRows::line)
                .optional();
    }

    /** The line of a position, locked; a position found on the shelf gets a new line first. */
    public int lockPosition(long companyId, long countId, long binId, long itemId, String batch, String status) {
        Optional<Integer> existing = positionLine(companyId, countId, binId, itemId, batch, status);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                        insert into stock_count_line (company_id, count_id, line_no, bin_id, item_id, batch_no,
                                                      stock_status, listed)
                        select ?, ?, coalesce(max(line_no), 0) + 1, ?, ?, ?, ?, false
                        from stock_count_line where company_id = ? and count_id = ?
                        on conflict do nothing""")
                .params(companyId, countId, binId, itemId, batch, status, companyId, countId)
                .update();
        return positionLine(companyId, countId, binId, itemId, batch, status).orElseThrow();
    }

    private Optional<Integer> positionLine(
            long companyId, long countId, long binId, long itemId, String batch, String status) {
        return jdbc.sql("""
                        select line_no from stock_count_line
                        where company_id = ? and count_id = ? and bin_id = ? and item_id = ? and batch_no = ?
                          and stock_status = ? for update""")
                .params(companyId, countId, binId, itemId, batch, status)
                .query(Integer.class)
                .optional();
    }

    /** Takes the books' quantity and cost of a position the moment it is first counted. */
    public void snapshot(long companyId, long countId, int lineNo, long warehouseId) {
        jdbc.sql("""
                        update stock_count_line l set
                            system_qty = coalesce((select s.on_hand from stock_balance s
                                                   where s.company_id = l.company_id and s.item_id = l.item_id
                                                     and s.warehouse_id = ? and s.bin_id = l.bin_id
                                                     and s.batch_no = l.batch_no
                                                     and s.stock_status = l.stock_status), 0),
                            unit_cost = coalesce((select v.avg_cost from stock_level v
                                                  where v.company_id = l.company_id and v.item_id = l.item_id
                                                    and v.warehouse_id = ?), 0)
                        where l.company_id = ? and l.count_id = ? and l.line_no = ? and l.system_qty is null""")
                .params(warehouseId, warehouseId, companyId, countId, lineNo)
                .update();
    }

    /** The entered and system quantities of a locked line. */
    public record Entered(
            BigDecimal system, BigDecimal counted, Long countedBy, BigDecimal recount, boolean needsRecount) {}

    public Entered entered(long companyId, long countId, int lineNo) {
        return jdbc.sql("""
                        select system_qty, counted_qty, counted_by, recount_qty, needs_recount from stock_count_line
                        where company_id = ? and count_id = ? and line_no = ?""")
                .params(companyId, countId, lineNo)
                .query((rs, n) -> new Entered(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getBigDecimal(4),
                        rs.getBoolean(5)))
                .single();
    }

    public void count(
            long companyId,
            long countId,
            int lineNo,
            BigDecimal qty,
            boolean needsRecount,
            long userId,
            OffsetDateTime now) {
        jdbc.sql("""
                        update stock_count_line set counted_qty = ?, counted_by = ?, counted_at = ?, needs_recount = ?
                        where company_id = ? and count_id = ? and line_no = ?""")
                .params(qty, userId, now, needsRecount, companyId, countId, lineNo)
                .update();
    }

    public void recount(long companyId, long countId, int lineNo, BigDecimal qty, long userId, OffsetDateTime now) {
        jdbc.sql("""
                        update stock_count_line set recount_qty = ?, recounted_by = ?, recounted_at = ?,
                               needs_recount = false
                        where company_id = ? and count_id = ? and line_no = ?""").params(qty, userId, now, companyId, countId, lineNo).update();
    }

    public void cause(long companyId, long countId, int lineNo, CountCause cause, String note) {
        jdbc.sql(
                        "update stock_count_line set cause = ?, note = ? where company_id = ? and count_id = ? and line_no = ?")
                .params(cause == null ? null : cause.name(), note, companyId, countId, lineNo)
                .update();
    }

    /** Flags counted lines beyond the tolerance that have no recount yet. */
    public void flagBeyondTolerance(long companyId, long countId, BigDecimal tolerancePercent) {
        if (tolerancePercent == null || tolerancePercent.signum() == 0) {
            return;
        }
        jdbc.sql("""
                        update stock_count_line set needs_recount = true
                        where company_id = ? and count_id = ? and counted_qty is not null and recount_qty is null
                          and ((coalesce(system_qty, 0) = 0 and counted_qty <> 0)
                               or abs(counted_qty - coalesce(system_qty, 0)) * 100
                                  > ? * abs(coalesce(system_qty, 0)))""").params(companyId, countId, tolerancePercent).update();
    }

    /** Listed lines nobody counted, and lines waiting for their recount. */
    public record Open(long uncounted, long recounts) {}

    public Open open(long companyId, long countId) {
        return jdbc.sql("""
                        select sum(case when counted_qty is null then 1 else 0 end),
                               sum(case when needs_recount then 1 else 0 end)
                        from stock_count_line where company_id = ? and count_id = ?""")
                .params(companyId, countId)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Uncounted lines were found empty: counted as zero, with the books' quantity of now. */
    public void zeroUncounted(long companyId, long countId, long warehouseId, long userId, OffsetDateTime now) {
        jdbc.sql("""
                        update stock_count_line l set
                            system_qty = coalesce(l.system_qty, (select s.on_hand from stock_balance s
                                                   where s.company_id = l.company_id and s.item_id = l.item_id
                                                     and s.warehouse_id = ? and s.bin_id = l.bin_id
                                                     and s.batch_no = l.batch_no
                                                     and s.stock_status = l.stock_status), 0),
                            unit_cost = coalesce(l.unit_cost, (select v.avg_cost from stock_level v
                                                  where v.company_id = l.company_id and v.item_id = l.item_id
                                                    and v.warehouse_id = ?), 0),
                            counted_qty = 0, counted_by = ?, counted_at = ?
                        where l.company_id = ? and l.count_id = ? and l.counted_qty is null""")
                .params(warehouseId, warehouseId, userId, now, companyId, countId)
                .update();
    }

    public Set<Long> counters(long companyId, long countId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select counted_by from stock_count_line where company_id = ? and count_id = ?
                          and counted_by is not null
                        union select recounted_by from stock_count_line where company_id = ? and count_id = ?
                          and recounted_by is not null""")
                .params(companyId, countId, companyId, countId)
                .query(Long.class)
                .list());
    }

    public List<Difference> differences(long companyId, long countId) {
        return jdbc.sql("""
                        select b.code, i.code, l.batch_no, l.stock_status,
                               coalesce(l.recount_qty, l.counted_qty) - coalesce(l.system_qty, 0)
                        from stock_count_line l
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        left join bin b on b.company_id = l.company_id and b.id = l.bin_id
                        where l.company_id = ? and l.count_id = ?
                          and coalesce(l.recount_qty, l.counted_qty) <> coalesce(l.system_qty, 0)
                        order by l.line_no""")
                .params(companyId, countId)
                .query((rs, n) -> new Difference(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)))
                .list();
    }

    public void submit(long companyId, long id, long userId, OffsetDateTime now) {
        jdbc.sql("""
                        update stock_count set status = 'SUBMITTED', submitted_by = ?, submitted_at = ?,
                               version = version + 1 where company_id = ? and id = ?""").params(userId, now, companyId, id).update();
    }

    public void reopen(long companyId, long id) {
        jdbc.sql("update stock_count set status = 'OPEN', version = version + 1 where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    public void approve(long companyId, long id, long userId, OffsetDateTime now, Long adjustment) {
        jdbc.sql("""
                        update stock_count set status = 'APPROVED', approved_by = ?, approved_at = ?,
                               adjustment_document_id = ?, version = version + 1
                        where company_id = ? and id = ?""").params(userId, now, adjustment, companyId, id).update();
    }

    public void cancel(long companyId, long id) {
        jdbc.sql("update stock_count set status = 'CANCELLED', version = version + 1 where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    /**
     * The moves of the seven days before each differing line was counted on its item, warehouse
     * and bin, newest first, in one query for the page of lines shown.
     */
    public Map<Integer, List<CountMove>> recentMoves(
            long companyId, long countId, long warehouseId, List<Integer> lineNos) {
        Map<Integer, List<CountMove>> moves = new HashMap<>();
        if (lineNos.isEmpty()) {
            return moves;
        }
        String in = lineNos.stream().map(String::valueOf).collect(Collectors.joining(", "));
        OffsetDateTime earliest = jdbc.sql("select min(counted_at) from stock_count_line where company_id = ?"
                        + " and count_id = ? and line_no in (" + in + ")")
                .params(companyId, countId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .single();
        if (earliest == null) {
            return moves;
        }
        jdbc.sql("""
                        select l.line_no, l.counted_at, m.posted_at, u.display_name, m.document_id, d.number,
                               d.doc_type, m.qty
                        from stock_count_line l
                        join stock_move m on m.company_id = l.company_id and m.item_id = l.item_id
                                         and m.warehouse_id = ? and m.bin_id = l.bin_id
                        join document d on d.company_id = m.company_id and d.id = m.document_id
                        left join app_user u on u.id = m.posted_by
                        where l.company_id = ? and l.count_id = ? and l.line_no in (""" + in + """
                        ) and m.posted_at >= ?
                        order by l.line_no, m.posted_at desc, m.id desc""")
                .params(warehouseId, companyId, countId, earliest.minusDays(7))
                .query((rs, n) -> {
                    OffsetDateTime countedAt = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime postedAt = rs.getObject(3, OffsetDateTime.class);
                    if (countedAt != null && !postedAt.isBefore(countedAt.minusDays(7))) {
                        moves.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                                .add(new CountMove(
                                        postedAt,
                                        rs.getString(4),
                                        rs.getLong(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        Rounding.plain(rs.getBigDecimal(8))));
                    }
                    return null;
                })
                .list();
        return moves;
    }

    /** Whether an open count with freeze covers the warehouse, and the bins it lists (0: any). */
    public List<FrozenBin> frozen(long companyId, Set<Long> warehouseIds) {
        String in = warehouseIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return jdbc.sql("""
                        select c.number, c.warehouse_id, l.bin_id from stock_count c
                        join stock_count_line l on l.company_id = c.company_id and l.count_id = c.id
                        where c.company_id = ? and c.frozen and c.status in ('OPEN', 'SUBMITTED')
                          and c.warehouse_id in (""" + in + ")")
                .param(companyId)
                .query((rs, n) -> new FrozenBin(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    public record FrozenBin(String count, long warehouseId, long binId) {}

    /** Whether any count with freeze is open in the company: the posting check's cheap first question. */
    public boolean anyFrozen(long companyId) {
        return jdbc.sql("select count(*) from stock_count where company_id = ? and frozen"
                                + " and status in ('OPEN', 'SUBMITTED')")
                        .param(companyId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<CountAccuracy> accuracy(long companyId, DataScope scope, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        select extract(year from c.approved_at) * 100 + extract(month from c.approved_at) as ym,
                               w.code, coalesce(i.abc_class, '-'), coalesce(u.display_name, '-'), count(*),
                               sum(case when coalesce(l.recount_qty, l.counted_qty) <> coalesce(l.system_qty, 0)
                                        then 1 else 0 end),
                               sum(abs(coalesce(l.recount_qty, l.counted_qty) - coalesce(l.system_qty, 0))
                                   * coalesce(l.unit_cost, 0))
                        from stock_count c
                        join stock_count_line l on l.company_id = c.company_id and l.count_id = c.id
                        join warehouse w on w.company_id = c.company_id and w.id = c.warehouse_id
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        left join app_user u on u.id = l.counted_by
                        where c.company_id = ? and c.status = 'APPROVED' and c.approved_at >= ? and c.approved_at < ?""" + scope.warehouseCondition("c.warehouse_id") + " " + """
                         group by extract(year from c.approved_at) * 100 + extract(month from c.approved_at),
                                  w.code, coalesce(i.abc_class, '-'), coalesce(u.display_name, '-')
                        order by 1, 2, 3, 4""")
                .params(companyId, from, to)
                .query((rs, n) -> {
                    int ym = rs.getInt(1);
                    long lines = rs.getLong(5);
                    long wrong = rs.getLong(6);
                    BigDecimal accuracy = lines == 0
                            ? BigDecimal.ZERO
                            : BigDecimal.valueOf(lines - wrong)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(BigDecimal.valueOf(lines), 1, java.math.RoundingMode.HALF_UP);
                    return new CountAccuracy(
                            String.format("%04d-%02d", ym / 100, ym % 100),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            lines,
                            wrong,
                            accuracy,
                            Rounding.amount(rs.getBigDecimal(7)));
                })
                .list();
    }

    public List<CountResponsibility> responsibility(
            long companyId, DataScope scope, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> raw = jdbc.sql("""
                        select c.approved_at, l.cause,
                               (select u.display_name from stock_move m join app_user u on u.id = m.posted_by
                                where m.company_id = l.company_id and m.item_id = l.item_id
                                  and m.warehouse_id = c.warehouse_id and m.bin_id = l.bin_id
                                  and m.posted_at < l.counted_at
                                order by m.posted_at desc, m.id desc fetch first 1 rows only) as last_mover,
                               coalesce(l.recount_qty, l.counted_qty) - coalesce(l.system_qty, 0) as diff,
                               coalesce(l.unit_cost, 0) as cost
                        from stock_count c
                        join stock_count_line l on l.company_id = c.company_id and l.count_id = c.id
                        where c.company_id = ? and c.status = 'APPROVED' and c.approved_at >= ? and c.approved_at < ?
                          and coalesce(l.recount_qty, l.counted_qty) <> coalesce(l.system_qty, 0)""" + scope.warehouseCondition("c.warehouse_id"))
                .params(companyId, from, to)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, OffsetDateTime.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5)
                })
                .list();
        record Key(String month, String cause, String mover) {}
        Map<Key, Object[]> sums = new java.util.TreeMap<>(java.util.Comparator.comparing(Key::month)
                .thenComparing(Key::cause)
                .thenComparing(Key::mover));
        for (Object[] r : raw) {
            String month = ((OffsetDateTime) r[0]).toLocalDate().toString().substring(0, 7);
            String cause = r[1] == null ? CountCause.UNKNOWN.name() : (String) r[1];
            String mover = r[2] == null ? "-" : (String) r[2];
            BigDecimal diff = (BigDecimal) r[3];
            Object[] sum = sums.computeIfAbsent(
                    new Key(month, cause, mover), k -> new Object[] {0L, BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = (Long) sum[0] + 1;
            sum[1] = ((BigDecimal) sum[1]).add(diff);
            sum[2] = ((BigDecimal) sum[2]).add(diff.multiply((BigDecimal) r[4]));
        }
        List<CountResponsibility> result = new ArrayList<>();
        sums.forEach((k, v) -> result.add(new CountResponsibility(
                k.month(),
                CountCause.valueOf(k.cause()),
                k.mover(),
                (Long) v[0],
                Rounding.plain((BigDecimal) v[1]),
                Rounding.amount((BigDecimal) v[2]))));
        return result;
    }

    private static final String VIEW = """
            select c.id, c.number, w.code as warehouse, w.name as warehouse_name, c.kind, c.abc_class, c.blind,
                   c.frozen, c.tolerance_percent, c.status, c.remark, cu.display_name as created_by, c.created_at,
                   au.display_name as approved_by, c.approved_at, c.adjustment_document_id, c.version,
                   (select count(*) from stock_count_line l where l.company_id = c.company_id and l.count_id = c.id)
                       as lines,
                   (select count(*) from stock_count_line l where l.company_id = c.company_id and l.count_id = c.id
                      and l.counted_qty is not null) as counted,
                   (select count(*) from stock_count_line l where l.company_id = c.company_id and l.count_id = c.id
                      and l.needs_recount) as recounts,
                   (select count(*) from stock_count_line l where l.company_id = c.company_id and l.count_id = c.id
                      and coalesce(l.recount_qty, l.counted_qty) <> coalesce(l.system_qty, 0)) as differences
            from stock_count c
            join warehouse w on w.company_id = c.company_id and w.id = c.warehouse_id
            left join app_user cu on cu.id = c.created_by
            left join app_user au on au.id = c.approved_by""";

    private static CountView view(ResultSet rs, int n) throws SQLException {
        return new CountView(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("warehouse"),
                rs.getString("warehouse_name"),
                CountKind.valueOf(rs.getString("kind")),
                rs.getString("abc_class"),
                rs.getBoolean("blind"),
                rs.getBoolean("frozen"),
                rs.getBigDecimal("tolerance_percent"),
                CountStatus.valueOf(rs.getString("status")),
                rs.getString("remark"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class),
                (Long) rs.getObject("adjustment_document_id", Long.class),
                rs.getLong("lines"),
                rs.getLong("counted"),
                rs.getLong("recounts"),
                rs.getLong("differences"),
                rs.getInt("version"));
    }

    private static final String LINE = """
            select l.line_no, b.code as bin, i.code as item, i.name as item_name, u.code as unit, l.batch_no,
                   l.stock_status, l.listed, l.system_qty, l.counted_qty, cb.display_name as counted_by, l.counted_at,
                   l.recount_qty, rb.display_name as recounted_by, l.needs_recount, l.unit_cost, l.cause, l.note
            from stock_count_line l
            join item i on i.company_id = l.company_id and i.id = l.item_id
            join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
            left join bin b on b.company_id = l.company_id and b.id = l.bin_id
            left join app_user cb on cb.id = l.counted_by
            left join app_user rb on rb.id = l.recounted_by""";

    private static CountLineView line(ResultSet rs, int n) throws SQLException {
        BigDecimal system = rs.getBigDecimal("system_qty");
        BigDecimal counted = rs.getBigDecimal("counted_qty");
        BigDecimal recount = rs.getBigDecimal("recount_qty");
        BigDecimal finalQty = recount != null ? recount : counted;
        BigDecimal difference = finalQty == null ? null : finalQty.subtract(system == null ? BigDecimal.ZERO : system);
        BigDecimal cost = rs.getBigDecimal("unit_cost");
        String cause = rs.getString("cause");
        return new CountLineView(
                rs.getInt("line_no"),
                rs.getString("bin"),
                rs.getString("item"),
                rs.getString("item_name"),
                rs.getString("unit"),
                rs.getString("batch_no").isEmpty() ? null : rs.getString("batch_no"),
                rs.getString("stock_status"),
                rs.getBoolean("listed"),
                system == null ? null : Rounding.plain(system),
                counted == null ? null : Rounding.plain(counted),
                rs.getString("counted_by"),
                rs.getObject("counted_at", OffsetDateTime.class),
                recount == null ? null : Rounding.plain(recount),
                rs.getString("recounted_by"),
                rs.getBoolean("needs_recount"),
                finalQty == null ? null : Rounding.plain(finalQty),
                difference == null ? null : Rounding.plain(difference),
                difference == null || cost == null ? null : Rounding.amount(difference.multiply(cost)),
                cause == null ? null : CountCause.valueOf(cause),
                rs.getString("note"),
                List.of());
    }
}
