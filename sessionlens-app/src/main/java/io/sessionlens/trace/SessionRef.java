package io.sessionlens.trace;

/**
 * A session's identity: MLflow scopes {@code mlflow.trace.session} to an experiment. {@code sessionKey} is the session id,
 * or the trace id for a trace that has none (it is then a one-turn session of its own).
 */
public record SessionRef(String experimentId, String sessionKey) {}
