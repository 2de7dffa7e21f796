package org.openjxc.integration.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a company has any active webhook or notification subscription, remembered for a few
 * seconds: posting asks on every document, and most companies subscribe to nothing. Forgotten at
 * once on this node when a subscription changes; other nodes see it within the few seconds.
 */
@Component
public class Subscribed {

    private static final Duration TTL = Duration.ofSeconds(5);

    private record Entry(boolean any, long until) {}

    private final JdbcClient jdbc;
    private final Map<Long, Entry> known = new ConcurrentHashMap<>();

    Subscribed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean any(long companyId) {
        long now = System.nanoTime();
        Entry e = known.get(companyId);
        if (e != null && e.until - now > 0) {
            return e.any;
        }
        boolean any =
                jdbc.sql("""
                        select (select count(*) from webhook_subscription where company_id = ? and active)
                             + (select count(*) from notification_subscription where company_id = ? and active)""").params(companyId, companyId).query(Long.class).single() > 0;
        known.put(companyId, new Entry(any, now + TTL.toNanos()));
        return any;
    }

    public void forget(long companyId) {
        known.remove(companyId);
    }
}
