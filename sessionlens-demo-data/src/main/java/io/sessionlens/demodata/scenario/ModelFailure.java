package io.sessionlens.demodata.scenario;

/** The primary model call failed; the app retried on {@link #fallbackModel}, which produced the rest of the turn. */
public record ModelFailure(String failedModel, String fallbackModel, Failure failure) {}
