package io.sessionlens.session;

import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.live.LiveTopics;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.session.persistence.AnalysisJson;
import io.sessionlens.session.persistence.HumanVerdictEntity;
import io.sessionlens.session.persistence.HumanVerdictRepository;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;

/**
 * Analysts' verdicts on where a session went wrong (issue #12, decision record 026). A verdict supersedes the automatic
 * one in the session index, so the list, its filters and counts show it; the automatic verdict stays in the stored
 * analysis and comes back when the human verdict is withdrawn.
 */
@Service
@Transactional
public class VerdictService {
    static final int MAX_NOTE = 10_000;

    private final SessionIndexRepository index;
    private final HumanVerdictRepository verdicts;
    private final Clock clock;
    private final AuditLog audit;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;

    VerdictService(SessionIndexRepository index, HumanVerdictRepository verdicts, Clock clock, AuditLog audit,
            LiveUpdates live, ApplicationEventPublisher events) {
        this.live = live;
        this.events = events;
        this.index = index;
        this.verdicts = verdicts;
        this.clock = clock;
        this.audit = audit;
    }

    private void changed(SessionIndexEntity e) {
        events.publishEvent(new SessionDaysChanged(
                Set.of(SessionDaysChanged.Day.of(e.getExperimentId(), e.getFirstRequestTime()))));
    }

    /** A verdict that cannot be given: the message says why, in words for the person who gave it. */
    public static final class InvalidVerdict extends RuntimeException {
        InvalidVerdict(String message) {
            super(message);
        }
    }

    /** Someone changed the verdict since the caller read it; {@code current} is what stands now. */
    public static final class StaleVerdict extends RuntimeException {
        private final HumanVerdict current;

        StaleVerdict(HumanVerdict current) {
            super("the verdict was changed by " + current.reviewer() + " meanwhile");
            this.current = current;
        }

        public HumanVerdict current() {
            return current;
        }
    }

    /**
     * Runs a verdict change again when the background analysis wrote the session's index row at the same moment (the
     * row's optimistic lock): the analysis never touches a human verdict, so trying again is safe. Call it outside a
     * transaction, around one of this service's methods.
     */
    public static <T> T retryingRowConflicts(Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 5) throw e;
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<HumanVerdict> find(SessionRef ref) {
        return verdicts.findByRef(ref).map(HumanVerdictEntity::toVerdict);
    }

    /** The sessions of the experiment that have a human verdict, by session id (the assessment export's). */
    @Transactional(readOnly = true)
    public java.util.List<SessionRef> sessionsWithVerdict(String experimentId) {
        return verdicts.findRefsByExperimentId(experimentId);
    }

    /**
     * Gives or changes the verdict. {@code turn} null says "no root cause"; otherwise {@code kind} is required (a wire
     * name: {@code tool_error}, {@code outdated_retrieval}, …). {@code expectedVersion}: the version the caller saw
     * (null for "whatever stands"); a different one answers {@link StaleVerdict} and changes nothing.
     *
     * @return the verdict as stored, or empty when there is no such session
     */
    public Optional<HumanVerdict> decide(SessionRef ref, @Nullable Integer turn, @Nullable String kind,
            @Nullable String note, String reviewer, @Nullable Long expectedVersion) {
        Optional<SessionIndexEntity> row = index.findByRef(ref);
        if (row.isEmpty()) return Optional.empty();
        SessionIndexEntity e = row.get();
        if (turn != null && (turn < 1 || turn > e.getTurnCount()))
            throw new InvalidVerdict("turn " + turn + " is not a turn of this session (it has " + e.getTurnCount()
                    + (e.getTurnCount() == 1 ? " turn)" : " turns)"));
        if (turn != null && (kind == null || kind.isBlank()))
            throw new InvalidVerdict("say what kind of root cause turn " + turn + " is (" + kinds() + ")");
        if (turn != null) {
            try {
                RootCauseKind.ofWire(kind);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidVerdict("\"" + kind + "\" is not a root-cause kind; one of " + kinds());
            }
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE)
            throw new InvalidVerdict("the note is " + text.length() + " characters long; at most " + MAX_NOTE);

        HumanVerdictEntity v = verdicts.findByRef(ref).orElse(null);
        if (v != null && expectedVersion != null && v.getVersion() != expectedVersion)
            throw new StaleVerdict(v.toVerdict());
        if (v == null && expectedVersion != null && expectedVersion != 0)
            throw new InvalidVerdict("there is no verdict of version " + expectedVersion + " to change");
        RootCause auto = automatic(e);
        HumanVerdict before = v == null ? null : v.toVerdict();
        if (v == null) v = new HumanVerdictEntity(ref);
        v.decide(turn, turn == null ? null : kind, text, reviewer, clock.instant(),
                auto == null ? null : auto.turn(), auto == null ? null : auto.kind().wire());
        v = verdicts.saveAndFlush(v);
        e.humanVerdict(turn, turn == null ? null : kind);
        index.save(e);
        changed(e);
        HumanVerdict after = v.toVerdict();
        audit.record(AuditLog.VERDICT, ref.experimentId() + " / " + ref.sessionId(), "root-cause verdict of session "
                + ref.sessionId() + ": " + (turn == null ? "no root cause" : "turn " + turn + " (" + kind + ")"),
                before, after);
        live.publish(LiveTopics.session(ref.experimentId(), ref.sessionId()));
        return Optional.of(after);
    }

    /** Withdraws the human verdict: the automatic one stands again. False when there was none. */
    public boolean withdraw(SessionRef ref) {
        Optional<HumanVerdictEntity> v = verdicts.findByRef(ref);
        if (v.isEmpty()) return false;
        audit.record(AuditLog.VERDICT, ref.experimentId() + " / " + ref.sessionId(),
                "root-cause verdict of session " + ref.sessionId() + " withdrawn: the automatic one stands",
                v.get().toVerdict(), null);
        verdicts.delete(v.get());
        index.findByRef(ref).ifPresent(e -> {
            RootCause auto = automatic(e);
            e.automaticVerdict(auto == null ? null : auto.turn(), auto == null ? null : auto.kind().wire());
            index.save(e);
            changed(e);
        });
        live.publish(LiveTopics.session(ref.experimentId(), ref.sessionId()));
        return true;
    }

    private static @Nullable RootCause automatic(SessionIndexEntity e) {
        try {
            SessionAnalysis a = e.isAnalysed() ? AnalysisJson.read(e.getAnalysisJson()) : null;
            return a == null ? null : a.rootCause();
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(RootCauseKind.values()).map(RootCauseKind::wire).toList());
    }
}
