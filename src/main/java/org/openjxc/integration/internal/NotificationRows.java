package org.openjxc.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openjxc.integration.NotificationChannel;
import org.openjxc.integration.NotificationMessageView;
import org.openjxc.integration.NotificationTopic;
import org.openjxc.integration.NotificationView;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notification subscriptions and their outbox. */
@Repository
public class NotificationRows {

    /** A message due, with where it goes. */
    public record Due(
            long companyId,
            long id,
            NotificationChannel channel,
            String target,
            String secret,
            String title,
            String body,
            int attempts) {}

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long companyId,
            long userId,
            NotificationChannel channel,
            String target,
            String secret,
            List<NotificationTopic> topics) {
        jdbc.sql("""
                        insert into notification_subscription (company_id, user_id, channel, target, secret, topics, active,
                                                               created_at)
                        values (?, ?, ?, ?, ?, ?, true, ?)""")
                .params(
                        companyId,
                        userId,
                        channel.name(),
                        target,
                        secret,
                        String.join(",", topics.stream().map(Enum::name).toList()),
                        OffsetDateTime.now())
                .update();
        return jdbc.sql("select max(id) from notification_subscription where company_id = ? and user_id = ?")
                .params(companyId, userId)
                .query(Long.class)
                .single();
    }

    private static final String SUBSCRIPTION = """
            select s.id, u.username, s.channel, s.target, s.topics, s.active, s.created_at
            from notification_subscription s join app_user u on u.id = s.user_id""";

    public List<NotificationView> list(long companyId, Long userId) {
        return jdbc.sql(SUBSCRIPTION + " where s.company_id = ?" + (userId == null ? "" : " and s.user_id = " + userId)
                        + " order by s.id")
                .params(companyId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<NotificationView> find(long companyId, long id) {
        return jdbc.sql(SUBSCRIPTION + " where s.company_id = ? and s.id = ?")
                .params(companyId, id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    public Optional<Long> owner(long companyId, long id) {
        return jdbc.sql("select user_id from notification_subscription where company_id = ? and id = ?")
                .params(companyId, id)
                .query(Long.class)
                .optional();
    }

    private static NotificationView view(ResultSet rs) throws SQLException {
        return new NotificationView(
                rs.getLong(1),
                rs.getString(2),
                NotificationChannel.valueOf(rs.getString(3)),
                rs.getString(4),
                Arrays.stream(rs.getString(5).split(","))
                        .map(NotificationTopic::valueOf)
                        .toList(),
                rs.getBoolean(6),
                rs.getObject(7, OffsetDateTime.class));
    }

    public void deactivate(long companyId, long id) {
        jdbc.sql("update notification_subscription set active = false where company_id = ? and id = ?")
                .params(companyId, id)
                .update();
    }

    /** Active subscriptions of a company to a topic. */
    public List<Long> subscribers(long companyId, NotificationTopic topic) {
        return jdbc
                .sql("select id, topics from notification_subscription where company_id = ? and active")
                .params(companyId)
                .query((rs, n) ->
                        Arrays.asList(rs.getString(2).split(",")).contains(topic.name()) ? rs.getLong(1) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Companies with an active subscription to a topic. */
    public List<Long> companies(NotificationTopic topic) {
        return jdbc.sql("select distinct company_id from notification_subscription where active and topics like ?")
                .params("%" + topic.name() + "%")
                .query(Long.class)
                .list();
    }

    public void enqueue(long companyId, long subscriptionId, NotificationTopic topic, String title, String body) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into notification_message (company_id, subscription_id, topic, title, body, status, attempts,
                                                          next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(
                        companyId,
                        subscriptionId,
                        topic.name(),
                        title,
                        body.length() > 8000 ? body.substring(0, 8000) : body,
                        now,
                        now)
                .update();
    }

    public List<long[]> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        select company_id, id from notification_message
                        where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id
                        fetch first ? rows only""")
                .params(now, limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    public Optional<Due> claim(long companyId, long id) {
        // The claim's time is kept in next_attempt_at, so that a claim of a node that died is released.
        int claimed = jdbc.sql("update notification_message set status = 'SENDING', next_attempt_at = ?"
                        + " where company_id = ? and id = ? and status = 'PENDING'")
                .params(OffsetDateTime.now(), companyId, id)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select m.company_id, m.id, s.channel, s.target, s.secret, m.title, m.body, m.attempts
                        from notification_message m
                        join notification_subscription s on s.company_id = m.company_id and s.id = m.subscription_id
                        where m.company_id = ? and m.id = ?""")
                .params(companyId, id)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        NotificationChannel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .optional();
    }

    /** Claims of nodes that stopped mid-send are released. */
    public int releaseStale(OffsetDateTime claimedBefore) {
        return jdbc.sql("update notification_message set status = 'PENDING'"
                        + " where status = 'SENDING' and next_attempt_at < ?")
                .params(claimedBefore)
                .update();
    }

    public void sent(long companyId, long id) {
        jdbc.sql("""
                        update notification_message set status = 'SENT', attempts = attempts + 1, last_error = null,
                                                        sent_at = ? where company_id = ? and id = ?""").params(OffsetDateTime.now(), companyId, id).update();
    }

    public void failed(long companyId, long id, String error, OffsetDateTime next, boolean giveUp) {
        jdbc.sql("""
                        update notification_message set status = ?, attempts = attempts + 1, last_error = ?,
                                                        next_attempt_at = ? where company_id = ? and id = ?""")
                .params(giveUp ? "FAILED" : "PENDING", error, next, companyId, id)
                .update();
    }

    public PageResult<NotificationMessageView> messages(long companyId, Long userId, PageQuery page) {
        String where = " where m.company_id = ?" + (userId == null ? "" : " and s.user_id = " + userId);
        long total = jdbc.sql("select count(*) from notification_message m join notification_subscription s"
                        + " on s.company_id = m.company_id and s.id = m.subscription_id" + where)
                .params(companyId)
                .query(Long.class)
                .single();
        List<NotificationMessageView> items = jdbc.sql("""
                        select m.id, m.subscription_id, s.channel, s.target, m.topic, m.title, m.status, m.attempts,
                               m.last_error, m.created_at, m.sent_at
                        from notification_message m
                        join notification_subscription s on s.company_id = m.company_id and s.id = m.subscription_id""" + where + " order by m.id desc" + page.limitOffset())
                .params(companyId)
                .query((rs, n) -> new NotificationMessageView(
                        rs.getLong(1),
                        rs.getLong(2),
                        NotificationChannel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        NotificationTopic.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class),
                        rs.getObject(11, OffsetDateTime.class)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
