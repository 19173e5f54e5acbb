package io.sessionlens.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's verdict on where a session went wrong; it supersedes the automatic one in the list, the filters and the
 * session document. {@code turn} null: the analyst says there is no root cause. {@code version}: what a later change must
 * name, so two analysts editing at once never silently overwrite each other. Decision record 026.
 */
public record HumanVerdict(@Nullable Integer turn, @Nullable String kind, String note, String reviewer,
        Instant decidedAt, long version) {}
