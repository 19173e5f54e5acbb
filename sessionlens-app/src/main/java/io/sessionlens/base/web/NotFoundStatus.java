package io.sessionlens.base.web;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page address that no route matches answers 404, not 200. Vaadin serves the same bootstrap page for every path and
 * shows {@code NotFoundView} only after the page has loaded, so its status never reaches the HTTP answer; this filter
 * asks Vaadin's route registry before and sets the status of the page's answer. The page still shows "Page not found"
 * with a way back. Static files, the API, the share page and Vaadin's own requests pass untouched.
 */
@Component
class NotFoundStatus extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) return true;
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.contains("text/html") && !accept.contains("*/*")) return true;
        String path = path(request);
        // share/: the read-only investigation page, served by a controller that sets its own status (decision 038)
        return path.startsWith("api/") || path.startsWith("share/") || path.startsWith("VAADIN/")
                || path.startsWith("HEARTBEAT")
                || path.startsWith("actuator") || isStaticFile(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()));
        if (registry.getNavigationRouteTarget(path(request)).hasTarget()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc == HttpServletResponse.SC_OK ? HttpServletResponse.SC_NOT_FOUND : sc);
            }
        });
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.startsWith("/") ? uri.substring(1) : uri;
    }

    /** Files under META-INF/resources (styles, scripts, the favicon) and the like. */
    private static boolean isStaticFile(String path) {
        if (path.isEmpty()) return false;
        return NotFoundStatus.class.getClassLoader().getResource("META-INF/resources/" + path) != null
                || path.equals("favicon.ico") || path.equals("robots.txt") || path.endsWith(".js")
                || path.endsWith(".css") || path.endsWith(".map") || path.equals("sw.js")
                || path.endsWith(".webmanifest");
    }
}
