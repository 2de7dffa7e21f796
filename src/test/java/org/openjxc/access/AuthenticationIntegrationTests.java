package org.openjxc.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuthenticationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesATokenThatAuthenticatesApiCalls() {
        var r = Api.anonymous(port)
                .post("/api/v1/auth/token", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token").asString()).startsWith("ojx_");
        assertThat(r.json().get("expiresAt").asString()).isNotBlank();
        assertThat(Api.admin(port).get("/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void storesPasswordsAndTokensOnlyAsHashes() {
        Api admin = Api.admin(port);
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Api.ADMIN_PASSWORD);
        long clearTokens = jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(admin.token())
                .query(Long.class)
                .single();
        assertThat(clearTokens).isZero();
    }

    @Test
    void refusesAWrongPasswordWith401() {
        // Never guess admin's password here: the lockout would break the other tests sharing the database.
        Api user = Api.admin(port).newUser();
        var r = Api.anonymous(port)
                .post("/api/v1/auth/token", Map.of("username", usernameOf(user), "password", "wrong"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        var unknown =
                Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", "nobody-here", "password", "x"));
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void refusesAnIncompleteTokenRequest() {
        var r = Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", "admin"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void locksAnAccountAfterRepeatedFailuresEvenForTheRightPassword() {
        Api admin = Api.admin(port);
        Api user = admin.newUser("WAREHOUSE_CLERK");
        String username = usernameOf(user);
        for (int i = 0; i < 5; i++) {
            assertThat(Api.anonymous(port)
                            .post("/api/v1/auth/token", Map.of("username", username, "password", "guess-" + i))
                            .status())
                    .isEqualTo(401);
        }
        var locked =
                Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pw-1"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(admin.get("/api/v1/audit-log?action=LOGIN_FAILED&key=" + username)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(5);
    }

    @Test
    void aDisabledUserCanNeitherLogInNorUseTheirToken() {
        Api admin = Api.admin(port);
        Api user = admin.newUser("WAREHOUSE_CLERK");
        String username = usernameOf(user);
        // Used once first, so that a remembered token would be tried (and must not be honoured).
        assertThat(user.get("/api/v1/items").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/" + username + "/disable", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(user.get("/api/v1/audit-log").status()).isEqualTo(401);
        assertThat(Api.anonymous(port)
                        .post("/api/v1/auth/token", Map.of("username", username, "password", "secret-pw-1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void createsUsersWithRolesAndRefusesDuplicatesAndUnknownRoles() {
        Api admin = Api.admin(port);
        String username = Api.unique("clerk").replace("-", "_");
        var created = admin.post(
                "/api/v1/users",
                Map.of("username", username, "password", "Secret-pw-7", "displayName", "库管", "roles", new String[] {
                    "WAREHOUSE_CLERK"
                }));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("roles").get(0).asString()).isEqualTo("WAREHOUSE_CLERK");
        assertThat(created.text()).doesNotContain("password");

        var duplicate = admin.post(
                "/api/v1/users", Map.of("username", username, "password", "Secret-pw-7", "displayName", "x"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_CODE");

        String other = Api.unique("other").replace("-", "_");
        var unknownRole = admin.post(
                "/api/v1/users",
                Map.of("username", other, "password", "Secret-pw-7", "displayName", "x", "roles", new String[] {"KING"
                }));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errors").get(0).get("field").asString())
                .isEqualTo("roles[0]");
        assertThat(admin.get("/api/v1/users/" + other).status()).isEqualTo(404);
    }

    @Test
    void auditsUserCreationWithWhoAndFromWhere() {
        Api admin = Api.admin(port);
        String username = usernameOf(admin.newUser());
        var entry = admin.get("/api/v1/audit-log?entity=User&action=CREATE&key=" + username)
                .json()
                .get("items")
                .get(0);
        assertThat(entry.get("username").asString()).isEqualTo("admin");
        assertThat(entry.get("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("after").asString()).contains(username);
    }

    @Test
    void permissionsAreCheckedOnEveryCall() {
        Api clerk = Api.admin(port).newUser("WAREHOUSE_CLERK");
        var r = clerk.get("/api/v1/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("FORBIDDEN");
    }

    private String usernameOf(Api user) {
        return jdbc.sql("select u.username from api_token t join app_user u on u.id = t.user_id where t.token_hash = ?")
                .param(org.openjxc.access.internal.ApiTokens.hash(user.token()))
                .query(String.class)
                .single();
    }
}
