package io.sessionlens.annotation;

import org.jspecify.annotations.Nullable;

/**
 * What an analyst writes: on what ({@code target} {@code session}, {@code turn} or {@code span}; the turn by number or
 * by trace id, a span by trace id and span id; without a target: the session, or the turn/span the ids name), an
 * optional label ({@code label} a schema name of the experiment, {@code value} checked against it) and an optional
 * Markdown {@code note}; at least one of the two. An edit changes only label and note: the target stays.
 */
public record AnnotationDraft(@Nullable String target, @Nullable Integer turn, @Nullable String traceId,
        @Nullable String spanId, @Nullable String label, @Nullable String value, @Nullable String note) {

    public static AnnotationDraft onSession(@Nullable String label, @Nullable String value, @Nullable String note) {
        return new AnnotationDraft("session", null, null, null, label, value, note);
    }

    public static AnnotationDraft onTurn(int turn, @Nullable String label, @Nullable String value,
            @Nullable String note) {
        return new AnnotationDraft("turn", turn, null, null, label, value, note);
    }

    public static AnnotationDraft onSpan(String traceId, String spanId, @Nullable String label, @Nullable String value,
            @Nullable String note) {
        return new AnnotationDraft("span", null, traceId, spanId, label, value, note);
    }

    /** The same target with another label and note: what an edit sends. */
    public static AnnotationDraft edit(@Nullable String label, @Nullable String value, @Nullable String note) {
        return new AnnotationDraft(null, null, null, null, label, value, note);
    }
}
