package io.sessionlens.base.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do. Each role includes the ones before it: a viewer reads; an analyst also imports (and later
 * annotates and reviews); a manager also changes an experiment's settings (turn mapping, judge polarity) and reads the
 * audit log; an admin also manages users. A signed-in user holds the authority of their role and of every role below
 * it, so {@code @RolesAllowed(Roles.ANALYST)} admits managers and admins too.
 */
public enum Role {
    VIEWER, ANALYST, MANAGER, ADMIN;

    /** The Spring Security authority, {@code ROLE_ANALYST}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role it includes. */
    public List<Role> included() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).toList();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The lower-case name the API and the pages use ({@code analyst}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code viewer}, {@code ANALYST} …; empty for anything else. */
    public static Optional<Role> parse(String s) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(s.strip())).findFirst();
    }
}
