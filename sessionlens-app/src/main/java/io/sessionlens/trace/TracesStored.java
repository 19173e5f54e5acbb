package io.sessionlens.trace;

import java.util.Set;

/** Published after a batch of traces was committed: the sessions whose traces changed. */
public record TracesStored(Set<SessionRef> sessions) {}
