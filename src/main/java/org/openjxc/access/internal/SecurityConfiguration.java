package org.openjxc.access.internal;

import org.openjxc.audit.AuditLog;
import org.openjxc.shared.ErrorCode;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two filter chains: the API ({@code /api/**}) is stateless with bearer tokens and answers
 * problem+json; the UI uses form login with sessions and CSRF protection. Beyond being logged in,
 * each endpoint's permission is checked by {@code @RequiresPermission} in the web layer.
 */
@Configuration
class SecurityConfiguration {

    /** Paths anyone may request. Everything else requires a logged-in user. */
    static final String[] PUBLIC_UI_PATHS = {
        "/login",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username ->
                accounts.loadForLogin(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder passwords,
            UserAccounts accounts,
            AccessProperties properties,
            TransactionTemplate transactions,
            AuditLog audit) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, accounts, properties, transactions, audit));
    }

    /** Metrics for a monitoring system: a bearer token of a user holding {@code VIEW_METRICS}. */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, UserAccounts accounts, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("VIEW_METRICS"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                request, response, ErrorCode.UNAUTHENTICATED, "error.UNAUTHENTICATED.detail"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, ErrorCode.FORBIDDEN, "error.FORBIDDEN.detail")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, UserAccounts accounts, ProblemWriter problems, AuthenticationManager manager)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                // Bearer tokens are not sent automatically by browsers, so CSRF cannot apply here.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                request, response, ErrorCode.UNAUTHENTICATED, "error.UNAUTHENTICATED.detail"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, ErrorCode.FORBIDDEN, "error.FORBIDDEN.detail")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(
            HttpSecurity http, AuthenticationManager manager, UserAccounts accounts, TokenCache tokens)
            throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
        http.authenticationManager(manager)
                .addFilterBefore(new SessionAccessRefresh(accounts, tokens), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_UI_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
