package org.openjxc.document.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjxc.document.AllocationBasis;
import org.openjxc.document.CompanySettings;
import org.openjxc.document.DocumentLineView;
import org.openjxc.document.DocumentQuery;
import org.openjxc.document.DocumentStatus;
import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.PostingLine;
import org.openjxc.document.PurchasePrice;
import org.openjxc.document.StockStatus;
import org.openjxc.shared.DataScope;
import org.openjxc.shared.Database;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Rounding;
import org.openjxc.shared.SearchText;
import org.openjxc.shared.SqlBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The document, document_line and doc_sequence tables. */
@Repository
public class DocumentRows {

    /** The fields of a document row that transitions decide on, read under a row lock. */
    public record Locked(
            long id,
            DocumentType type,
            DocumentStatus status,
            int version,
            long createdBy,
            Long warehouseId,
            Long toWarehouseId,
            String number,
            Long sourceDocumentId,
            boolean closed,
            LocalDate date,
            Long partnerId,
            /** Not posted since it was created: nothing of it is in the ledger or the books. */
            boolean neverPosted) {}

    /** A document locked to be posted, with the lines it posts and its company's settings (null: no row yet). */
    public record ToPost(Locked document, List<PostingLine> lines, CompanySettings settings) {}

    /** A document another one follows, as the follower needs it. */
    public record Source(
            long id,
            String number,
            DocumentType type,
            DocumentStatus status,
            Long partnerId,
            boolean closed,
            Map<Integer, SourceLine> lines) {}

    /** A line of a source document: what may be followed and, in base units, how much. */
    public record SourceLine(int line, long itemId, BigDecimal baseQty) {}

    /** A line ready to be written, codes already resolved to ids. */
    public record NewLine(
            int line,
            long itemId,
            BigDecimal qty,
            long unitId,
            BigDecimal factor,
            BigDecimal baseQty,
            BigDecimal price,
            BigDecimal amount,
            Long binId,
            Long toBinId,
            String batch,
            LocalDate productionDate,
            LocalDate expiryDate,
            StockStatus fromStatus,
            StockStatus status,
            boolean gift,
            String remark,
            Integer sourceLine,
            BigDecimal taxRate,
            BigDecimal taxAmount,
            /** The line without VAT; null without a price. */
            BigDecimal netAmount) {}

    private static final Map<String, String> SORTS = Map.of(
            "date",
            "d.doc_date",
            "number",
            "d.number",
            "type",
            "d.doc_type",
            "status",
            "d.status",
            "createdAt",
            "d.created_at");

    /** The header; the totals are added from the lines when they are read too. */
    private static final String HEADER_FORMAT = """
            select d.id, d.number, d.doc_type, d.status, d.doc_date, w.code as warehouse, w.name as warehouse_name,
                   tw.code as to_warehouse, tw.name as to_warehouse_name, p.code as partner, d.source_document_id,
                   d.remark, d.hold_reason, d.version, cu.display_name as created_by, d.created_at,
                   su.display_name as submitted_by, au.display_name as approved_by, pu.display_name as posted_by,
                   d.posted_at, d.fully_received, d.closed, d.expected_date, d.allocation_basis %s
            from document d
            left join warehouse w on w.company_id = d.company_id and w.id = d.warehouse_id
            left join warehouse tw on tw.company_id = d.company_id and tw.id = d.to_warehouse_id
            left join partner p on p.company_id = d.company_id and p.id = d.partner_id
            left join app_user cu on cu.id = d.created_by
            left join app_user su on su.id = d.submitted_by
            left join app_user au on au.id = d.approved_by
            left join app_user pu on pu.id = d.posted_by""";

    private static final String HEADER = HEADER_FORMAT.formatted("");

    /** Headers for lists, with totals summed by the database. */
    private static final String LIST_HEADER = HEADER_FORMAT.formatted("""
            ,
                   (select sum(l.base_qty) from document_line l
                     where l.company_id = d.company_id and l.document_id = d.id) as total_qty,
                   (select sum(l.amount) from document_line l
                     where l.company_id = d.company_id and l.document_id = d.id) as total_amount""");

    private static final String LINES = """
            select l.line_no, i.code as item, i.name as item_name, l.qty, u.code as unit, l.base_qty,
                   bu.code as base_unit, l.price, l.amount, b.code as bin, tb.code as to_bin, l.batch_no,
                   l.production_date, l.expiry_date, l.stock_status, l.from_status, l.gift, l.received_qty, l.remark,
                   l.source_line_no, l.tax_rate, l.tax_amount, l.net_amount
            from document_line l
            join item i on i.company_id = l.company_id and i.id = l.item_id
            join unit u on u.company_id = l.company_id and u.id = l.unit_id
            join unit bu on bu.company_id = i.company_id and bu.id = i.base_unit_id
            left join bin b on b.company_id = l.company_id and b.id = l.bin_id
            left join bin tb on tb.company_id = l.company_id and tb.id = l.to_bin_id
            where l.company_id = ? and l.document_id = ?
            order by l.line_no""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    DocumentRows(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    /** A document inserted, and read back when it was asked to be (else {@code view} is empty). */
    public record Inserted(long id, Optional<DocumentView> view) {}

    /** Whom a document inserted is read back for: their data scope and the types they may see. */
    public record ReadBack(DataScope scope, Set<DocumentType> types) {}

    /**
     * Inserts a document, its header as a draft or, with {@code posted}, as {@link #postDirectlyAndFind}
     * would leave it: a document created and posted in one transaction then needs no second write
     * of its row (a change of status is no HOT update: every index of the table gets a new entry).
     * With {@code readBack} the document is read back as {@link #find} would, with open quantities
     * its own. On PostgreSQL header, lines and read-back go in one round trip, the reads finding the
     * row by the identity the insert just drew.
     */
    public Inserted insert(
            long companyId,
            DocumentType type,
            String number,
            LocalDate date,
            Long warehouseId,
            Long toWarehouseId,
            Long partnerId,
            Long sourceId,
            String remark,
            long userId,
            OffsetDateTime now,
            boolean posted,
            List<NewLine> lines,
            ReadBack readBack) {
        String header = posted ? """
                insert into document (company_id, doc_type, number, status, doc_date, warehouse_id,
                    to_warehouse_id, partner_id, source_document_id, remark, created_by, created_at, version,
                    submitted_by, submitted_at, posted_by, posted_at)
                values (?, ?, ?, 'POSTED', ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?)""" : """
                insert into document (company_id, doc_type, number, status, doc_date, warehouse_id,
                    to_warehouse_id, partner_id, source_document_id, remark, created_by, created_at, never_posted)
                values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, true)""";
        boolean postgres = database.postgres();
        String drawn = "(select currval(pg_get_serial_sequence('document', 'id')))";
        String sql = postgres
                ? "with h as (" + header + " returning id, company_id), l as (" + INSERT_LINES + ") select id from h"
                        + (readBack == null
                                ? ""
                                : ";\n" + LINES.replace("l.document_id = ?", "l.document_id = " + drawn) + ";\n"
                                        + HEADER + " where d.company_id = ? and d.id = " + drawn
                                        + readBack.scope().documentCondition("d")
                                        + typeCondition(readBack.types()))
                : header;
        Inserted inserted = template.execute(
                (java.sql.Connection c) ->
                        postgres ? c.prepareStatement(sql) : c.prepareStatement(sql, new String[] {"id"}),
                (PreparedStatement ps) -> {
                    SqlBinder binder = new SqlBinder(ps)
                            .value(companyId)
                            .value(type.name())
                            .value(number)
                            .value(date)
                            .value(warehouseId, Types.BIGINT)
                            .value(toWarehouseId, Types.BIGINT)
                            .value(partnerId, Types.BIGINT)
                            .value(sourceId, Types.BIGINT)
                            .value(remark, Types.VARCHAR)
                            .value(userId)
                            .value(now);
                    if (posted) {
                        binder.value(userId).value(now).value(userId).value(now);
                    }
                    if (!postgres) {
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return new Inserted(keys.getLong(1), Optional.empty());
                        }
                    }
                    binder.array("integer", lines, NewLine::line)
                            .array("bigint", lines, NewLine::itemId)
                            .array("numeric", lines, NewLine::qty)
                            .array("bigint", lines, NewLine::unitId)
                            .array("numeric", lines, NewLine::factor)
                            .array("numeric", lines, NewLine::baseQty)
                            .array("numeric", lines, NewLine::price)
                            .array("numeric", lines, NewLine::amount)
                            .array("bigint", lines, NewLine::binId)
                            .array("bigint", lines, NewLine::toBinId)
                            .array("varchar", lines, NewLine::batch)
                            .array("date", lines, NewLine::productionDate)
                            .array("date", lines, NewLine::expiryDate)
                            .array(
                                    "varchar",
                                    lines,
                                    l -> l.fromStatus() == null
                                            ? null
                                            : l.fromStatus().name())
                            .array(
                                    "varchar",
                                    lines,
                                    l -> l.status() == null ? null : l.status().name())
                            .array("boolean", lines, NewLine::gift)
                            .array("varchar", lines, NewLine::remark)
                            .array("integer", lines, NewLine::sourceLine)
                            .array("numeric", lines, NewLine::taxRate)
                            .array("numeric", lines, NewLine::taxAmount)
                            .array("numeric", lines, NewLine::netAmount);
                    if (readBack != null) {
                        binder.value(companyId).value(companyId);
                    }
                    ps.execute();
                    long id;
                    try (ResultSet rs = ps.getResultSet()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    if (readBack == null) {
                        return new Inserted(id, Optional.empty());
                    }
                    ps.getMoreResults();
                    return new Inserted(id, readBack(ps, companyId, id, false));
                });
        if (!postgres) {
            insertLines(companyId, inserted.id(), lines);
            if (readBack != null) {
                return new Inserted(
                        inserted.id(), find(companyId, inserted.id(), readBack.scope(), readBack.types(), false));
            }
        }
        return inserted;
    }

    /** The lines of the header inserted as {@code h}, from arrays of their columns. */
    private static final String INSERT_LINES = """
            insert into document_line (company_id, document_id, line_no, item_id, qty, unit_id, factor, base_qty,
                price, amount, bin_id, to_bin_id, batch_no, production_date, expiry_date, from_status,
                stock_status, gift, remark, source_line_no, tax_rate, tax_amount, net_amount)
            select h.company_id, h.id, x.*
            from h,
                 unnest(cast(? as integer[]), cast(? as bigint[]), cast(? as numeric[]), cast(? as bigint[]),
                        cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]), cast(? as numeric[]),
                        cast(? as bigint[]), cast(? as bigint[]), cast(? as varchar[]), cast(? as date[]),
                        cast(? as date[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as boolean[]),
                        cast(? as varchar[]), cast(? as integer[]), cast(? as numeric[]), cast(? as numeric[]),
                        cast(? as numeric[])) as x""";

    public void updateHeader(
            long companyId,
            long id,
            LocalDate date,
            Long warehouseId,
            Long toWarehouseId,
            Long partnerId,
            Long sourceId,
            String remark) {
        jdbc.sql("""
                        update document set doc_date = ?, warehouse_id = ?, to_warehouse_id = ?, partner_id = ?,
                               source_document_id = ?, remark = ?, version = version + 1
                        where company_id = ? and id = ?""")
                .params(date, warehouseId, toWarehouseId, partnerId, sourceId, remark, companyId, id)
                .update();
    }

    public void replaceLines(long companyId, long documentId, List<NewLine> lines) {
        jdbc.sql("delete from document_line where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
        insertLines(companyId, documentId, lines);
    }

    /** The lines of a document that has none yet. */
    public void insertLines(long companyId, long documentId, List<NewLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (NewLine l : lines) {
            rows.add(new Object[] {
                companyId,
                documentId,
                l.line(),
                l.itemId(),
                l.qty(),
                l.unitId(),
                l.factor(),
                l.baseQty(),
                l.price(),
                l.amount(),
                l.binId(),
                l.toBinId(),
                l.batch(),
                l.productionDate(),
                l.expiryDate(),
                l.fromStatus() == null ? null : l.fromStatus().name(),
                l.status() == null ? null : l.status().name(),
                l.gift(),
                l.remark(),
                l.sourceLine(),
                l.taxRate(),
                l.taxAmount(),
                l.netAmount()
            });
        }
        template.batchUpdate("""
                insert into document_line (company_id, document_id, line_no, item_id, qty, unit_id, factor, base_qty,
                    price, amount, bin_id, to_bin_id, batch_no, production_date, expiry_date, from_status,
                    stock_status, gift, remark, source_line_no, tax_rate, tax_amount, net_amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static final String LOCK = """
            select id, doc_type, status, version, created_by, warehouse_id, to_warehouse_id, number,
                   source_document_id, closed, doc_date, partner_id, never_posted
            from document where company_id = ? and id = ? for update""";

    /** Reads the document's deciding fields and locks its row until the transaction ends. */
    public Optional<Locked> lock(long companyId, long id) {
        return jdbc.sql(LOCK).params(companyId, id).query((rs, n) -> locked(rs)).optional();
    }

    /**
     * The document locked, with its lines to post and the company's settings. On PostgreSQL all in
     * one round trip: the lines and settings are read by the later statements, after the first holds
     * the lock.
     */
    public Optional<ToPost> lockToPost(long companyId, long id) {
        if (!database.postgres()) {
            return lock(companyId, id).map(doc -> new ToPost(doc, postingLines(companyId, id), null));
        }
        return template.execute(LOCK + ";\n" + POSTING_LINES + ";\n" + SettingsRows.SELECT, (PreparedStatement ps) -> {
            new SqlBinder(ps)
                    .value(companyId)
                    .value(id)
                    .value(companyId)
                    .value(id)
                    .value(companyId);
            ps.execute();
            Locked doc;
            try (ResultSet rs = ps.getResultSet()) {
                doc = rs.next() ? locked(rs) : null;
            }
            ps.getMoreResults();
            List<PostingLine> lines = new ArrayList<>();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    lines.add(postingLine(rs));
                }
            }
            ps.getMoreResults();
            CompanySettings settings;
            try (ResultSet rs = ps.getResultSet()) {
                settings = rs.next() ? SettingsRows.settings(rs) : null;
            }
            return Optional.ofNullable(doc).map(d -> new ToPost(d, lines, settings));
        });
    }

    private static Locked locked(ResultSet rs) throws SQLException {
        return new Locked(
                rs.getLong(1),
                DocumentType.valueOf(rs.getString(2)),
                DocumentStatus.valueOf(rs.getString(3)),
                rs.getInt(4),
                rs.getLong(5),
                (Long) rs.getObject(6, Long.class),
                (Long) rs.getObject(7, Long.class),
                rs.getString(8),
                (Long) rs.getObject(9, Long.class),
                rs.getBoolean(10),
                rs.getObject(11, LocalDate.class),
                (Long) rs.getObject(12, Long.class),
                rs.getBoolean(13));
    }

    /**
     * The source document with its lines; with {@code lock}, its row is locked until the
     * transaction ends, which serializes the postings of everything that follows it.
     */
    public Optional<Source> source(long companyId, long id, boolean lock) {
        return jdbc.sql("select id, number, doc_type, status, partner_id, closed from document"
                        + " where company_id = ? and id = ?" + (lock ? " for update" : ""))
                .params(companyId, id)
                .query((rs, n) -> new Source(
                        rs.getLong(1),
                        rs.getString(2),
                        DocumentType.valueOf(rs.getString(3)),
                        DocumentStatus.valueOf(rs.getString(4)),
                        (Long) rs.getObject(5, Long.class),
                        rs.getBoolean(6),
                        new java.util.LinkedHashMap<>()))
                .optional()
                .map(s -> {
                    jdbc.sql("select line_no, item_id, base_qty from document_line"
                                    + " where company_id = ? and document_id = ? order by line_no")
                            .params(companyId, id)
                            .query((rs, n) -> new SourceLine(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3)))
                            .list()
                            .forEach(l -> s.lines().put(l.line(), l));
                    return s;
                });
    }

    /**
     * Base quantities already followed per line of a source document by posted documents of a
     * type (received against an order, returned against a receipt), leaving one document out.
     */
    public Map<Integer, BigDecimal> followed(long companyId, long sourceId, DocumentType type, long except) {
        Map<Integer, BigDecimal> followed = new HashMap<>();
        jdbc.sql("""
                        select l.source_line_no, sum(l.base_qty) from document d
                        join document_line l on l.company_id = d.company_id and l.document_id = d.id
                        where d.company_id = ? and d.source_document_id = ? and d.doc_type = ? and d.status = 'POSTED'
                          and d.id <> ? and l.source_line_no is not null
                        group by l.source_line_no""")
                .params(companyId, sourceId, type.name(), except)
                .query((rs, n) -> followed.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return followed;
    }

    /** The documents that name this one as their source, newest first (headers only). */
    public List<DocumentView> followers(long companyId, long id, DataScope scope, Set<DocumentType> types) {
        return jdbc.sql(LIST_HEADER + " where d.company_id = ? and d.source_document_id = ?"
                        + scope.documentCondition("d") + typeCondition(types) + " order by d.id desc")
                .params(companyId, id)
                .query((rs, n) ->
                        header(rs, List.of(), rs.getBigDecimal("total_qty"), rs.getBigDecimal("total_amount")))
                .list();
    }

    /**
     * The last {@code n} prices of each item bought from a supplier (posted orders and receipts),
     * newest first, for all items at once.
     */
    public List<PurchasePrice> recentPurchasePrices(long companyId, String supplier, List<String> items, int n) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select item, supplier, doc_date, number, price, unit, qty from (
                          select i.code as item, p.code as supplier, d.doc_date, d.number, l.price, u.code as unit, l.qty,
                                 row_number() over (partition by i.code order by d.doc_date desc, d.id desc, l.line_no)
                                   as rn
                          from document d
                          join partner p on p.company_id = d.company_id and p.id = d.partner_id
                          join document_line l on l.company_id = d.company_id and l.document_id = d.id
                          join item i on i.company_id = l.company_id and i.id = l.item_id
                          join unit u on u.company_id = l.company_id and u.id = l.unit_id
                          where d.company_id = :company and p.code = :supplier and i.code in (:items)
                            and d.doc_type in ('PURCHASE_ORDER', 'PURCHASE_RECEIPT') and d.status = 'POSTED'
                            and l.price is not null and not l.gift) x
                        where rn <= :n
                        order by item, rn""")
                .param("company", companyId)
                .param("supplier", supplier)
                .param("items", items)
                .param("n", n)
                .query((rs, i) -> new PurchasePrice(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        Rounding.plain(rs.getBigDecimal(5)),
                        rs.getString(6),
                        Rounding.plain(rs.getBigDecimal(7))))
                .list();
    }

    /** Scanned base quantities of a document's lines, by line. */
    public Map<Integer, BigDecimal> scans(long companyId, long id) {
        Map<Integer, BigDecimal> scanned = new HashMap<>();
        jdbc.sql("select line_no, scanned_qty from document_scan where company_id = ? and document_id = ?")
                .params(companyId, id)
                .query((rs, n) -> scanned.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return scanned;
    }

    public void addScan(long companyId, long id, int line, BigDecimal qty) {
        int updated = jdbc.sql("update document_scan set scanned_qty = scanned_qty + ?"
                        + " where company_id = ? and document_id = ? and line_no = ?")
                .params(qty, companyId, id, line)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into document_scan (company_id, document_id, line_no, scanned_qty) values (?, ?, ?, ?)")
                    .params(companyId, id, line, qty)
                    .update();
        }
    }

    /** Forgets the scans of a document whose lines changed (or that is deleted). */
    public void clearScans(long companyId, long id) {
        jdbc.sql("delete from document_scan where company_id = ? and document_id = ?")
                .params(companyId, id)
                .update();
    }

    public AllocationBasis allocationBasis(long companyId, long id) {
        String basis = jdbc.sql("select allocation_basis from document where company_id = ? and id = ?")
                .params(companyId, id)
                .query((rs, n) -> rs.getString(1))
                .single();
        return basis == null ? AllocationBasis.AMOUNT : AllocationBasis.valueOf(basis);
    }

    public void setAllocationBasis(long companyId, long id, AllocationBasis basis) {
        jdbc.sql("update document set allocation_basis = ? where company_id = ? and id = ?")
                .params(basis == null ? null : basis.name(), companyId, id)
                .update();
    }

    public void setExpectedDate(long companyId, long id, LocalDate expected) {
        jdbc.sql("update document set expected_date = ? where company_id = ? and id = ?")
                .params(expected, companyId, id)
                .update();
    }

    /**
     * What a customer's open sales orders (approved or posted, not closed) still have to deliver,
     * at their prices with VAT, leaving one document out.
     */
    public BigDecimal openSalesOrderValue(long companyId, long partnerId, long except) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(l.net_amount + l.tax_amount, l.amount, 0) * greatest(l.base_qty - coalesce((
                                 select sum(fl.base_qty) from document f
                                 join document_line fl on fl.company_id = f.company_id and fl.document_id = f.id
                                 where f.company_id = o.company_id and f.source_document_id = o.id
                                   and f.status = 'POSTED' and fl.source_line_no = l.line_no), 0), 0) / l.base_qty), 0)
                        from document o join document_line l on l.company_id = o.company_id and l.document_id = o.id
                        where o.company_id = ? and o.partner_id = ? and o.id <> ? and o.doc_type = 'SALES_ORDER'
                          and o.status in ('APPROVED', 'POSTED') and not o.closed""")
                .params(companyId, partnerId, except)
                .query(BigDecimal.class)
                .single();
    }

    /** How many posted documents follow this one. */
    public long postedFollowers(long companyId, long id) {
        return jdbc.sql("select count(*) from document where company_id = ? and source_document_id = ?"
                        + " and status = 'POSTED'")
                .params(companyId, id)
                .query(Long.class)
                .single();
    }

    /** Marks an order closed: nothing more is received or delivered against it. */
    public void close(long companyId, long id) {
        jdbc.sql("update document set closed = true, version = version + 1 where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    /** Moves a document to a new status, stamping who and when for the steps that have a stamp. */
    public void transition(
            long companyId, long id, DocumentStatus to, Long userId, OffsetDateTime at, String holdReason) {
        String stamp = switch (to) {
            case SUBMITTED, ON_HOLD -> ", submitted_by = :user, submitted_at = :at";
            case APPROVED -> ", approved_by = :user, approved_at = :at";
            case POSTED -> ", posted_by = :user, posted_at = :at, never_posted = false";
            case DRAFT ->
                ", submitted_by = null, submitted_at = null, approved_by = null, approved_at = null,"
                        + " posted_by = null, posted_at = null, fully_received = false";
            default -> "";
        };
        jdbc.sql("update document set status = :status, hold_reason = :hold, version = version + 1" + stamp
                        + " where company_id = :company and id = :id")
                .param("status", to.name())
                .param("hold", holdReason)
                .param("user", userId)
                .param("at", at)
                .param("company", companyId)
                .param("id", id)
                .update();
    }

    /** A draft posted in one step: stamped as submitted and posted by the same user at once. */
    private static final String POST_DIRECTLY = """
            update document set status = 'POSTED', hold_reason = null, version = version + 1, never_posted = false,
                   submitted_by = ?, submitted_at = ?, posted_by = ?, posted_at = ?
            where company_id = ? and id = ?""";

    /**
     * A draft posted in one step, stamped as submitted and posted by the same user at once, then read
     * as {@link #find} reads it; on PostgreSQL in one round trip.
     */
    public Optional<DocumentView> postDirectlyAndFind(
            long companyId,
            long id,
            long userId,
            OffsetDateTime at,
            DataScope scope,
            Set<DocumentType> types,
            boolean followed) {
        if (!database.postgres()) {
            jdbc.sql(POST_DIRECTLY)
                    .params(userId, at, userId, at, companyId, id)
                    .update();
            return find(companyId, id, scope, types, followed);
        }
        return find(
                companyId,
                id,
                scope,
                types,
                followed,
                POST_DIRECTLY,
                b -> b.value(userId)
                        .value(at)
                        .value(userId)
                        .value(at)
                        .value(companyId)
                        .value(id));
    }

    /** Whether the document ever moved stock (a draft that was posted and unposted has). */
    public boolean hasLedgerMoves(long companyId, long id) {
        return jdbc.sql("select count(*) from stock_move where company_id = ? and document_id = ?")
                        .params(companyId, id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void resetReceived(long companyId, long id) {
        jdbc.sql("update document_line set received_qty = 0 where company_id = ? and document_id = ?")
                .params(companyId, id)
                .update();
    }

    /** Adds received quantities to a transfer's lines, in one batch. */
    public void addReceived(long companyId, long id, Map<Integer, BigDecimal> qtyByLine) {
        List<Object[]> args = new ArrayList<>();
        qtyByLine.forEach((line, qty) -> args.add(new Object[] {qty, companyId, id, line}));
        template.batchUpdate(
                "update document_line set received_qty = received_qty + ? where company_id = ? and document_id = ? and line_no = ?",
                args);
    }

    public void markFullyReceived(long companyId, long id) {
        jdbc.sql("""
                        update document set fully_received = not exists (
                            select 1 from document_line l where l.company_id = document.company_id
                              and l.document_id = document.id and l.received_qty < l.base_qty),
                            version = version + 1
                        where company_id = ? and id = ?""").params(companyId, id).update();
    }

    /** Deletes a draft and its lines (no foreign key cascades them: see V6). */
    public int delete(long companyId, long id) {
        jdbc.sql("delete from document_line where company_id = ? and document_id = ?")
                .params(companyId, id)
                .update();
        return jdbc.sql("delete from document where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    /** Whether a document exists and lies within the scope. */
    public boolean visible(long companyId, long id, DataScope scope) {
        return jdbc.sql("select count(*) from document d where d.company_id = ? and d.id = ?"
                                + scope.documentCondition("d"))
                        .params(companyId, id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Only documents of these types; the names are our enum's, so they are safe in the SQL text. */
    private static String typeCondition(Set<DocumentType> types) {
        if (types.size() == DocumentType.values().length) {
            return "";
        }
        if (types.isEmpty()) {
            return " and 1 = 0";
        }
        return " and d.doc_type in ("
                + types.stream()
                        .map(t -> "'" + t.name() + "'")
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }

    public Optional<DocumentView> find(long companyId, long id, DataScope scope, Set<DocumentType> types) {
        return find(companyId, id, scope, types, true);
    }

    /**
     * A document with its lines; with {@code followed} false the open quantities are the lines'
     * own, for a document created in this transaction, which nothing can follow yet.
     */
    public Optional<DocumentView> find(
            long companyId, long id, DataScope scope, Set<DocumentType> types, boolean followed) {
        return find(companyId, id, scope, types, followed, null, null);
    }

    /** What a statement run before the read binds (a change to the document read back after it). */
    private interface Before {
        void bind(SqlBinder binder) throws SQLException;
    }

    private Optional<DocumentView> find(
            long companyId,
            long id,
            DataScope scope,
            Set<DocumentType> types,
            boolean followed,
            String before,
            Before bindBefore) {
        String header =
                HEADER + " where d.company_id = ? and d.id = ?" + scope.documentCondition("d") + typeCondition(types);
        if (database.postgres()) {
            // Lines and header in one round trip: the driver sends the statements at once.
            String sql = (before == null ? "" : before + ";\n") + LINES + ";\n" + header;
            return template.execute(sql, (PreparedStatement ps) -> {
                SqlBinder binder = new SqlBinder(ps);
                if (before != null) {
                    bindBefore.bind(binder);
                }
                binder.value(companyId).value(id).value(companyId).value(id);
                if (!ps.execute()) {
                    ps.getMoreResults();
                }
                return readBack(ps, companyId, id, followed);
            });
        }
        return jdbc.sql(header)
                .params(companyId, id)
                .query((rs, n) -> view(rs, companyId, id, lines(companyId, id), followed))
                .optional();
    }

    /** The lines, then the header, of a document: the current result of the statement and the next. */
    private Optional<DocumentView> readBack(PreparedStatement ps, long companyId, long id, boolean followed)
            throws SQLException {
        List<DocumentLineView> lines = new ArrayList<>();
        try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
                lines.add(line(rs, lines.size()));
            }
        }
        ps.getMoreResults();
        try (ResultSet rs = ps.getResultSet()) {
            return rs.next() ? Optional.of(view(rs, companyId, id, lines, followed)) : Optional.empty();
        }
    }

    /** The header row with its lines; open quantities from what follows it, when asked. */
    private DocumentView view(ResultSet rs, long companyId, long id, List<DocumentLineView> lines, boolean followed)
            throws SQLException {
        var followedBy = DocumentType.valueOf(rs.getString("doc_type")).followedBy();
        if (followedBy.isPresent()) {
            Map<Integer, BigDecimal> taken = followed ? followed(companyId, id, followedBy.get(), -1) : Map.of();
            lines = lines.stream()
                    .map(l -> l.withOpenQty(
                            Rounding.plain(l.baseQty().subtract(taken.getOrDefault(l.line(), BigDecimal.ZERO)))))
                    .toList();
        }
        return header(
                rs,
                lines,
                lines.stream().map(DocumentLineView::baseQty).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream()
                        .map(DocumentLineView::amount)
                        .filter(java.util.Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public List<DocumentLineView> lines(long companyId, long id) {
        return jdbc.sql(LINES).params(companyId, id).query(DocumentRows::line).list();
    }

    private static final String POSTING_LINES = """
            select line_no, item_id, base_qty, price, factor, bin_id, to_bin_id, batch_no, expiry_date,
                   stock_status, from_status, received_qty, source_line_no, amount, tax_rate, tax_amount,
                   net_amount
            from document_line where company_id = ? and document_id = ? order by line_no""";

    public List<PostingLine> postingLines(long companyId, long id) {
        return jdbc.sql(POSTING_LINES)
                .params(companyId, id)
                .query((rs, n) -> postingLine(rs))
                .list();
    }

    private static PostingLine postingLine(ResultSet rs) throws SQLException {
        return postingLine(
                rs.getInt("line_no"),
                rs.getLong("item_id"),
                rs.getBigDecimal("base_qty"),
                rs.getBigDecimal("price"),
                rs.getBigDecimal("factor"),
                (Long) rs.getObject("bin_id", Long.class),
                (Long) rs.getObject("to_bin_id", Long.class),
                rs.getString("batch_no"),
                rs.getObject("expiry_date", LocalDate.class),
                rs.getString("stock_status"),
                rs.getString("from_status"),
                rs.getBigDecimal("received_qty"),
                (Integer) rs.getObject("source_line_no", Integer.class),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("net_amount"),
                rs.getBigDecimal("tax_amount"));
    }

    /**
     * Lines just written by {@link #insertLines}, as {@link #postingLines(long, long)} would read
     * them back: each number at its column's scale, rounded as the database rounds on insert.
     */
    public static List<PostingLine> postingLines(List<NewLine> lines) {
        List<PostingLine> posting = new ArrayList<>(lines.size());
        for (NewLine l : lines) {
            posting.add(postingLine(
                    l.line(),
                    l.itemId(),
                    scaled(l.baseQty(), 4),
                    scaled(l.price(), 6),
                    scaled(l.factor(), 6),
                    l.binId(),
                    l.toBinId(),
                    l.batch(),
                    l.expiryDate(),
                    l.status() == null ? null : l.status().name(),
                    l.fromStatus() == null ? null : l.fromStatus().name(),
                    BigDecimal.ZERO.setScale(4),
                    l.sourceLine(),
                    scaled(l.amount(), 2),
                    l.taxRate() == null ? BigDecimal.ZERO : scaled(l.taxRate(), 4),
                    scaled(l.netAmount(), 2),
                    l.taxAmount() == null ? BigDecimal.ZERO : scaled(l.taxAmount(), 2)));
        }
        return posting;
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    private static PostingLine postingLine(
            int line,
            long itemId,
            BigDecimal baseQty,
            BigDecimal price,
            BigDecimal factor,
            Long binId,
            Long toBinId,
            String batch,
            LocalDate expiry,
            String status,
            String from,
            BigDecimal received,
            Integer sourceLine,
            BigDecimal amount,
            BigDecimal taxRate,
            BigDecimal net,
            BigDecimal tax) {
        // Prices are per entered unit; the ledger costs per base unit.
        BigDecimal unitPrice = price == null
                ? null
                : taxRate.signum() == 0 || net == null
                        ? price.divide(factor, 6, java.math.RoundingMode.HALF_UP)
                        // Stock is valued without VAT.
                        : net.divide(baseQty, 6, java.math.RoundingMode.HALF_UP);
        return new PostingLine(
                line,
                itemId,
                baseQty,
                unitPrice,
                binId == null ? 0 : binId,
                toBinId == null ? 0 : toBinId,
                batch == null ? "" : batch,
                expiry,
                status == null ? StockStatus.AVAILABLE : StockStatus.valueOf(status),
                from == null ? null : StockStatus.valueOf(from),
                received,
                sourceLine,
                amount,
                net,
                tax,
                null,
                null,
                null);
    }

    /**
     * A supplier invoice's lines with what their receipt lines booked for the invoiced quantity:
     * the receipt line's value and VAT in proportion, rounded to cents.
     */
    public List<PostingLine> withMatched(long companyId, long receiptId, List<PostingLine> lines) {
        Map<Integer, BigDecimal[]> receipt = new HashMap<>();
        jdbc.sql("select line_no, base_qty, coalesce(net_amount, amount, 0), tax_amount from document_line"
                        + " where company_id = ? and document_id = ?")
                .params(companyId, receiptId)
                .query((rs, n) -> receipt.put(
                        rs.getInt(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)}))
                .list();
        return lines.stream()
                .map(l -> {
                    BigDecimal[] r = l.sourceLine() == null ? null : receipt.get(l.sourceLine());
                    if (r == null || r[0].signum() == 0) {
                        return l.withMatched(BigDecimal.ZERO, BigDecimal.ZERO);
                    }
                    return l.withMatched(
                            Rounding.amount(
                                    l.baseQty().multiply(r[1]).divide(r[0], 10, java.math.RoundingMode.HALF_UP)),
                            Rounding.amount(
                                    l.baseQty().multiply(r[2]).divide(r[0], 10, java.math.RoundingMode.HALF_UP)));
                })
                .toList();
    }

    public PageResult<DocumentView> list(
            long companyId, DataScope scope, Set<DocumentType> types, DocumentQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder(
                " where d.company_id = :company" + scope.documentCondition("d") + typeCondition(types));
        Map<String, Object> params = new HashMap<>(Map.of("company", companyId));
        if (q.type() != null) {
            where.append(" and d.doc_type = :type");
            params.put("type", q.type().name());
        }
        if (q.status() != null) {
            where.append(" and d.status = :status");
            params.put("status", q.status().name());
        }
        if (SearchText.present(q.partner())) {
            where.append(
                    " and d.partner_id = (select id from partner where company_id = :company and code = :partner)");
            params.put("partner", q.partner().trim());
        }
        if (SearchText.present(q.warehouse())) {
            where.append(" and (d.warehouse_id = (select id from warehouse where company_id = :company and code = :wh)"
                    + " or d.to_warehouse_id = (select id from warehouse where company_id = :company and code = :wh))");
            params.put("wh", q.warehouse().trim());
        }
        if (q.from() != null) {
            where.append(" and d.doc_date >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and d.doc_date <= :to");
            params.put("to", q.to());
        }
        if (SearchText.present(q.q())) {
            where.append(" and d.number ilike :q");
            params.put("q", SearchText.contains(q.q()));
        }
        long total = jdbc.sql("select count(*) from document d" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(LIST_HEADER + where + page.orderBy(SORTS, "date", false, "d.id desc") + page.limitOffset())
                .params(params)
                .query((rs, n) ->
                        header(rs, List.of(), rs.getBigDecimal("total_qty"), rs.getBigDecimal("total_amount")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /**
     * The number of an inbound document of the same type, submitted by someone else within the
     * window, that shares an item with this one: the suspected-duplicate rule.
     */
    public Optional<String> recentSimilarInbound(
            long companyId, long id, DocumentType type, long userId, OffsetDateTime since) {
        return jdbc.sql("""
                        select o.number from document o
                        where o.company_id = ? and o.doc_type = ? and o.id <> ? and o.submitted_by <> ?
                          and o.submitted_at >= ? and o.status in ('SUBMITTED', 'ON_HOLD', 'APPROVED', 'POSTED')
                          and exists (select 1 from document_line ol join document_line tl
                                        on tl.company_id = ol.company_id and tl.item_id = ol.item_id
                                      where ol.company_id = o.company_id and ol.document_id = o.id
                                        and tl.document_id = ?)
                        order by o.submitted_at desc""").params(companyId, type.name(), id, userId, since, id).query(String.class).list().stream()
                .findFirst();
    }

    private static DocumentView header(
            ResultSet rs, List<DocumentLineView> lines, BigDecimal totalQty, BigDecimal totalAmount)
            throws SQLException {
        return new DocumentView(
                rs.getLong("id"),
                rs.getString("number"),
                DocumentType.valueOf(rs.getString("doc_type")),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getObject("doc_date", LocalDate.class),
                rs.getString("warehouse"),
                rs.getString("warehouse_name"),
                rs.getString("to_warehouse"),
                rs.getString("to_warehouse_name"),
                rs.getString("partner"),
                (Long) rs.getObject("source_document_id", Long.class),
                rs.getString("remark"),
                rs.getString("hold_reason"),
                rs.getInt("version"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("submitted_by"),
                rs.getString("approved_by"),
                rs.getString("posted_by"),
                rs.getObject("posted_at", OffsetDateTime.class),
                rs.getBoolean("fully_received"),
                rs.getBoolean("closed"),
                rs.getObject("expected_date", LocalDate.class),
                totalQty,
                totalAmount,
                lines,
                rs.getString("allocation_basis") == null
                        ? null
                        : AllocationBasis.valueOf(rs.getString("allocation_basis")));
    }

    private static DocumentLineView line(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("stock_status");
        String from = rs.getString("from_status");
        return new DocumentLineView(
                rs.getInt("line_no"),
                rs.getString("item"),
                rs.getString("item_name"),
                Rounding.plain(rs.getBigDecimal("qty")),
                rs.getString("unit"),
                Rounding.plain(rs.getBigDecimal("base_qty")),
                rs.getString("base_unit"),
                rs.getBigDecimal("price"),
                rs.getBigDecimal("amount"),
                rs.getString("bin"),
                rs.getString("to_bin"),
                rs.getString("batch_no"),
                rs.getObject("production_date", LocalDate.class),
                rs.getObject("expiry_date", LocalDate.class),
                status == null ? null : StockStatus.valueOf(status),
                from == null ? null : StockStatus.valueOf(from),
                rs.getBoolean("gift"),
                Rounding.plain(rs.getBigDecimal("received_qty")),
                rs.getString("remark"),
                (Integer) rs.getObject("source_line_no", Integer.class),
                null,
                Rounding.plain(rs.getBigDecimal("tax_rate")),
                rs.getBigDecimal("tax_amount"),
                rs.getBigDecimal("net_amount"));
    }
}
