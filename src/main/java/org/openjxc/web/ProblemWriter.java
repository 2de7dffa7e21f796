package org.openjxc.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details with a stable {@code code}, a localized title and detail,
 * field errors and the facts of the refusal. The one place where errors become API answers.
 */
@Component
public class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public Map<String, Object> problem(HttpServletRequest request, BusinessException e) {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body =
                base(request, e.code(), message(locale, e.messageKey(), e.args().toArray()));
        if (!e.violations().isEmpty()) {
            body.put(
                    "errors",
                    e.violations().stream()
                            .map(v -> Map.of(
                                    "field",
                                    v.field(),
                                    "message",
                                    message(locale, v.messageKey(), v.args().toArray())))
                            .toList());
        }
        e.facts().forEach(body::putIfAbsent);
        return body;
    }

    public Map<String, Object> problem(
            HttpServletRequest request, ErrorCode code, String detailKey, List<FieldViolation> errors, Object... args) {
        return problem(request, new BusinessException(code, detailKey, args).withViolations(errors));
    }

    public void write(HttpServletResponse response, int status, Map<String, Object> problem) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, BusinessException e)
            throws IOException {
        write(response, e.code().status(), problem(request, e));
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detailKey, Object... args)
            throws IOException {
        write(request, response, new BusinessException(code, detailKey, args));
    }

    public String message(HttpServletRequest request, String key, Object... args) {
        return message(locales.resolveLocale(request), key, args);
    }

    private Map<String, Object> base(HttpServletRequest request, ErrorCode code, String detail) {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", message(locale, code.titleKey()));
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code.name());
        return body;
    }

    /**
     * What went wrong, in one sentence for a page's flash message: the first field problem if
     * there is one (it says more than "validation failed"), else the exception's own message.
     */
    public String sentence(Locale locale, BusinessException e) {
        var v = e.violations().isEmpty() ? null : e.violations().get(0);
        return v == null
                ? message(locale, e.messageKey(), e.args().toArray())
                : message(locale, v.messageKey(), v.args().toArray());
    }

    /** A message in the given language, entity names translated. */
    public String message(Locale locale, String key, Object... args) {
        Object[] localized = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            localized[i] = entityName(locale, args[i]);
        }
        return messages.getMessage(key, localized, key, locale);
    }

    /** Entity names in messages ("Item") are shown in the user's language (商品). */
    private Object entityName(Locale locale, Object arg) {
        if (arg instanceof String s && ENTITY.matcher(s).matches()) {
            return messages.getMessage("entity." + s, null, s, locale);
        }
        return arg;
    }

    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("[A-Z][A-Za-z]{1,30}");
}
