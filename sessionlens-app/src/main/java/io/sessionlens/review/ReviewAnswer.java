package io.sessionlens.review;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reviewer's answer to an item: the root-cause turn ({@code null}: no root cause) and kind, a note, and the label
 * values by schema name; or a skip.
 */
public record ReviewAnswer(String reviewer, boolean skipped, @Nullable Integer turn, @Nullable String kind, String note,
        Map<String, String> labels, Instant answeredAt) {
    public ReviewAnswer {
        labels = Map.copyOf(labels);
    }

    /** The root-cause answer as one comparable value: {@code turn 3 · tool_error} or {@code no root cause}. */
    public String verdictValue() {
        return turn == null ? "no root cause" : "turn " + turn + " · " + kind;
    }
}
