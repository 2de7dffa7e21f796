package org.openjxc.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: pages are Chinese (zh-CN) unless the user switched with {@code ?lang=en} (kept in a
 * cookie); the API follows {@code Accept-Language}, Chinese by default.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Nightly and periodic jobs (reconciliation, forecasts, count plans, webhook sending, resuming
     * re-valuations). With several nodes, {@code openjxc.scheduling.enabled=false} on all but one
     * keeps them from running twice (docs/SCALING.md).
     */
    @Configuration
    @EnableScheduling
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "openjxc.scheduling.enabled",
            matchIfMissing = true)
    static class Scheduling {}

    private final PermissionInterceptor permissions;

    WebConfiguration(PermissionInterceptor permissions) {
        this.permissions = permissions;
    }

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("openjxc-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(permissions);
    }

    static Locale defaultLocale(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/") || request.getHeader("Accept-Language") == null) {
            return CHINESE;
        }
        Enumeration<Locale> wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            String language = wanted.nextElement().getLanguage();
            if (language.equals("zh")) {
                return CHINESE;
            }
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }
}
