package io.sessionlens.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The summary line of the sessions list: how many sessions match the filters (whatever their verdict), split by verdict,
 * and the root causes by kind ({@code tool_error} …, most frequent first). One query gives all of it, and the list's
 * total is read from it rather than counted again.
 */
public record SessionSummary(long total, long rootCause, long healthy, long notAnalysed, Map<String, Long> byKind) {
    public SessionSummary {
        byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
    }

    public long count(SessionVerdict verdict) {
        return switch (verdict) {
            case ROOT_CAUSE -> rootCause;
            case HEALTHY -> healthy;
            case NOT_ANALYSED -> notAnalysed;
        };
    }

    /** How many of these sessions a filter on this verdict and kind keeps (both null: all of them). */
    public long matching(@Nullable SessionVerdict verdict, @Nullable String kind) {
        if (kind != null) return byKind.getOrDefault(kind, 0L);
        return verdict == null ? total : count(verdict);
    }
}
