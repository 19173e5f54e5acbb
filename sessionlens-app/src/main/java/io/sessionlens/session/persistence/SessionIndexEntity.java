package io.sessionlens.session.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "session_index")
@IdClass(SessionIndexEntity.Key.class)
public class SessionIndexEntity {
    public record Key(String experimentId, String sessionKey) implements Serializable {}

    @Id public String experimentId;
    @Id public String sessionKey;
    public @Nullable String sessionId;
    public int turnCount;
    public Instant firstRequestTime;
    public Instant lastRequestTime;
    public @Nullable String userId;
    public String worstState;
    public int errorTurns;
    public long inputTokens;
    public long outputTokens;
    public long totalTokens;
    public long totalDurationMs;
    public @Nullable String firstInput;
    public @Nullable String lastOutput;
    public @Nullable String searchText;
    public @Nullable Integer rootCauseTurn;
    public @Nullable String rootCauseKind;
    public @Nullable String sessionJudges;
    public @Nullable String analysisJson;
    public Instant updatedAt;
    /** 0 while waiting for the background analysis, else the analyser version that wrote {@link #analysisJson}. */
    public int analysisVersion;
    /** Bumped by every write; an analysis of an older generation is not saved (the session stays queued). */
    @jakarta.persistence.Version
    public @Nullable Long generation;

    public SessionIndexEntity() {}
}
