package io.sessionlens.trace.model;

import org.jspecify.annotations.Nullable;

/** A scorer failure ({@code feedback.error}): not a verdict on the trace. */
public record AssessmentError(@Nullable String errorCode, @Nullable String errorMessage, @Nullable String stackTrace) {}
