package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/** A scorer that crashed instead of judging: not a verdict on the conversation, so no signal uses it. */
public record ScorerError(String traceId, String name, @Nullable String errorCode, @Nullable String message) {}
