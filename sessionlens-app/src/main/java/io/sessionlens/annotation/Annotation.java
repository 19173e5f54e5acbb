package io.sessionlens.annotation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's annotation on a session ({@code traceId} and {@code spanId} null), a turn ({@code traceId}) or a span
 * (both). {@code turn}: the turn's number (1-based) in the session as it is now, null for the session or when the trace
 * is no longer in it. A label ({@code labelName} and {@code labelValue}, both or neither) and/or a Markdown
 * {@code note}. {@code editedBy}/{@code editedAt}: the latest edit, null when never edited; the earlier versions are in
 * {@link AnnotationService#history}. {@code version}: what an edit or removal must name (optimistic locking).
 */
public record Annotation(long id, String experimentId, String sessionId, AnnotationTarget target,
        @Nullable Integer turn, @Nullable String traceId, @Nullable String spanId, @Nullable String labelName,
        @Nullable String labelValue, String note, String author, Instant createdAt, @Nullable String editedBy,
        @Nullable Instant editedAt, long version) {
    /** The longest note, in characters. */
    public static final int NOTE_MAX = 20_000;

    public boolean edited() {
        return editedAt != null;
    }

    public boolean hasLabel() {
        return labelName != null;
    }

    /** {@code failure_kind: wrong retrieval}, or empty without a label. */
    public String labelText() {
        return labelName == null ? "" : labelName + ": " + labelValue;
    }
}
