package org.openjxc.production.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What production keeps (the BOMs fixed per order line, overrides, receipt costs) and what it reads
 * of production documents: their lines and what posted issues and receipts took against an order.
 */
@Repository
public class ProductionRows {

    /** A production order line: a product and its planned quantity in base units. */
    public record OrderLine(int line, long itemId, BigDecimal baseQty) {}

    /** A production order's header as production needs it. */
    public record Order(long id, String number, String status, boolean closed, LocalDate date, long warehouseId) {}

    /** What a posted finished-goods receipt was valued at. */
    public record ReceiptCost(
            long documentId,
            String number,
            BigDecimal qty,
            BigDecimal materials,
            BigDecimal labour,
            BigDecimal overhead,
            BigDecimal byProducts,
            BigDecimal standard) {}

    private final JdbcClient jdbc;

    ProductionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> order(long companyId, long id) {
        return jdbc.sql("""
                        select id, number, status, closed, doc_date, warehouse_id from document
                        where company_id = ? and id = ? and doc_type = 'PRODUCTION_ORDER'""")
                .params(companyId, id)
                .query((rs, n) -> new Order(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getLong(6)))
                .optional();
    }

    public List<OrderLine> lines(long companyId, long documentId) {
        return jdbc.sql("""
                        select line_no, item_id, base_qty from document_line
                        where company_id = ? and document_id = ? order by line_no""")
                .params(companyId, documentId)
                .query((rs, n) -> new OrderLine(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    /** The BOM version each line of a posted order was fixed with. */
    public Map<Integer, Long> fixedBoms(long companyId, long orderId) {
        Map<Integer, Long> boms = new HashMap<>();
        jdbc.sql("select line_no, bom_id from production_order_bom where company_id = ? and document_id = ?")
                .params(companyId, orderId)
                .query((rs, n) -> boms.put(rs.getInt(1), rs.getLong(2)))
                .list();
        return boms;
    }

    public void fixBoms(long companyId, long orderId, Map<Integer, Long> boms) {
        boms.forEach((line, bom) -> jdbc.sql(
                        "insert into production_order_bom (company_id, document_id, line_no, bom_id) values (?, ?, ?, ?)")
                .params(companyId, orderId, line, bom)
                .update());
    }

    public void forgetBoms(long companyId, long orderId) {
        jdbc.sql("delete from production_order_bom where company_id = ? and document_id = ?")
                .params(companyId, orderId)
                .update();
    }

    /** Posted documents of a type following the order, this one left out. */
    public List<Long> postedFollowers(long companyId, long orderId, String type, long except) {
        return jdbc.sql("""
                        select id from document where company_id = ? and source_document_id = ? and doc_type = ?
                          and status = 'POSTED' and id <> ? order by id""")
                .params(companyId, orderId, type, except)
                .query(Long.class)
                .list();
    }

    /** Base quantity per item of the order's posted material issues, one left out. */
    public Map<Long, BigDecimal> issued(long companyId, long orderId, long except) {
        Map<Long, BigDecimal> issued = new HashMap<>();
        jdbc.sql("""
                        select l.item_id, sum(l.base_qty) from document_line l
                        join document d on d.company_id = l.company_id and d.id = l.document_id
                        where d.company_id = ? and d.source_document_id = ? and d.doc_type = 'PRODUCTION_ISSUE'
                          and d.status = 'POSTED' and d.id <> ?
                        group by l.item_id""")
                .params(companyId, orderId, except)
                .query((rs, n) -> issued.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return issued;
    }

    /** Base quantity per order line received by the order's posted finished-goods receipts, one left out. */
    public Map<Integer, BigDecimal> received(long companyId, long orderId, long except) {
        Map<Integer, BigDecimal> received = new HashMap<>();
        jdbc.sql("""
                        select l.source_line_no, sum(l.base_qty) from document_line l
                        join document d on d.company_id = l.company_id and d.id = l.document_id
                        where d.company_id = ? and d.source_document_id = ? and d.doc_type = 'PRODUCTION_RECEIPT'
                          and d.status = 'POSTED' and d.id <> ? and l.source_line_no is not null
                        group by l.source_line_no""")
                .params(companyId, orderId, except)
                .query((rs, n) -> received.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return received;
    }

    public List<ReceiptCost> receiptCosts(long companyId, long orderId) {
        return jdbc.sql("""
                        select c.document_id, d.number,
                               (select coalesce(sum(l.base_qty), 0) from document_line l
                                where l.company_id = c.company_id and l.document_id = c.document_id
                                  and l.source_line_no is not null) as qty,
                               c.materials, c.labour, c.overhead, c.by_products, c.standard
                        from production_receipt_cost c
                        join document d on d.company_id = c.company_id and d.id = c.document_id
                        where c.company_id = ? and c.order_id = ? order by d.posted_at, c.document_id""")
                .params(companyId, orderId)
                .query((rs, n) -> new ReceiptCost(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8)))
                .list();
    }

    public Optional<ReceiptCost> receiptCost(long companyId, long documentId) {
        return jdbc.sql("""
                        select document_id, materials, labour, overhead, by_products, standard
                        from production_receipt_cost where company_id = ? and document_id = ?""")
                .params(companyId, documentId)
                .query((rs, n) -> new ReceiptCost(
                        rs.getLong(1),
                        null,
                        null,
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .optional();
    }

    public void saveReceiptCost(long companyId, long orderId, ReceiptCost c) {
        deleteReceiptCost(companyId, c.documentId());
        jdbc.sql("""
                        insert into production_receipt_cost (company_id, document_id, order_id, materials, labour,
                                                             overhead, by_products, standard)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        c.documentId(),
                        orderId,
                        c.materials(),
                        c.labour(),
                        c.overhead(),
                        c.byProducts(),
                        c.standard())
                .update();
    }

    public void deleteReceiptCost(long companyId, long documentId) {
        jdbc.sql("delete from production_receipt_cost where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
    }

    /** Materials the order's posted receipts took out of work in progress, one left out. */
    public BigDecimal absorbed(long companyId, long orderId, long except) {
        return jdbc.sql("""
                        select coalesce(sum(materials), 0) from production_receipt_cost
                        where company_id = ? and order_id = ? and document_id <> ?""")
                .params(companyId, orderId, except)
                .query(BigDecimal.class)
                .single();
    }

    /** The lines an override holds for: items and base quantities in line order. */
    public static String linesKey(List<OrderLine> lines) {
        StringBuilder s = new StringBuilder();
        for (OrderLine l : lines) {
            s.append(l.itemId())
                    .append(':')
                    .append(l.baseQty().stripTrailingZeros().toPlainString())
                    .append(';');
        }
        return s.toString();
    }

    /** The lines an override was granted for, if one was. */
    public Optional<String> override(long companyId, long documentId) {
        return jdbc.sql("select lines from production_override where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .query(String.class)
                .optional();
    }

    public void saveOverride(long companyId, long documentId, String lines, String reason, long userId) {
        jdbc.sql("delete from production_override where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
        jdbc.sql("""
                        insert into production_override (company_id, document_id, lines, reason, granted_by, granted_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(companyId, documentId, lines, reason, userId, OffsetDateTime.now())
                .update();
    }

    /** Which of these items are managed by batch. */
    public List<Long> batchManaged(long companyId, Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from item where company_id = :company and id in (:items) and batch_managed")
                .param("company", companyId)
                .param("items", itemIds)
                .query(Long.class)
                .list();
    }

    /** Which of these items are kits or recipes (组合商品). */
    public Set<Long> kits(long companyId, Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select id from item where company_id = :company and id in (:items) and item_type = 'KIT'""")
                .param("company", companyId)
                .param("items", itemIds)
                .query(Long.class)
                .list());
    }

    /** Item codes, names and base units by id. */
    public Map<Long, String[]> itemNames(long companyId, Collection<Long> itemIds) {
        Map<Long, String[]> names = new HashMap<>();
        if (itemIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        select i.id, i.code, i.name, u.code from item i
                        join unit u on u.company_id = i.company_id and u.id = i.base_unit_id
                        where i.company_id = :company and i.id in (:items)""")
                .param("company", companyId)
                .param("items", itemIds)
                .query((rs, n) ->
                        names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}))
                .list();
        return names;
    }

    /** Purchase prices by item, the last resort of a standard cost. */
    public Map<Long, BigDecimal> purchasePrices(long companyId, Collection<Long> itemIds) {
        Map<Long, BigDecimal> prices = new HashMap<>();
        if (itemIds.isEmpty()) {
            return prices;
        }
        jdbc.sql("""
                        select id, purchase_price from item
                        where company_id = :company and id in (:items) and purchase_price is not null""")
                .param("company", companyId)
                .param("items", itemIds)
                .query((rs, n) -> prices.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return prices;
    }

    /** What is still reserved for the order, per requirement. */
    public Map<Integer, BigDecimal> reserved(long companyId, long orderId) {
        Map<Integer, BigDecimal> reserved = new HashMap<>();
        jdbc.sql("select line_no, qty from stock_reservation where company_id = ? and document_id = ?")
                .params(companyId, orderId)
                .query((rs, n) -> reserved.put(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return reserved;
    }
}
