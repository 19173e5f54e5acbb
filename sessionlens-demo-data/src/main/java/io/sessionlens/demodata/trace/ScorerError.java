package io.sessionlens.demodata.trace;

/** A scorer that failed: the feedback carries this instead of a value. */
public record ScorerError(String errorCode, String errorMessage, String stackTrace) {}
