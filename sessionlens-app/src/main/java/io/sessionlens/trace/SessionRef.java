package io.sessionlens.trace;

/**
 * A session's identity: MLflow scopes {@code mlflow.trace.session} to an experiment. {@code sessionId} is the session id,
 * or the trace id for a trace that has none (it is then a one-turn session of its own). The one record for it in every
 * API; the database calls the second part {@code session_key}.
 */
public record SessionRef(String experimentId, String sessionId) {}
