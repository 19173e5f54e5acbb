package io.sessionlens.account.auth;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.sessionlens.account.TokenService;
import io.sessionlens.account.ui.LoginView;
import io.sessionlens.base.security.Roles;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains (decision records 021, 022).
 * <ul>
 * <li>{@code /api/**}: HTTP Basic or a personal API token, or the browser's signed-in session (the "Export Markdown"
 * link); never creates a session. Writes that come with only the session cookie need the CSRF token; writes with an
 * {@code Authorization} header do not (another site's page cannot set that header, and {@code SameOriginGuard} turns
 * away cross-site writes anyway). 401/403 as JSON.</li>
 * <li>Everything else: Vaadin's configurer with the login view, its CSRF protection and view access control
 * ({@code @PermitAll}/{@code @RolesAllowed} on every view).</li>
 * </ul>
 * Security headers: {@code base.web.SecurityHeaders} writes X-Content-Type-Options, X-Frame-Options, Referrer-Policy and
 * the Content-Security-Policy on every answer, so Spring Security's own writers of the first two are off (no second,
 * conflicting X-Frame-Options: DENY); its Cache-Control for signed-in answers stays.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Bean
    PasswordEncoder passwordEncoder(@Value("${sessionlens.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens) throws Exception {
        var errors = new ApiAuthErrors();
        // only a browser session can be ridden by another site's page; without one there is nothing to forge (→ 401)
        RequestMatcher cookieOnlyWrite = r -> WRITES.contains(r.getMethod()) && r.getHeader("Authorization") == null
                && r.getRequestedSessionId() != null;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/users", "/api/users/**").hasRole(Roles.ADMIN)
                        .requestMatchers(GET, "/api/audit").hasRole(Roles.MANAGER)
                        .requestMatchers(GET, "/api/overview", "/api/overview.csv").hasRole(Roles.MANAGER)
                        .requestMatchers("/api/tokens", "/api/tokens/**").hasRole(Roles.VIEWER)
                        .requestMatchers(PUT, "/api/experiments/*/settings").hasRole(Roles.MANAGER)
                        .requestMatchers(POST, "/api/queues", "/api/queues/*/close", "/api/queues/*/items/*/adjudicate")
                        .hasRole(Roles.MANAGER)
                        .requestMatchers(DELETE, "/api/queues/*").hasRole(Roles.MANAGER)
                        .requestMatchers(POST, "/api/experiments/*/label-schemas").hasRole(Roles.MANAGER)
                        .requestMatchers(PUT, "/api/label-schemas/*").hasRole(Roles.MANAGER)
                        .requestMatchers(DELETE, "/api/label-schemas/*").hasRole(Roles.MANAGER)
                        .requestMatchers(GET, "/api/**").hasRole(Roles.VIEWER)
                        .anyRequest().hasRole(Roles.ANALYST))
                .httpBasic(b -> b.authenticationEntryPoint(errors))
                .addFilterBefore(new BearerTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.requireCsrfProtectionMatcher(cookieOnlyWrite))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(SecurityConfig::leaveHeadersToSecurityHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        // Our own static styles and scripts (META-INF/resources) and the ECharts webjar: the login page needs the styles
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/scripts/**", "/webjars/**").permitAll());
        // An investigation's read-only share link (decision record 038): the token is the permission, and the page
        // shows that investigation only. Exactly one path segment: nothing under it.
        http.authorizeHttpRequests(a -> a.requestMatchers(GET, "/share/*").permitAll());
        // Vaadin 25 denies every URL that is not a known route; signed-in users get the "Page not found" view instead
        http.with(VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).anyRequest(any -> any.authenticated()));
        http.headers(SecurityConfig::leaveHeadersToSecurityHeaders);
        return http.build();
    }

    private static void leaveHeadersToSecurityHeaders(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable());
    }
}
