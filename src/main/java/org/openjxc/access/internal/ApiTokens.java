package org.openjxc.access.internal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.openjxc.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues bearer tokens; only their SHA-256 is stored. */
@Repository
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new token and returns its clear text, which is never stored. */
    public String issue(long companyId, long userId, OffsetDateTime expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "ojx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_token (company_id, user_id, token_hash, expires_at) values (?, ?, ?, ?)")
                .params(companyId, userId, hash(token), expiresAt)
                .update();
        return token;
    }

    public static String hash(String token) {
        return Text.sha256Hex(Text.utf8(token));
    }
}
