package io.sessionlens.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code page} and {@code size} of any API list: whole numbers, {@code page} from 0, {@code size} from 1, and together
 * no further than {@link #MAX_OFFSET} rows in; anything else is a 400 with a message, never a 500 from the database.
 */
@Component
class PagingGuard extends OncePerRequestFilter {
    /** Far beyond any real list, and far below where an offset overflows. */
    static final long MAX_OFFSET = 100_000_000;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (request.getParameter("page") == null && request.getParameter("size") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Long page = number(request.getParameter("page"), 0);
        Long size = number(request.getParameter("size"), 50);
        String error = null;
        if (page == null || page < 0) error = "page must be a whole number from 0";
        else if (size == null || size < 1) error = "size must be a whole number from 1";
        else if (page * size > MAX_OFFSET) error = "page × size may reach at most %,d rows in".formatted(MAX_OFFSET);
        if (error != null) {
            JsonError.send(response, HttpServletResponse.SC_BAD_REQUEST,
                    error + " (page=" + request.getParameter("page")
                            + ", size=" + request.getParameter("size") + ")");
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable Long number(@Nullable String raw, long absent) {
        if (raw == null) return absent;
        try {
            long n = Long.parseLong(raw.trim());
            return n > Integer.MAX_VALUE ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
