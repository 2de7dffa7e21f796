package org.openjxc.integration;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.integration.internal.WebhookRows;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions, the delivery log and redelivery, for the company's integrators. */
@Service
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRows rows;
    private final AuditLog audit;
    private final org.openjxc.integration.internal.Subscribed subscribed;

    Webhooks(WebhookRows rows, AuditLog audit, org.openjxc.integration.internal.Subscribed subscribed) {
        this.subscribed = subscribed;
        this.rows = rows;
        this.audit = audit;
    }

    /** Subscribes; the answer carries the secret (made when none is given), shown this once. */
    @Transactional
    public WebhookView subscribe(Actor actor, WebhookCommand c) {
        actor.scope().requireWholeCompany();
        String secret = c.secret() == null || c.secret().isBlank() ? secret() : c.secret();
        long id = rows.insertSubscription(
                actor.companyId(),
                c.url().trim(),
                c.events().stream().distinct().toList(),
                secret,
                actor.userId());
        WebhookView created = rows.subscription(actor.companyId(), id).orElseThrow();
        subscribed.forget(actor.companyId());
        audit.record("CREATE", "Webhook", id, null, Map.of("url", created.url(), "events", created.events()));
        return new WebhookView(id, created.url(), created.events(), true, created.createdAt(), secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookView> subscriptions(Actor actor) {
        actor.scope().requireWholeCompany();
        return rows.subscriptions(actor.companyId());
    }

    /** Stops a subscription; its delivery log stays. */
    @Transactional
    public void unsubscribe(Actor actor, long id) {
        actor.scope().requireWholeCompany();
        WebhookView before =
                rows.subscription(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound("Webhook", id));
        rows.deactivate(actor.companyId(), id);
        subscribed.forget(actor.companyId());
        audit.record("DISABLE", "Webhook", id, Map.of("url", before.url()), null);
    }

    @Transactional(readOnly = true)
    public PageResult<WebhookDeliveryView> deliveries(Actor actor, String status, String event, PageQuery page) {
        actor.scope().requireWholeCompany();
        return rows.deliveries(actor.companyId(), status, event, page);
    }

    /** Sends a delivery again at once (after the receiver was fixed), whatever became of it. */
    @Transactional
    public WebhookDeliveryView redeliver(Actor actor, long id) {
        actor.scope().requireWholeCompany();
        rows.delivery(actor.companyId(), id).orElseThrow(() -> BusinessException.notFound("WebhookDelivery", id));
        if (rows.redeliver(actor.companyId(), id) == 0) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.webhook.sending", id);
        }
        audit.record("REDELIVER", "WebhookDelivery", id, null, null);
        return rows.delivery(actor.companyId(), id).orElseThrow();
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
