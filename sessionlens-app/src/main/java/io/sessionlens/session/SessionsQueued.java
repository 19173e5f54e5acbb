package io.sessionlens.session;

/**
 * Published once sessions were marked as waiting for analysis and that mark is committed (after an import's batch, or
 * when experiment settings were saved); the background analysis wakes up on it.
 */
public record SessionsQueued(int sessions) {}
