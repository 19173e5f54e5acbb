package io.sessionlens.account;

import java.time.Instant;

/** A token just created: the only time {@code token} is shown. */
public record CreatedToken(long id, String name, String token, Instant createdAt) {}
