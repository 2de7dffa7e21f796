package org.openjxc.access.internal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.openjxc.access.TokenView;
import org.openjxc.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues bearer tokens; only their SHA-256 is stored. */
@Repository
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TokenCache tokens;

    ApiTokens(JdbcClient jdbc, TokenCache tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** Issues a new token and returns its clear text, which is never stored. */
    public String issue(long companyId, long userId, OffsetDateTime expiresAt, String label) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "ojx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_token (company_id, user_id, token_hash, expires_at, label) values (?, ?, ?, ?, ?)")
                .params(companyId, userId, hash(token), expiresAt, label)
                .update();
        return token;
    }

    public static String hash(String token) {
        return Text.sha256Hex(Text.utf8(token));
    }

    public List<TokenView> ofUser(long companyId, long userId) {
        return jdbc.sql("""
                        select id, label, created_at, expires_at, revoked_at from api_token
                        where company_id = ? and user_id = ? order by created_at desc, id desc""").params(companyId, userId).query(TokenView.class).list();
    }

    /** Revokes one token of a user; false if there is no such unrevoked token. */
    public boolean revoke(long companyId, long userId, long id, OffsetDateTime now) {
        tokens.accessChanged();
        return jdbc.sql("""
                                update api_token set revoked_at = ?
                                where company_id = ? and user_id = ? and id = ? and revoked_at is null""").params(now, companyId, userId, id).update() == 1;
    }

    /** Revokes every token of a user: a lost laptop, a leaver, a password reset. */
    public int revokeAll(long companyId, long userId, OffsetDateTime now) {
        tokens.accessChanged();
        return jdbc.sql("""
                        update api_token set revoked_at = ?
                        where company_id = ? and user_id = ? and revoked_at is null""").params(now, companyId, userId).update();
    }
}
