package io.sessionlens.session.persistence;

import io.sessionlens.session.HumanVerdict;
import io.sessionlens.trace.SessionRef;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One session's human verdict (decision record 026). */
@Entity
@Table(name = "human_verdict")
@IdClass(SessionIndexEntity.Key.class)
public class HumanVerdictEntity {
    @Id String experimentId;
    @Id String sessionKey;
    @Nullable Integer rootCauseTurn;
    @Nullable String rootCauseKind;
    @Nullable String note;
    String reviewer;
    Instant decidedAt;
    @Nullable Integer autoTurn;
    @Nullable String autoKind;
    @Version long version;

    protected HumanVerdictEntity() {}

    public HumanVerdictEntity(SessionRef ref) {
        this.experimentId = ref.experimentId();
        this.sessionKey = ref.sessionId();
    }

    public void decide(@Nullable Integer turn, @Nullable String kind, String note, String reviewer, Instant at,
            @Nullable Integer autoTurn, @Nullable String autoKind) {
        this.rootCauseTurn = turn;
        this.rootCauseKind = kind;
        this.note = note;
        this.reviewer = reviewer;
        this.decidedAt = at;
        this.autoTurn = autoTurn;
        this.autoKind = autoKind;
    }

    public long getVersion() { return version; }
    public @Nullable Integer getAutoTurn() { return autoTurn; }
    public @Nullable String getAutoKind() { return autoKind; }

    public HumanVerdict toVerdict() {
        return new HumanVerdict(rootCauseTurn, rootCauseKind, note == null ? "" : note, reviewer, decidedAt, version);
    }
}
