package org.openjxc.integration.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjxc.integration.NotificationTopic;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications: alerts as they happen (in the transaction that found them) and, each
 * morning, the documents on hold, the batches about to expire and yesterday's (on Mondays also last
 * week's) figures to those who asked for them. Messages are in Chinese, as the people reading them
 * in their WeCom and DingTalk groups are.
 */
@Component
public class NotificationOutbox {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final NotificationRows rows;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    NotificationOutbox(NotificationRows rows, JdbcClient jdbc, MessageSource messages) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** An alert to everyone of the company subscribed to its topic. */
    void alert(long companyId, NotificationTopic topic, String body) {
        String title = messages.getMessage("notificationTopic." + topic, null, CHINESE);
        rows.subscribers(companyId, topic).forEach(s -> rows.enqueue(companyId, s, topic, title, body));
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    @Scheduled(cron = "${openjxc.notifications.cron:0 0 8 * * *}")
    void morning() {
        digest(LocalDate.now());
    }

    /** The morning's notifications as of {@code today}; answers how many were written. */
    @Transactional
    public int digest(LocalDate today) {
        int written = 0;
        for (long company : rows.companies(NotificationTopic.DOCUMENTS_ON_HOLD)) {
            long held = count("select count(*) from document where company_id = ? and status = 'ON_HOLD'", company);
            if (held > 0) {
                written += send(company, NotificationTopic.DOCUMENTS_ON_HOLD, text("notification.onHold", held));
            }
        }
        for (long company : rows.companies(NotificationTopic.EXPIRING_BATCHES)) {
            long expiring = count(
                    "select count(*) from stock_balance where company_id = ? and expiry_date is not null"
                            + " and expiry_date <= ? and on_hand > 0",
                    company,
                    today.plusDays(30));
            if (expiring > 0) {
                written += send(company, NotificationTopic.EXPIRING_BATCHES, text("notification.expiring", expiring));
            }
        }
        for (long company : rows.companies(NotificationTopic.DAILY_SUMMARY)) {
            written += send(company, NotificationTopic.DAILY_SUMMARY, summary(company, today.minusDays(1), today));
        }
        if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
            for (long company : rows.companies(NotificationTopic.WEEKLY_SUMMARY)) {
                written += send(company, NotificationTopic.WEEKLY_SUMMARY, summary(company, today.minusDays(7), today));
            }
        }
        return written;
    }

    private int send(long company, NotificationTopic topic, String body) {
        List<Long> subscribers = rows.subscribers(company, topic);
        String title = text("notificationTopic." + topic);
        subscribers.forEach(s -> rows.enqueue(company, s, topic, title, body));
        return subscribers.size();
    }

    /** Sales, purchases and documents posted from {@code from} (inclusive) to {@code to} (exclusive). */
    String summary(long company, LocalDate from, LocalDate to) {
        Map<String, Object> sums =
                jdbc.sql("""
                        select coalesce(sum(case when d.doc_type = 'SALES_DELIVERY' then l.net_amount
                                                 when d.doc_type = 'SALES_RETURN' then -l.net_amount end), 0) as sales,
                               coalesce(sum(case when d.doc_type = 'PURCHASE_RECEIPT' then l.net_amount
                                                 when d.doc_type = 'PURCHASE_RETURN' then -l.net_amount end), 0) as purchases
                        from document d join document_line l on l.company_id = d.company_id and l.document_id = d.id
                        where d.company_id = ? and d.status = 'POSTED' and d.doc_date >= ? and d.doc_date < ?""").params(company, from, to).query().singleRow();
        long posted = count(
                "select count(*) from document where company_id = ? and status = 'POSTED' and posted_at >= ? and posted_at < ?",
                company,
                from.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime(),
                to.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        long below = count("""
                select count(*) from stock_level s join item i on i.company_id = s.company_id and i.id = s.item_id
                where s.company_id = ? and i.safety_stock is not null and s.available_on_hand - s.reserved < i.safety_stock""", company);
        long held = count("select count(*) from document where company_id = ? and status = 'ON_HOLD'", company);
        return text(
                "notification.summary",
                from,
                to.minusDays(1),
                amount(sums.get("sales")),
                amount(sums.get("purchases")),
                posted,
                below,
                held,
                OffsetDateTime.now().withNano(0).toLocalDateTime());
    }

    private static String amount(Object v) {
        return ((BigDecimal) v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
