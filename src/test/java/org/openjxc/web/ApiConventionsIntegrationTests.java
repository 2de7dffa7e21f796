package org.openjxc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input of every kind gets a 4xx problem+json with a stable code and changes nothing. */
@IntegrationTest
class ApiConventionsIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void login() {
        admin = Api.admin(port);
    }

    @Test
    void answersUnauthenticatedCallsWith401Problem() {
        var r = Api.anonymous(port).get("/api/v1/users");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesAnInvalidToken() {
        var r = Api.anonymous(port)
                .withHeader("Authorization", "Bearer ojx_forged")
                .get("/api/v1/users");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void answersMalformedJsonWithValidationFailed() {
        long before = userCount();
        var r = admin.post("/api/v1/users", "{\"username\": \"abc\",");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void answersAMissingBodyWithValidationFailed() {
        var r = admin.postRaw("/api/v1/users", "application/json", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void namesTheFieldOfAWrongType() {
        var r = admin.post(
                "/api/v1/users",
                "{\"username\": \"abc\", \"password\": \"12345678\", \"displayName\": \"x\", \"roles\": \"ADMIN\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
    }

    @Test
    void refusesUnknownFieldsInsteadOfDroppingThem() {
        var r = admin.post(
                "/api/v1/users",
                Map.of("username", Api.unique("x"), "password", "Secret-pw-7", "displayName", "x", "nickname", "y"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("nickname");
    }

    @Test
    void listsEveryInvalidFieldWithALocalizedMessage() {
        var r = admin.withHeader("Accept-Language", "en")
                .post("/api/v1/users", Map.of("username", "a b", "password", "short", "displayName", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Invalid input");
        assertThat(r.json().get("errors")).hasSize(3);
        assertThat(r.text()).contains("\"field\":\"username\"", "\"field\":\"password\"", "\"field\":\"displayName\"");

        var zh = admin.post("/api/v1/users", Map.of("username", "a b", "password", "short", "displayName", "x"));
        assertThat(zh.json().get("title").asString()).isEqualTo("输入有误");
    }

    @Test
    void answersUnknownPathsWith404Problem() {
        var r = admin.get("/api/v1/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answersAWrongMethodWith405Problem() {
        var r = admin.delete("/api/v1/users");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void answersAWrongContentTypeWith415Problem() {
        var r = admin.postRaw("/api/v1/users", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refusesOversizedBodiesWith413() {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        var r = admin.postRaw("/api/v1/users", "application/json", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void validatesPagingAndSorting() {
        assertThat(admin.get("/api/v1/users?size=0").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/users?size=100000").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/users?page=-1").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/users?page=abc").code()).isEqualTo("VALIDATION_FAILED");
        var injected = admin.get("/api/v1/users?sort=username;drop%20table%20app_user,asc");
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
        assertThat(admin.get("/api/v1/users?sort=username,sideways").status()).isEqualTo(400);
    }

    @Test
    void pagesListsInTheContractShape() {
        admin.newUser();
        admin.newUser();
        var r = admin.get("/api/v1/users?page=0&size=1&sort=username,desc");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("items")).hasSize(1);
        assertThat(r.json().get("page").asInt()).isZero();
        assertThat(r.json().get("size").asInt()).isEqualTo(1);
        assertThat(r.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void treatsSqlMetacharactersInFiltersAsText() {
        var r = admin.get("/api/v1/users?q=%27%20or%201%3D1--");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("total").asLong()).isZero();
        var wildcard = admin.get("/api/v1/users?q=%25");
        assertThat(wildcard.json().get("total").asLong()).isZero();
    }

    @Test
    void publishesTheOpenApiDocument() {
        var r = Api.anonymous(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/v1/items")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/auth/token")).isTrue();
    }

    private long userCount() {
        return admin.get("/api/v1/users?size=1").json().get("total").asLong();
    }
}
