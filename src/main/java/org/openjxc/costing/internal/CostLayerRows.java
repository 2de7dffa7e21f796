package org.openjxc.costing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjxc.costing.LayerMismatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The cost layer tables. Every write happens while the posting holds the row locks of the
 * (item, warehouse) totals the layers belong to, so layers need no locks of their own.
 */
@Repository
public class CostLayerRows {

    /** One layer; {@code id} is null until a new layer is inserted. */
    public static final class Layer {
        public Long id;
        public final long itemId;
        public final long warehouseId;
        public final String batch;
        public final long documentId;
        public final int line;
        public final BigDecimal unitCost;
        public final BigDecimal qtyIn;
        public BigDecimal remaining;
        public BigDecimal value;
        /** The date of the document that opened it: layers go out earliest date first. */
        public final java.time.LocalDate receivedOn;

        public Layer(
                java.time.LocalDate receivedOn,
                Long id,
                long itemId,
                long warehouseId,
                String batch,
                long documentId,
                int line,
                BigDecimal unitCost,
                BigDecimal qtyIn,
                BigDecimal remaining,
                BigDecimal value) {
            this.receivedOn = receivedOn;
            this.id = id;
            this.itemId = itemId;
            this.warehouseId = warehouseId;
            this.batch = batch;
            this.documentId = documentId;
            this.line = line;
            this.unitCost = unitCost;
            this.qtyIn = qtyIn;
            this.remaining = remaining;
            this.value = value;
        }
    }

    /** A document line's consumption of a layer. */
    public record Use(Layer layer, long documentId, int line, BigDecimal qty, BigDecimal value) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CostLayerRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The layers still holding stock of these items in these warehouses, oldest first. */
    public List<Layer> open(long companyId, Collection<Long> itemIds, Collection<Long> warehouseIds) {
        return jdbc.sql("""
                        select id, item_id, warehouse_id, batch_no, document_id, line_no, unit_cost, qty_in,
                               qty_remaining, value_remaining, received_on
                        from cost_layer
                        where company_id = :company and item_id in (:items) and warehouse_id in (:warehouses)
                          and qty_remaining > 0
                        order by received_on, id""")
                .param("company", companyId)
                .param("items", itemIds)
                .param("warehouses", warehouseIds)
                .query((rs, n) -> new Layer(
                        rs.getObject(11, java.time.LocalDate.class),
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10)))
                .list();
    }

    /** Puts back into their layers what a document's lines consumed, and forgets those uses. */
    public void restoreUses(long companyId, long documentId) {
        jdbc.sql("""
                        update cost_layer set
                          qty_remaining = qty_remaining + (select sum(u.qty) from cost_layer_use u
                              where u.company_id = cost_layer.company_id and u.layer_id = cost_layer.id
                                and u.document_id = :document),
                          value_remaining = value_remaining + (select sum(u.use_value) from cost_layer_use u
                              where u.company_id = cost_layer.company_id and u.layer_id = cost_layer.id
                                and u.document_id = :document)
                        where company_id = :company and id in (select layer_id from cost_layer_use
                              where company_id = :company and document_id = :document)""").param("company", companyId).param("document", documentId).update();
        jdbc.sql("delete from cost_layer_use where company_id = ? and document_id = ?")
                .params(companyId, documentId)
                .update();
    }

    public void insert(long companyId, Layer layer, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into cost_layer (company_id, item_id, warehouse_id, batch_no, document_id, line_no,
                            received_at, unit_cost, qty_in, qty_remaining, value_remaining, received_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        companyId,
                        layer.itemId,
                        layer.warehouseId,
                        layer.batch,
                        layer.documentId,
                        layer.line,
                        Timestamp.from(at.toInstant()),
                        layer.unitCost,
                        layer.qtyIn,
                        layer.remaining,
                        layer.value,
                        layer.receivedOn)
                .update(keys, "id");
        layer.id = keys.getKey().longValue();
    }

    public void update(long companyId, Collection<Layer> layers) {
        List<Object[]> rows = new ArrayList<>();
        for (Layer l : layers) {
            rows.add(new Object[] {l.remaining, l.value, companyId, l.id});
        }
        template.batchUpdate(
                "update cost_layer set qty_remaining = ?, value_remaining = ? where company_id = ? and id = ?", rows);
    }

    public void insertUses(long companyId, List<Use> uses) {
        List<Object[]> rows = new ArrayList<>();
        for (Use u : uses) {
            rows.add(new Object[] {companyId, u.layer().id, u.documentId(), u.line(), u.qty(), u.value()});
        }
        template.batchUpdate("""
                insert into cost_layer_use (company_id, layer_id, document_id, line_no, qty, use_value)
                values (?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * Items and warehouses whose open layers differ from their totals: the layers of a FIFO or
     * specific-batch item hold exactly what is on hand (nothing while it is negative) and its value.
     */
    public List<LayerMismatch> mismatches(long companyId) {
        return jdbc.sql("""
                        select i.code, w.code, l.on_hand, coalesce(c.qty, 0), l.stock_value, coalesce(c.val, 0)
                        from stock_level l
                        join item i on i.company_id = l.company_id and i.id = l.item_id
                        join warehouse w on w.company_id = l.company_id and w.id = l.warehouse_id
                        left join (select item_id, warehouse_id, sum(qty_remaining) as qty, sum(value_remaining) as val
                                   from cost_layer where company_id = :company and qty_remaining > 0
                                   group by item_id, warehouse_id) c
                          on c.item_id = l.item_id and c.warehouse_id = l.warehouse_id
                        where l.company_id = :company and i.cost_method <> 'MOVING_AVERAGE' and l.on_hand >= 0
                          and (coalesce(c.qty, 0) <> l.on_hand or coalesce(c.val, 0) <> l.stock_value)
                        order by i.code, w.code""")
                .param("company", companyId)
                .query((rs, n) -> new LayerMismatch(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
    }

    /** A layer a document opened in a key that still holds stock: id, quantity and value remaining. */
    public record Opened(long id, BigDecimal remaining, BigDecimal value) {}

    public List<Opened> opened(long companyId, long documentId, long itemId, long warehouseId) {
        return jdbc.sql("""
                        select id, qty_remaining, value_remaining from cost_layer
                        where company_id = ? and document_id = ? and item_id = ? and warehouse_id = ? and qty_remaining > 0
                        order by id""")
                .params(companyId, documentId, itemId, warehouseId)
                .query((rs, n) -> new Opened(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    /** What a document line still holds of a layer: quantity and value. */
    public record Held(long documentId, int line, long layerId, BigDecimal qty, BigDecimal value) {}

    /**
     * What outbound documents dated on or after {@code date} still hold of layers received after it,
     * in the order FIFO would have served them: earliest document first, its newest layers first.
     * A transfer takes its part like a sale (its destination follows by a re-valuation job); status
     * changes carry their layers on and purchase returns give back their own receipt's layer, so they
     * keep what they took.
     */
    public List<Held> laterUses(long companyId, long itemId, long warehouseId, java.time.LocalDate date) {
        return jdbc.sql("""
                        select u.document_id, u.line_no, u.layer_id, sum(u.qty) as q, sum(u.use_value) as v,
                               min(d.doc_date) as used_on, max(cl.received_on) as received_on
                        from cost_layer_use u
                        join cost_layer cl on cl.company_id = u.company_id and cl.id = u.layer_id
                        join document d on d.company_id = u.company_id and d.id = u.document_id
                        where u.company_id = :company and cl.item_id = :item and cl.warehouse_id = :warehouse
                          and cl.received_on > :date and d.doc_date >= :date and d.status = 'POSTED'
                          and d.doc_type not in ('STATUS_CHANGE', 'PURCHASE_RETURN')
                        group by u.document_id, u.line_no, u.layer_id
                        having sum(u.qty) > 0
                        order by min(d.doc_date), u.document_id, u.line_no, max(cl.received_on) desc, u.layer_id desc""")
                .param("company", companyId)
                .param("item", itemId)
                .param("warehouse", warehouseId)
                .param("date", date)
                .query((rs, n) ->
                        new Held(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** A layer a transfer line opened at its destination: id, quantity in and quantity left. */
    public record Carried(long id, BigDecimal qtyIn, BigDecimal remaining) {}

    /** Every layer (held or used up) a document line opened for an item in a warehouse, oldest first. */
    public List<Carried> openedBy(long companyId, long documentId, int line, long itemId, long warehouseId) {
        return jdbc.sql("""
                        select id, qty_in, qty_remaining from cost_layer
                        where company_id = ? and document_id = ? and line_no = ? and item_id = ? and warehouse_id = ?
                        order by id""")
                .params(companyId, documentId, line, itemId, warehouseId)
                .query((rs, n) -> new Carried(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    /** What each document line still holds of one layer, in the order they took it. */
    public List<Held> heldOf(long companyId, long layerId) {
        return jdbc.sql("""
                        select document_id, line_no, layer_id, sum(qty), sum(use_value) from cost_layer_use
                        where company_id = ? and layer_id = ?
                        group by document_id, line_no, layer_id
                        having sum(qty) > 0
                        order by document_id, line_no""")
                .params(companyId, layerId)
                .query((rs, n) ->
                        new Held(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** Changes what a layer holds by a signed quantity and value. */
    public void shift(long companyId, long layerId, BigDecimal qty, BigDecimal value) {
        jdbc.sql("""
                        update cost_layer set qty_remaining = qty_remaining + ?, value_remaining = value_remaining + ?
                        where company_id = ? and id = ?""").params(qty, value, companyId, layerId).update();
    }

    /** Records a signed use, so that unposting the document restores exactly what it now holds. */
    public void use(long companyId, long layerId, long documentId, int line, BigDecimal qty, BigDecimal value) {
        jdbc.sql("""
                        insert into cost_layer_use (company_id, layer_id, document_id, line_no, qty, use_value)
                        values (?, ?, ?, ?, ?, ?)""").params(companyId, layerId, documentId, line, qty, value).update();
    }
}
