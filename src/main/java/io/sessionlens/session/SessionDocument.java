package io.sessionlens.session;

import io.sessionlens.trace.TurnRow;
import java.util.List;

/** GET /api/sessions/{id}: the session with its turns in order. */
public record SessionDocument(String experimentId, String sessionId, boolean standalone, String user, List<TurnRow> turns) {}
