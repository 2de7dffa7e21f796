package org.openjxc.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.integration.internal.NotificationRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notifications: alerts and summaries by e-mail or to a WeCom or DingTalk group robot.
 * Everyone manages their own; figures of the whole company (summaries, reconciliation) are for
 * those who may see costs, and company-wide notifications for those whose scope is the company.
 */
@Service
public class Notifications {

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final NotificationRows rows;
    private final AuditLog audit;
    private final org.openjxc.integration.internal.Subscribed subscribed;

    Notifications(NotificationRows rows, AuditLog audit, org.openjxc.integration.internal.Subscribed subscribed) {
        this.subscribed = subscribed;
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional
    public NotificationView subscribe(Actor actor, NotificationCommand c) {
        actor.scope().requireWholeCompany();
        List<FieldViolation> v = new ArrayList<>();
        String target = c.target().trim();
        if (c.channel() == NotificationChannel.EMAIL
                ? !EMAIL.matcher(target).matches()
                : !target.matches("https?://\\S+")) {
            v.add(FieldViolation.of("target", "error.notification.target." + c.channel()));
        }
        for (NotificationTopic t : c.topics()) {
            boolean books = t == NotificationTopic.RECONCILIATION_DIFFERENCE
                    || t == NotificationTopic.DAILY_SUMMARY
                    || t == NotificationTopic.WEEKLY_SUMMARY;
            if (books && !Actors.has(Permission.VIEW_COST)) {
                v.add(FieldViolation.of("topics", "error.notification.topic", t));
            }
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        long id = rows.insert(
                actor.companyId(),
                actor.userId(),
                c.channel(),
                target,
                c.secret() == null || c.secret().isBlank() ? null : c.secret().trim(),
                c.topics().stream().distinct().toList());
        NotificationView created = rows.find(actor.companyId(), id).orElseThrow();
        subscribed.forget(actor.companyId());
        audit.record(
                "CREATE",
                "Notification",
                id,
                null,
                Map.of("channel", created.channel(), "target", created.target(), "topics", created.topics()));
        return created;
    }

    /** The actor's own subscriptions (all of the company's for those who manage users). */
    @Transactional(readOnly = true)
    public List<NotificationView> subscriptions(Actor actor) {
        return rows.list(actor.companyId(), Actors.has(Permission.MANAGE_USERS) ? null : actor.userId());
    }

    @Transactional
    public void unsubscribe(Actor actor, long id) {
        long owner =
                rows.owner(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound("Notification", id));
        if (owner != actor.userId() && !Actors.has(Permission.MANAGE_USERS)) {
            throw BusinessException.notFound("Notification", id);
        }
        rows.deactivate(actor.companyId(), id);
        subscribed.forget(actor.companyId());
        audit.record("DISABLE", "Notification", id, null, null);
    }

    @Transactional(readOnly = true)
    public PageResult<NotificationMessageView> messages(Actor actor, PageQuery page) {
        return rows.messages(actor.companyId(), Actors.has(Permission.MANAGE_USERS) ? null : actor.userId(), page);
    }
}
