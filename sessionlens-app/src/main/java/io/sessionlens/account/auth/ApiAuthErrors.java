package io.sessionlens.account.auth;

import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.web.JsonError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's answers when a request may not go on, as JSON {@code {error}} like every other API error: 401 without (or
 * with wrong) credentials, 403 for a role that may not do it. The 401 challenges with {@code Bearer}, not
 * {@code Basic}, so a browser that opens an API link never pops up its own password dialog (and never caches Basic
 * credentials a cross-site form could then send along); clients send Basic credentials up front (curl -u).
 */
final class ApiAuthErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String SIGN_IN = "sign in first: send HTTP Basic credentials (curl -u user:password) or a personal "
            + "API token (Authorization: Bearer sl_…, made on the profile page)";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"SessionLens\"");
        String message = e instanceof InsufficientAuthenticationException
                ? SIGN_IN
                : e instanceof BadTokenException
                        ? e.getMessage()
                        : "the user name and password do not match an active account";
        JsonError.send(response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String message = e instanceof CsrfException
                ? "a write with the browser's session needs the page's CSRF token; scripts send HTTP Basic credentials"
                        + " or an API token"
                : "the role " + CurrentUser.role().map(r -> r.label()).orElse("(none)") + " of "
                        + CurrentUser.actor() + " may not " + request.getMethod() + " " + request.getRequestURI();
        JsonError.send(response, HttpServletResponse.SC_FORBIDDEN, message);
    }

    /** An {@code Authorization: Bearer} token that signs nobody in. */
    static final class BadTokenException extends AuthenticationException {
        BadTokenException(String message) {
            super(message);
        }
    }
}
