package io.sessionlens.session;

import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TracesStored;
import io.sessionlens.trace.TurnRow;
import io.sessionlens.trace.model.TraceState;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps the session index current: after each committed batch of traces, the touched sessions are recomputed. */
@Service
class SessionIndexer {
    private final TraceService traces;
    private final SessionIndexRepository index;
    private final Clock clock;

    SessionIndexer(TraceService traces, SessionIndexRepository index, Clock clock) {
        this.traces = traces;
        this.index = index;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onTracesStored(TracesStored event) {
        event.sessions().forEach(this::reindex);
    }

    @Transactional
    public void reindex(SessionRef ref) {
        List<TurnRow> turns = traces.turns(ref);
        var key = new SessionIndexEntity.Key(ref.experimentId(), ref.sessionKey());
        if (turns.isEmpty()) {   // every trace of it moved to another session
            index.deleteById(key);
            return;
        }
        SessionIndexEntity e = index.findById(key).orElseGet(SessionIndexEntity::new);
        e.experimentId = ref.experimentId();
        e.sessionKey = ref.sessionKey();
        TurnRow first = turns.getFirst();
        TurnRow last = turns.getLast();
        boolean standalone = turns.size() == 1 && first.traceId().equals(ref.sessionKey());
        e.sessionId = standalone ? null : ref.sessionKey();
        e.turnCount = turns.size();
        e.firstRequestTime = first.requestTime();
        e.lastRequestTime = last.requestTime();
        e.userId = turns.stream().map(TurnRow::userId).filter(u -> u != null && !u.isBlank()).findFirst().orElse(null);
        e.worstState = turns.stream().map(t -> TraceState.parse(t.state()))
                .max(java.util.Comparator.comparingInt(TraceState::severity)).orElse(TraceState.STATE_UNSPECIFIED).name();
        e.errorTurns = (int) turns.stream().filter(t -> "ERROR".equals(t.state()) || t.errorSpanCount() > 0).count();
        e.totalTokens = turns.stream().mapToLong(TurnRow::totalTokens).sum();
        e.totalDurationMs = turns.stream().mapToLong(TurnRow::durationMs).sum();
        e.firstInput = clip(first.requestPreview());
        e.lastOutput = clip(last.responsePreview());
        StringBuilder text = new StringBuilder(ref.sessionKey().toLowerCase(Locale.ROOT));
        for (TurnRow t : turns) {
            append(text, t.requestPreview());
            append(text, t.responsePreview());
        }
        e.searchText = text.toString();
        e.updatedAt = clock.instant();
        index.save(e);
    }

    private static void append(StringBuilder sb, @Nullable String s) {
        if (s != null) sb.append('\n').append(s.toLowerCase(Locale.ROOT));
    }

    static @Nullable String clip(@Nullable String s) {
        if (s == null) return null;
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
