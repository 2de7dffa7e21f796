package org.openjxc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for API tests: real requests on the test port, JSON in and out, bearer
 * token of the user it logged in as.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-Passw0rd";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;
    private final Map<String, String> headers;

    private Api(String base, String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    public static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port, null, Map.of());
    }

    public static Api admin(int port) {
        return anonymous(port).login("admin", ADMIN_PASSWORD);
    }

    /** A name no other test uses, so tests sharing a database never collide. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public Api login(String username, String password) {
        Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return new Api(base, r.json().get("token").asString(), headers);
    }

    /** Creates a user with the given roles and returns a client logged in as them. */
    public Api newUser(String... roles) {
        String username = unique("u").replace("-", "_");
        Response r = post(
                "/api/v1/users",
                Map.of("username", username, "password", "secret-pw-1", "displayName", username, "roles", roles));
        if (r.status() != 201) {
            throw new AssertionError("could not create user: " + r);
        }
        return login(username, "secret-pw-1");
    }

    /** Creates a user with the given roles and more fields (data scope, ...) and logs in as them. */
    public Api newUser(Map<String, Object> more, String... roles) {
        return login(createUser(more, roles), "secret-pw-1");
    }

    /** Creates a user (password {@code secret-pw-1}) and returns the username. */
    public String createUser(Map<String, Object> more, String... roles) {
        String username = unique("u").replace("-", "_");
        var body = new LinkedHashMap<String, Object>(
                Map.of("username", username, "password", "secret-pw-1", "displayName", username, "roles", roles));
        body.putAll(more);
        Response r = post("/api/v1/users", body);
        if (r.status() != 201) {
            throw new AssertionError("could not create user: " + r);
        }
        return username;
    }

    public Api withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, token, more);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads one file as the multipart part {@code file}. */
    public Response upload(String path, String fileName, byte[] content) {
        return upload("POST", path, fileName, content);
    }

    /** Uploads one file as the multipart part {@code file} with the given method. */
    public Response upload(String method, String path, String fileName, byte[] content) {
        String boundary = "----openjxc" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private Response sendJson(String method, String path, Object body) {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return send(request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, byte[] body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
