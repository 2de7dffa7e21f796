package org.openjxc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code Idempotency-Key}: a replay returns the first answer and changes nothing. */
@IntegrationTest
class IdempotencyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void replaysTheFirstAnswerAndCreatesOnce() {
        Api admin = Api.admin(port);
        String key = Api.unique("key");
        String username = Api.unique("idem").replace("-", "_");
        Map<String, Object> body = Map.of("username", username, "password", "Secret-pw-7", "displayName", "I");

        var first = admin.withHeader("Idempotency-Key", key).post("/api/v1/users", body);
        var second = admin.withHeader("Idempotency-Key", key).post("/api/v1/users", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(admin.get("/api/v1/audit-log?entity=User&action=CREATE&key=" + username)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() {
        Api admin = Api.admin(port);
        String key = Api.unique("key");
        admin.withHeader("Idempotency-Key", key)
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("a").replace("-", "_"),
                                "password",
                                "Secret-pw-7",
                                "displayName",
                                "A"));
        var other = admin.withHeader("Idempotency-Key", key)
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("b").replace("-", "_"),
                                "password",
                                "Secret-pw-7",
                                "displayName",
                                "B"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void keepsRefusalsSoAReplayIsRefusedTheSameWay() {
        Api admin = Api.admin(port);
        String key = Api.unique("key");
        Map<String, Object> bad =
                Map.of("username", "no spaces allowed", "password", "Secret-pw-7", "displayName", "A");
        var first = admin.withHeader("Idempotency-Key", key).post("/api/v1/users", bad);
        var second = admin.withHeader("Idempotency-Key", key).post("/api/v1/users", bad);
        assertThat(first.status()).isEqualTo(400);
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void scopesKeysToTheUser() {
        Api admin = Api.admin(port);
        Api other = admin.newUser("ADMIN");
        String key = Api.unique("key");
        var a = admin.withHeader("Idempotency-Key", key)
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("c").replace("-", "_"),
                                "password",
                                "Secret-pw-7",
                                "displayName",
                                "C"));
        var b = other.withHeader("Idempotency-Key", key)
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                Api.unique("d").replace("-", "_"),
                                "password",
                                "Secret-pw-7",
                                "displayName",
                                "D"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
    }

    @Test
    void concurrentRetriesCreateExactlyOnce() throws Exception {
        Api admin = Api.admin(port);
        String key = Api.unique("key");
        String username = Api.unique("race").replace("-", "_");
        Map<String, Object> body = Map.of("username", username, "password", "Secret-pw-7", "displayName", "R");
        int threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return admin.withHeader("Idempotency-Key", key).post("/api/v1/users", body);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Api.Response> f : results) {
                int status = f.get().status();
                // Either the stored answer or "still in progress"; never a second user or a 500.
                assertThat(status).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.get("/api/v1/users/" + username).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/audit-log?entity=User&action=CREATE&key=" + username)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }
}
