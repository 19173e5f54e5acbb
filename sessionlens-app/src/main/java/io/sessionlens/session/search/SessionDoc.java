package io.sessionlens.session.search;

import java.time.Instant;
import java.util.List;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.jspecify.annotations.Nullable;

/**
 * One session as the search engine holds it: every column the sessions list filters or sorts by, the verdict bucket the
 * summary line counts, the judges as {@code name} and {@code name␟value} terms, and the session's text (its key and turn
 * texts) analysed into words. Built by {@link SessionSearchIndex} from the session's row; never edited.
 */
@SearchEntity(name = "Session")
@Indexed(index = "sessions")
final class SessionDoc {
    static final String SEP = "\u001f";

    @DocumentId final String id;
    @KeywordField(sortable = Sortable.YES, projectable = Projectable.YES) final String experimentId;
    @KeywordField(sortable = Sortable.YES, projectable = Projectable.YES) final String sessionKey;
    /** The key lower-cased: a typed id prefix matches it whatever its case. */
    @KeywordField final String keyLower;
    @KeywordField(sortable = Sortable.YES, projectable = Projectable.YES) final @Nullable String userId;
    @KeywordField(sortable = Sortable.YES, projectable = Projectable.YES) final String worstState;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final int turnCount;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final int errorTurns;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final Instant firstRequestTime;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final Instant lastRequestTime;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final long totalDurationMs;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES) final @Nullable Integer rootCauseTurn;
    @KeywordField final @Nullable String rootCauseKind;
    @KeywordField final @Nullable String verdictSource;
    /** The root cause's kind ("other" without one), or {@code ~healthy}, or {@code ~not_analysed}: the summary's buckets. */
    @KeywordField(aggregable = Aggregable.YES) final String bucket;
    /** Names of the session-level judges that failed. */
    @KeywordField final List<String> failing;
    /** Every judge, session-level and per-turn, lower-cased: {@code name} and {@code name␟value}. */
    @KeywordField final List<String> judges;
    @FullTextField final String text;

    SessionDoc(String experimentId, String sessionKey, @Nullable String userId, String worstState, int turnCount,
            int errorTurns, Instant firstRequestTime, Instant lastRequestTime, long totalDurationMs,
            @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, @Nullable String verdictSource,
            String bucket, List<String> failing, List<String> judges, String text) {
        this.id = id(experimentId, sessionKey);
        this.experimentId = experimentId;
        this.sessionKey = sessionKey;
        this.keyLower = sessionKey.toLowerCase(java.util.Locale.ROOT);
        this.userId = userId;
        this.worstState = worstState;
        this.turnCount = turnCount;
        this.errorTurns = errorTurns;
        this.firstRequestTime = firstRequestTime;
        this.lastRequestTime = lastRequestTime;
        this.totalDurationMs = totalDurationMs;
        this.rootCauseTurn = rootCauseTurn;
        this.rootCauseKind = rootCauseKind;
        this.verdictSource = verdictSource;
        this.bucket = bucket;
        this.failing = failing;
        this.judges = judges;
        this.text = text;
    }

    static String id(String experimentId, String sessionKey) {
        return experimentId + SEP + sessionKey;
    }
}
