package io.sessionlens.base.security;

/** The role names as constants, for {@code @RolesAllowed} on views (an annotation cannot take {@link Role}). */
public final class Roles {
    public static final String VIEWER = "VIEWER";
    public static final String ANALYST = "ANALYST";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
