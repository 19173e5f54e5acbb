package io.sessionlens.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that changes data through the API ({@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH} under
 * {@code /api/}) and carries an {@code Origin} header must come from a page of this app: a browser sends {@code Origin}
 * with every cross-site write, so another site's page cannot import or change settings through a user's browser. Tools
 * such as curl send no {@code Origin} and are let through (there are no logins yet; they come with a later issue).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SameOriginGuard extends OncePerRequestFilter {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            JsonError.send(response, HttpServletResponse.SC_FORBIDDEN, "a request from another site (" + origin
                    + ") may not change data here; open SessionLens itself to import");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Same scheme-less host and port as the request was sent to ({@code Host}); "null" (a sandboxed page) is not. */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null) return false;
            String host = request.getHeader("Host");
            if (host == null) return false;
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return (o.getHost() + ":" + port).toLowerCase(Locale.ROOT)
                    .equals(withPort(host, request).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String withPort(String host, HttpServletRequest request) {
        if (host.startsWith("[") ? host.contains("]:") : host.contains(":")) return host;
        return host + ":" + (request.isSecure() ? 443 : 80);
    }
}
