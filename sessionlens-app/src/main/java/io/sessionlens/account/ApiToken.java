package io.sessionlens.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token as its owner sees it later: never the token itself, which is shown once. */
public record ApiToken(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {}
