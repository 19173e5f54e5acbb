package io.sessionlens.account.auth;

import io.sessionlens.account.TokenOwner;
import io.sessionlens.account.TokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer sl_…}: signs the request in as the token's owner with the owner's current role, or
 * answers 401 when the token is unknown, revoked or its owner disabled. Nothing is kept in a session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "bearer ";
    private final TokenService tokens;
    private final ApiAuthErrors errors;

    BearerTokenFilter(TokenService tokens, ApiAuthErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        Optional<TokenOwner> owner = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (owner.isEmpty()) {
            holder.clearContext();
            errors.commence(request, response,
                    new ApiAuthErrors.BadTokenException(
                            "the API token is unknown or revoked, or its owner is disabled"));
            return;
        }
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get().username(), null,
                owner.get().role().included().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        holder.setContext(context);
        chain.doFilter(request, response);
    }
}
