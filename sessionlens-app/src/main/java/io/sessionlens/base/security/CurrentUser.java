package io.sessionlens.base.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the current request or UI: their name and role, and what that lets them do. Views use it to
 * hide write controls ({@link #canWrite()}), services to name who did something ({@link #actor()}). Reads Spring
 * Security's context (Vaadin keeps it per UI session, the API sets it per request), so it is plain static calls.
 */
public final class CurrentUser {
    /** Who did a write that no signed-in user asked for (the demo loader, start-up). */
    public static final String SYSTEM = "system";

    private CurrentUser() {}

    public static Optional<String> username() {
        Authentication a = authentication();
        return a == null ? Optional.empty() : Optional.of(a.getName());
    }

    /** The highest role the user holds; empty when nobody is signed in. */
    public static Optional<Role> role() {
        Authentication a = authentication();
        if (a == null) return Optional.empty();
        Role best = null;
        for (GrantedAuthority g : a.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(g.getAuthority()) && (best == null || r.includes(best))) best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    public static boolean has(Role role) {
        return role().map(r -> r.includes(role)).orElse(false);
    }

    /** Analyst or more: imports (and later annotates and reviews). A viewer sees no write controls. */
    public static boolean canWrite() {
        return has(Role.ANALYST);
    }

    /** Manager or more: experiment settings, the audit log. */
    public static boolean canManage() {
        return has(Role.MANAGER);
    }

    public static boolean isAdmin() { return has(Role.ADMIN); }

    /** The user name for the audit log, {@link #SYSTEM} outside any signed-in request. */
    public static String actor() {
        return username().orElse(SYSTEM);
    }

    private static @Nullable Authentication authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) return null;
        return a;
    }
}
