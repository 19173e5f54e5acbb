package io.sessionlens.session.persistence;

import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.trace.SessionRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One session of the index: counts from its trace rows, then what its analysis read. Decision record 008. */
@Entity
@Table(name = "session_index")
@jakarta.persistence.EntityListeners(SessionRowListener.class)
@IdClass(SessionIndexEntity.Key.class)
public class SessionIndexEntity {
    /** JPA's id class; everything outside this package speaks {@link SessionRef}. */
    public record Key(String experimentId, String sessionKey) implements Serializable {
        static Key of(SessionRef ref) {
            return new Key(ref.experimentId(), ref.sessionId());
        }
    }

    @Id String experimentId;
    @Id String sessionKey;
    @Nullable String sessionId;
    int turnCount;
    Instant firstRequestTime;
    Instant lastRequestTime;
    @Nullable String userId;
    String worstState;
    int errorTurns;
    long inputTokens;
    long outputTokens;
    long totalTokens;
    long totalDurationMs;
    @Nullable String firstInput;
    @Nullable String lastOutput;
    @Nullable String searchText;
    @Nullable Integer rootCauseTurn;
    @Nullable String rootCauseKind;
    @Nullable String sessionJudges;
    /** JSON list of {name, value, verdict, turns} of the per-turn judges (migration V21_15). */
    @Nullable String turnJudges;
    /** The session-level judges that failed, as {@code ,"name","name",} (migration V33; {@link AnalysisJson}). */
    @Nullable String failingJudges;
    @Nullable String analysisJson;
    Instant updatedAt;
    /** 0 while waiting for the background analysis, else the analyser version that wrote {@link #analysisJson}. */
    int analysisVersion;
    /** Bumped by every write; an analysis of an older generation is not saved (the session stays queued). */
    @Version
    @Nullable Long generation;
    /** Null, or where an import left this session: see {@link ImportState}. */
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)   // written by SessionIndexRepository.setImportState only: the
    @Nullable ImportState importState;                 // analysis' saves of a row must never put back an old mark

    /** How many annotations the session has (decision 027); written by {@code SessionIndexRepository.setAnnotationCount}. */
    @Column(insertable = false, updatable = false) int annotationCount;

    /** "human" when {@link #rootCauseTurn}/{@link #rootCauseKind} hold an analyst's verdict, else null. */
    @Nullable String verdictSource;

    /** Whether an import is storing this session's traces now, or was when the server stopped. Decision 025. */
    public enum ImportState {
        IMPORTING, INTERRUPTED
    }

    protected SessionIndexEntity() {}

    public SessionIndexEntity(SessionRef ref) {
        this.experimentId = ref.experimentId();
        this.sessionKey = ref.sessionId();
    }

    public SessionRef ref() {
        return new SessionRef(experimentId, sessionKey);
    }
    public String getExperimentId() { return experimentId; }
    /** The session id, or the trace id of a trace without one. */
    public String getSessionKey() { return sessionKey; }
    /** Null for a trace without a session id, shown as a one-turn session of its own. */
    public @Nullable String getSessionId() {
        return sessionId;
    }
    public int getTurnCount() { return turnCount; }
    public Instant getFirstRequestTime() { return firstRequestTime; }
    public Instant getLastRequestTime() { return lastRequestTime; }
    public @Nullable String getUserId() { return userId; }
    public String getWorstState() { return worstState; }
    public int getErrorTurns() { return errorTurns; }
    public long getTotalTokens() { return totalTokens; }
    public long getTotalDurationMs() { return totalDurationMs; }
    public @Nullable String getFirstInput() { return firstInput; }
    public @Nullable String getLastOutput() { return lastOutput; }
    public @Nullable String getSearchText() { return searchText; }
    public @Nullable Integer getRootCauseTurn() { return rootCauseTurn; }
    public @Nullable String getRootCauseKind() { return rootCauseKind; }
    public @Nullable String getSessionJudges() { return sessionJudges; }
    public @Nullable String getTurnJudges() { return turnJudges; }
    public @Nullable String getAnalysisJson() { return analysisJson; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** Analysed by today's analyser; otherwise waiting for the background analysis. */
    public boolean isAnalysed() {
        return analysisVersion == SessionAnalyzer.VERSION;
    }

    public void setSessionId(@Nullable String sessionId) { this.sessionId = sessionId; }
    public void setTurnCount(int turnCount) { this.turnCount = turnCount; }
    public void setFirstRequestTime(Instant t) { this.firstRequestTime = t; }
    public void setLastRequestTime(Instant t) { this.lastRequestTime = t; }
    public void setUserId(@Nullable String userId) { this.userId = userId; }
    public void setWorstState(String worstState) { this.worstState = worstState; }
    public void setErrorTurns(int errorTurns) { this.errorTurns = errorTurns; }
    public void setTotalTokens(long totalTokens) { this.totalTokens = totalTokens; }
    public void setTotalDurationMs(long totalDurationMs) { this.totalDurationMs = totalDurationMs; }
    public void setFirstInput(@Nullable String firstInput) { this.firstInput = firstInput; }
    public void setLastOutput(@Nullable String lastOutput) { this.lastOutput = lastOutput; }
    public void setSearchText(@Nullable String searchText) { this.searchText = searchText; }
    public void setRootCauseTurn(@Nullable Integer turn) { this.rootCauseTurn = turn; }
    public void setRootCauseKind(@Nullable String kind) { this.rootCauseKind = kind; }
    public void setSessionJudges(@Nullable String json) { this.sessionJudges = json; }
    public void setTurnJudges(@Nullable String json) { this.turnJudges = json; }
    public void setFailingJudges(@Nullable String list) { this.failingJudges = list; }
    public @Nullable String getFailingJudges() { return failingJudges; }
    public void setAnalysisJson(@Nullable String json) { this.analysisJson = json; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public @Nullable ImportState getImportState() { return importState; }
    public int getAnnotationCount() { return annotationCount; }
    /** "human" while an analyst's verdict stands in for the analysis' root cause. */
    public @Nullable String getVerdictSource() {
        return verdictSource;
    }
    public boolean hasHumanVerdict() {
        return "human".equals(verdictSource);
    }
    /** An analyst's verdict now stands for the root cause (turn null: none); the analysis no longer writes it. */
    public void humanVerdict(@Nullable Integer turn, @Nullable String kind) {
        this.verdictSource = "human";
        this.rootCauseTurn = turn;
        this.rootCauseKind = kind;
    }
    /** Back to the analysis' own verdict. */
    public void automaticVerdict(@Nullable Integer turn, @Nullable String kind) {
        this.verdictSource = null;
        this.rootCauseTurn = turn;
        this.rootCauseKind = kind;
    }
    public void markWaiting() {
        this.analysisVersion = 0;
    }
    public void markAnalysed() {
        this.analysisVersion = SessionAnalyzer.VERSION;
    }
}
