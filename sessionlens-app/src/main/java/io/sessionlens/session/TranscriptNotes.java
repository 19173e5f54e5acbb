package io.sessionlens.session;

import io.sessionlens.trace.SessionRef;
import java.util.Map;

/**
 * The analysts' annotations of a session as Markdown for its transcript export, provided by the annotation feature
 * (which sits above this one; decision record 027): key 0 the session's own, key n turn n's (its spans' included).
 */
public interface TranscriptNotes {
    Map<Integer, String> of(SessionRef ref);
}
