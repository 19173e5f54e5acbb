package io.sessionlens.account;

import io.sessionlens.base.security.Role;

/** Whom an API token signs in: the owner's name and current role. */
public record TokenOwner(String username, Role role) {}
