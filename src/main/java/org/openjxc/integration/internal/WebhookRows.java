package org.openjxc.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjxc.integration.WebhookDeliveryView;
import org.openjxc.integration.WebhookEvent;
import org.openjxc.integration.WebhookView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions and the delivery outbox. */
@Repository
public class WebhookRows {

    /** A delivery due to be sent, with where and how to sign it. */
    public record Due(
            long companyId,
            long id,
            String url,
            String secret,
            String event,
            String eventId,
            String payload,
            int attempts) {}

    private static final String DELIVERY = """
            select d.id, d.subscription_id, s.url, d.event, d.event_id, d.status, d.attempts, d.next_attempt_at,
                   d.last_status, d.last_error, d.created_at, d.delivered_at, d.payload
            from webhook_delivery d
            join webhook_subscription s on s.company_id = d.company_id and s.id = d.subscription_id""";

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertSubscription(long companyId, String url, List<WebhookEvent> events, String secret, long userId) {
        jdbc.sql("""
                        insert into webhook_subscription (company_id, url, events, secret, active, created_at, created_by)
                        values (?, ?, ?, ?, true, ?, ?)""")
                .params(
                        companyId,
                        url,
                        String.join(",", events.stream().map(Enum::name).toList()),
                        secret,
                        OffsetDateTime.now(),
                        userId)
                .update();
        return jdbc.sql("select max(id) from webhook_subscription where company_id = ? and created_by = ?")
                .params(companyId, userId)
                .query(Long.class)
                .single();
    }

    public List<WebhookView> subscriptions(long companyId) {
        return jdbc.sql("""
                        select id, url, events, active, created_at from webhook_subscription
                        where company_id = ? order by id""").params(companyId).query((rs, n) -> view(rs)).list();
    }

    public Optional<WebhookView> subscription(long companyId, long id) {
        return jdbc.sql(
                        "select id, url, events, active, created_at from webhook_subscription where company_id = ? and id = ?")
                .params(companyId, id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static WebhookView view(ResultSet rs) throws SQLException {
        return new WebhookView(
                rs.getLong(1),
                rs.getString(2),
                Arrays.stream(rs.getString(3).split(","))
                        .map(WebhookEvent::valueOf)
                        .toList(),
                rs.getBoolean(4),
                rs.getObject(5, OffsetDateTime.class),
                null);
    }

    public void deactivate(long companyId, long id) {
        jdbc.sql("update webhook_subscription set active = false where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    /** The active subscriptions of a company to an event: id per subscription. */
    public List<Long> subscribers(long companyId, WebhookEvent event) {
        return jdbc
                .sql("""
                        select id, events from webhook_subscription where company_id = ? and active""")
                .params(companyId)
                .query((rs, n) ->
                        Arrays.asList(rs.getString(2).split(",")).contains(event.name()) ? rs.getLong(1) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public void enqueue(long companyId, long subscriptionId, WebhookEvent event, String eventId, String payload) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into webhook_delivery (company_id, subscription_id, event, event_id, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(companyId, subscriptionId, event.name(), eventId, payload, now, now)
                .update();
    }

    /** Deliveries due by {@code now}, oldest first (any company: the dispatcher serves them all). */
    public List<long[]> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        select company_id, id from webhook_delivery
                        where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id
                        fetch first ? rows only""")
                .params(now, limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    /** Claims a due delivery for this node; empty when another node was first. */
    public Optional<Due> claim(long companyId, long id, OffsetDateTime now) {
        int claimed = jdbc.sql("""
                        update webhook_delivery set status = 'SENDING', claimed_at = ?
                        where company_id = ? and id = ? and status = 'PENDING'""").params(now, companyId, id).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select d.company_id, d.id, s.url, s.secret, d.event, d.event_id, d.payload, d.attempts
                        from webhook_delivery d
                        join webhook_subscription s on s.company_id = d.company_id and s.id = d.subscription_id
                        where d.company_id = ? and d.id = ?""")
                .params(companyId, id)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .optional();
    }

    public void delivered(long companyId, long id, int status, OffsetDateTime at) {
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status = ?,
                                                    last_error = null, delivered_at = ?, claimed_at = null
                        where company_id = ? and id = ?""").params(status, at, companyId, id).update();
    }

    public void failed(long companyId, long id, Integer status, String error, OffsetDateTime next, boolean giveUp) {
        jdbc.sql("""
                        update webhook_delivery set status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                                                    next_attempt_at = ?, claimed_at = null
                        where company_id = ? and id = ?""")
                .params(giveUp ? "FAILED" : "PENDING", status, error, next, companyId, id)
                .update();
    }

    /** Claims of nodes that stopped mid-send are released. */
    public int releaseStale(OffsetDateTime claimedBefore) {
        return jdbc.sql("update webhook_delivery set status = 'PENDING', claimed_at = null"
                        + " where status = 'SENDING' and claimed_at < ?")
                .params(claimedBefore)
                .update();
    }

    /** Sends a delivery again now, whatever became of it (a fixed receiver asks for what it missed). */
    public int redeliver(long companyId, long id) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?, claimed_at = null
                        where company_id = ? and id = ? and status <> 'SENDING'""").params(OffsetDateTime.now(), companyId, id).update();
    }

    public Optional<WebhookDeliveryView> delivery(long companyId, long id) {
        return jdbc.sql(DELIVERY + " where d.company_id = ? and d.id = ?")
                .params(companyId, id)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    public PageResult<WebhookDeliveryView> deliveries(long companyId, String status, String event, PageQuery page) {
        StringBuilder where = new StringBuilder(" where d.company_id = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (status != null && !status.isBlank()) {
            where.append(" and d.status = :status");
            params.put("status", status);
        }
        if (event != null && !event.isBlank()) {
            where.append(" and d.event = :event");
            params.put("event", event);
        }
        long total = jdbc.sql("select count(*) from webhook_delivery d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<WebhookDeliveryView> items = jdbc.sql(DELIVERY + where + " order by d.id desc" + page.limitOffset())
                .params(params)
                .query((rs, n) -> delivery(rs))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** How many deliveries wait to be sent, for the metrics. */
    public long pending() {
        return jdbc.sql("select count(*) from webhook_delivery where status in ('PENDING', 'SENDING')")
                .query(Long.class)
                .single();
    }

    private static WebhookDeliveryView delivery(ResultSet rs) throws SQLException {
        return new WebhookDeliveryView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                WebhookEvent.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getObject(8, OffsetDateTime.class),
                (Integer) rs.getObject(9, Integer.class),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class),
                rs.getString(13));
    }
}
