package io.sessionlens.account;

import io.sessionlens.base.security.Role;
import java.time.Instant;

/** A user as the pages and the API show it (never the password hash). */
public record UserAccount(String username, Role role, boolean demo, boolean enabled, Instant createdAt) {}
