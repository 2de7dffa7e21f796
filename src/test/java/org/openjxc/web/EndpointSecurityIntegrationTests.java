package org.openjxc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjxc.shared.OwnAccount;
import org.openjxc.shared.PublicEndpoint;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.support.Api;
import org.openjxc.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint of the application: each declares its permission (or says why it is
 * public), every API endpoint answers 401 without a token and 403 without the permission. A new
 * endpoint that forgets its check fails here.
 */
@IntegrationTest
class EndpointSecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointDeclaresItsPermissionOrWhyItIsPublic() {
        List<String> undeclared = new ArrayList<>();
        ours().forEach((info, method) -> {
            boolean declared = method.hasMethodAnnotation(RequiresPermission.class)
                    || method.hasMethodAnnotation(PublicEndpoint.class)
                    || method.hasMethodAnnotation(OwnAccount.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RequiresPermission.class);
            if (!declared) {
                undeclared.add(info + " -> " + method);
            }
        });
        assertThat(undeclared).isEmpty();
        assertThat(ours()).hasSizeGreaterThan(5);
    }

    @Test
    void everyGuardedApiEndpointAnswers401WithoutTokenAnd403WithoutPermission() {
        Api anonymous = Api.anonymous(port);
        Api nobody = Api.admin(port).newUser();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var entry : ours().entrySet()) {
            HandlerMethod method = entry.getValue();
            if (method.hasMethodAnnotation(PublicEndpoint.class)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                var methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    checked++;
                    int unauthenticated = call(anonymous, m, path).status();
                    int forbidden = call(nobody, m, path).status();
                    if (unauthenticated != 401) {
                        failures.add(m + " " + path + " without token: " + unauthenticated);
                    }
                    // Every logged-in user may reach their own account; nobody else's data is behind it.
                    if (forbidden != 403 && !method.hasMethodAnnotation(OwnAccount.class)) {
                        failures.add(m + " " + path + " without permission: " + forbidden);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(3);
    }

    /**
     * Every text filter of every list endpoint takes quotes, comment markers, LIKE wildcards and
     * backslashes as plain text: no error, and nothing matches what nothing contains.
     */
    @Test
    void sqlMetacharactersInEveryTextFilterAreJustText() {
        Api admin = Api.admin(port);
        List<String> values = List.of("' OR '1'='1", "%", "\\", "'; drop table item; --", "\" OR 1=1 --");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var entry : ours().entrySet()) {
            HandlerMethod method = entry.getValue();
            var methods = entry.getKey().getMethodsCondition().getMethods();
            if (!(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.contains("{")) {
                    continue;
                }
                for (var parameter : method.getMethodParameters()) {
                    var param = parameter.getParameterAnnotation(
                            org.springframework.web.bind.annotation.RequestParam.class);
                    if (param == null || parameter.getParameterType() != String.class) {
                        continue;
                    }
                    String name = param.name().isEmpty() ? param.value() : param.name();
                    if (name.isEmpty()) {
                        name = parameter.getParameterName();
                    }
                    if (name == null || name.equals("sort")) {
                        continue;
                    }
                    for (String value : values) {
                        checked++;
                        String path = pattern + "?" + name + "="
                                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
                        var response = admin.get(path);
                        if (response.status() >= 500) {
                            failures.add(path + " -> " + response.status());
                        } else if (response.status() == 200
                                && response.json().has("total")
                                && response.json().get("total").asLong() != 0) {
                            failures.add(path + " matched " + response.json().get("total") + " rows");
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void pagesRedirectAnonymousVisitorsToLogin() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String page : List.of("/", "/users", "/audit-log")) {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + page))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    private static Api.Response call(Api api, RequestMethod method, String path) {
        return switch (method) {
            case POST -> api.post(path, Map.of());
            case PUT -> api.put(path, Map.of());
            case DELETE -> api.delete(path);
            default -> api.get(path);
        };
    }

    private Map<RequestMappingInfo, HandlerMethod> ours() {
        var result = new java.util.LinkedHashMap<RequestMappingInfo, HandlerMethod>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getName().startsWith("org.openjxc.")) {
                result.put(info, method);
            }
        });
        return result;
    }
}
