package org.openjxc.web.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Stored responses of POST requests that carried an {@code Idempotency-Key}. */
@Repository
class IdempotencyRecords {

    record Stored(String requestHash, boolean completed, Integer status, String contentType, String body) {}

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims a key atomically; false when it was claimed before (by this or a concurrent request). */
    boolean claim(long companyId, long userId, String key, String requestHash) {
        return jdbc.sql("""
                                insert into idempotency_record (company_id, user_id, idem_key, request_hash, completed)
                                values (?, ?, ?, ?, false) on conflict do nothing""").params(companyId, userId, key, requestHash).update() == 1;
    }

    Optional<Stored> find(long companyId, long userId, String key) {
        return jdbc.sql("""
                        select request_hash, completed, status_code, content_type, response_body
                        from idempotency_record where company_id = ? and user_id = ? and idem_key = ?""")
                .params(companyId, userId, key)
                .query((rs, n) -> new Stored(
                        rs.getString(1), rs.getBoolean(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    void complete(long companyId, long userId, String key, int status, String contentType, String body) {
        jdbc.sql("""
                        update idempotency_record set completed = true, status_code = ?, content_type = ?,
                               response_body = ?
                        where company_id = ? and user_id = ? and idem_key = ?""").params(status, contentType, body, companyId, userId, key).update();
    }

    void release(long companyId, long userId, String key) {
        jdbc.sql("delete from idempotency_record where company_id = ? and user_id = ? and idem_key = ?")
                .params(companyId, userId, key)
                .update();
    }

    /** Keys are honoured for a day, like the retry windows of common payment and shop APIs. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("delete from idempotency_record where created_at < ?")
                .param(OffsetDateTime.now().minusDays(1))
                .update();
    }
}
