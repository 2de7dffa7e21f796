package org.openjxc.integration.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.document.PostingLine;
import org.openjxc.finance.ReconciliationDifferenceFound;
import org.openjxc.integration.WebhookEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes webhook deliveries (and the alerts people subscribed to) in the transaction of what
 * happened — after every other poster, so that only a posting that is complete and commits leaves
 * any trace. Nothing is sent from here.
 */
@Component
@Order(100)
class WebhookOutbox implements DocumentPoster {

    private final WebhookRows rows;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final NotificationOutbox notifications;
    private final NotificationRows notificationRows;
    private final Subscribed subscribed;

    WebhookOutbox(
            WebhookRows rows,
            JsonMapper json,
            JdbcClient jdbc,
            NotificationOutbox notifications,
            NotificationRows notificationRows,
            Subscribed subscribed) {
        this.subscribed = subscribed;
        this.rows = rows;
        this.json = json;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.notificationRows = notificationRows;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(PostingDocument d) {
        if (!subscribed.any(d.companyId())) {
            return;
        }
        enqueue(d.companyId(), WebhookEvent.DOCUMENT_POSTED, document(d));
        if (d.type() == DocumentType.COUNT_ADJUSTMENT) {
            enqueue(d.companyId(), WebhookEvent.COUNT_APPROVED, document(d));
        }
        if (d.type().direction() == DocumentType.Direction.OUTBOUND
                || d.type() == DocumentType.TRANSFER
                || d.type() == DocumentType.COUNT_ADJUSTMENT) {
            belowSafetyStock(d);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void unpost(PostingDocument d) {
        if (!subscribed.any(d.companyId())) {
            return;
        }
        enqueue(d.companyId(), WebhookEvent.DOCUMENT_UNPOSTED, document(d));
    }

    /** The daily reconciliation's differences, one event per check that differs. */
    @EventListener
    @Transactional
    void reconciliation(ReconciliationDifferenceFound e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("check", e.check());
        data.put("date", e.date().toString());
        data.put("expected", e.expected());
        data.put("actual", e.actual());
        data.put("difference", e.difference());
        enqueue(e.companyId(), WebhookEvent.RECONCILIATION_DIFFERENCE, data);
        notifications.alert(
                e.companyId(),
                org.openjxc.integration.NotificationTopic.RECONCILIATION_DIFFERENCE,
                notifications.text(
                        "notification.reconciliation", e.date(), e.check(), e.expected(), e.actual(), e.difference()));
    }

    /**
     * Items whose available stock in the warehouse this posting took from at or above their safety
     * stock to below it (crossing it, so that every later sale does not raise it again).
     */
    private void belowSafetyStock(PostingDocument d) {
        if (rows.subscribers(d.companyId(), WebhookEvent.STOCK_BELOW_SAFETY).isEmpty()
                && notificationRows
                        .subscribers(d.companyId(), org.openjxc.integration.NotificationTopic.STOCK_BELOW_SAFETY)
                        .isEmpty()) {
            return;
        }
        Map<Long, BigDecimal> taken = new LinkedHashMap<>();
        for (PostingLine l : d.lines()) {
            BigDecimal qty =
                    d.type() == DocumentType.COUNT_ADJUSTMENT ? l.baseQty().negate() : l.baseQty();
            if (l.components() == null && qty.signum() > 0) {
                taken.merge(l.itemId(), qty, BigDecimal::add);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        List<Object[]> levels = jdbc.sql("""
                        select s.item_id, i.code, w.code, s.available_on_hand - s.reserved, i.safety_stock
                        from stock_level s
                        join item i on i.company_id = s.company_id and i.id = s.item_id
                        join warehouse w on w.company_id = s.company_id and w.id = s.warehouse_id
                        where s.company_id = :company and s.warehouse_id = :warehouse and s.item_id in (:items)
                          and i.safety_stock is not null""")
                .param("company", d.companyId())
                .param("warehouse", d.warehouseId())
                .param("items", taken.keySet())
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)
                })
                .list();
        for (Object[] l : levels) {
            BigDecimal after = (BigDecimal) l[3];
            BigDecimal safety = (BigDecimal) l[4];
            BigDecimal before = after.add(taken.get((Long) l[0]));
            if (after.compareTo(safety) < 0 && before.compareTo(safety) >= 0) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("item", l[1]);
                data.put("warehouse", l[2]);
                data.put("available", after);
                data.put("safetyStock", safety);
                data.put("document", d.number());
                enqueue(d.companyId(), WebhookEvent.STOCK_BELOW_SAFETY, data);
                notifications.alert(
                        d.companyId(),
                        org.openjxc.integration.NotificationTopic.STOCK_BELOW_SAFETY,
                        notifications.text("notification.belowSafety", l[1], l[2], after, safety, d.number()));
            }
        }
    }

    private static Map<String, Object> document(PostingDocument d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", d.id());
        data.put("number", d.number());
        data.put("type", d.type().name());
        data.put("date", d.date().toString());
        data.put("lines", d.lines().size());
        data.put("amount", d.amount());
        return data;
    }

    private void enqueue(long companyId, WebhookEvent event, Map<String, Object> data) {
        List<Long> subscribers = rows.subscribers(companyId, event);
        if (subscribers.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("event", event.name());
        payload.put("occurredAt", OffsetDateTime.now().toString());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        subscribers.forEach(s -> rows.enqueue(companyId, s, event, id, body));
    }
}
