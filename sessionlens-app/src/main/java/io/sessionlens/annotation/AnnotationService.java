package io.sessionlens.annotation;

import io.sessionlens.annotation.persistence.AnnotationEntity;
import io.sessionlens.annotation.persistence.AnnotationHistoryEntity;
import io.sessionlens.annotation.persistence.AnnotationHistoryRepository;
import io.sessionlens.annotation.persistence.AnnotationRepository;
import io.sessionlens.annotation.persistence.LabelSchemaRepository;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.session.SessionAnnotationCounts;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.SpanTreeService;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TurnRow;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analysts' annotations on a session, a turn or a span (issue #12, decision record 027). Analysts and up write; the
 * author edits and removes their own, a manager or admin anyone's. Every edit keeps the version it replaces
 * ({@link #history}), names the version it was made on (another one answers {@link AnnotationProblem.Stale} with what
 * stands), is audited, and keeps the session's annotation count in the index current.
 *
 * <p>The current user ({@link CurrentUser}) is the author or editor: call it from a signed-in request or view.
 */
@Service
@Transactional
public class AnnotationService {
    public static final String AUDIT_KIND = "annotation";
    public static final int NOTE_MAX = Annotation.NOTE_MAX;

    private final AnnotationRepository annotations;
    private final AnnotationHistoryRepository history;
    private final LabelSchemaRepository schemas;
    private final TraceService traces;
    private final SpanTreeService spans;
    private final SessionAnnotationCounts counts;
    private final AnnotationsChanged changed;
    private final AuditLog audit;
    private final Clock clock;

    AnnotationService(AnnotationRepository annotations, AnnotationHistoryRepository history,
            LabelSchemaRepository schemas, TraceService traces, SpanTreeService spans, SessionAnnotationCounts counts,
            AnnotationsChanged changed, AuditLog audit, Clock clock) {
        this.annotations = annotations;
        this.history = history;
        this.schemas = schemas;
        this.traces = traces;
        this.spans = spans;
        this.counts = counts;
        this.changed = changed;
        this.audit = audit;
        this.clock = clock;
    }

    /** The session's annotations, oldest first, with their turn numbers as the session is now. */
    @Transactional(readOnly = true)
    public List<Annotation> listBySession(SessionRef ref) {
        Map<String, Integer> turnOf = turnNumbers(traces.turns(ref));
        return annotations.findByExperimentIdAndSessionKeyOrderById(ref.experimentId(), ref.sessionId()).stream()
                .map(e -> toAnnotation(e, turnOf)).toList();
    }

    /** Every annotation of the experiment, by session then age (the export's). */
    @Transactional(readOnly = true)
    public List<Annotation> listByExperiment(String experimentId) {
        return annotations.findByExperimentIdOrderBySessionKeyAscIdAsc(experimentId).stream()
                .map(e -> toAnnotation(e, Map.of())).toList();
    }

    /** The sessions of the experiment that have an annotation with a label, by session id. */
    @Transactional(readOnly = true)
    public List<SessionRef> sessionsWithLabels(String experimentId) {
        return annotations.findLabelledSessionKeys(experimentId).stream().map(k -> new SessionRef(experimentId, k))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Annotation> find(long id) {
        return annotations.findById(id).map(this::withTurn);
    }

    /** The versions edits replaced, newest first; empty for an annotation never edited (or none). */
    @Transactional(readOnly = true)
    public List<AnnotationVersion> history(long id) {
        return history.findByAnnotationIdOrderByVersionDesc(id).stream()
                .map(h -> new AnnotationVersion(h.getVersion(), h.getLabelName(), h.getLabelValue(), h.getNote(),
                        h.getWrittenBy(), h.getWrittenAt()))
                .toList();
    }

    /**
     * A new annotation by the current user. {@link AnnotationProblem.Invalid} names what is wrong (no label and no note,
     * an unknown label, a value the schema does not allow, a turn or span the session lacks). Empty when there is no
     * such session.
     */
    public Optional<Annotation> create(SessionRef ref, AnnotationDraft draft) {
        mayWrite();
        List<TurnRow> turns = traces.turns(ref);
        if (turns.isEmpty()) return Optional.empty();
        Target t = target(ref, draft, turns);
        var e = new AnnotationEntity(ref.experimentId(), ref.sessionId(), t.target().wire(), t.traceId(), t.spanId(),
                CurrentUser.actor(), clock.instant());
        Label label = label(ref.experimentId(), draft, t.target());
        e.write(label.name(), label.value(), note(draft.note(), label));
        e = annotations.saveAndFlush(e);
        Annotation after = toAnnotation(e, turnNumbers(turns));
        sessionChanged(ref);
        audit.record(AUDIT_KIND, subject(after), "annotation " + after.id() + " added on " + where(after), null,
                after);
        return Optional.of(after);
    }

    /**
     * Changes label and note (the target stays). {@code expectedVersion}: the version the caller saw (null: whatever
     * stands). The version replaced goes to the history. Empty when there is no such annotation.
     */
    public Optional<Annotation> update(long id, AnnotationDraft draft, @Nullable Long expectedVersion) {
        mayWrite();
        Optional<AnnotationEntity> found = annotations.findById(id);
        if (found.isEmpty()) return Optional.empty();
        AnnotationEntity e = found.get();
        Annotation before = withTurn(e);
        mayChange(before, "edit");
        if (expectedVersion != null && expectedVersion != e.getVersion())
            throw new AnnotationProblem.Stale("the annotation was changed by "
                    + (before.editedBy() == null ? before.author() : before.editedBy()) + " meanwhile", before);
        Label label = label(e.getExperimentId(), draft, before.target());
        String note = note(draft.note(), label);
        history.save(AnnotationHistoryEntity.of(e));
        e.write(label.name(), label.value(), note);
        e.edited(CurrentUser.actor(), clock.instant());
        e = annotations.saveAndFlush(e);
        Annotation after = withTurn(e);
        sessionChanged(new SessionRef(after.experimentId(), after.sessionId()));
        audit.record(AUDIT_KIND, subject(after), "annotation " + id + " on " + where(after) + " edited", before,
                after);
        return Optional.of(after);
    }

    /** Removes an annotation and its history. False when there is none. */
    public boolean delete(long id, @Nullable Long expectedVersion) {
        mayWrite();
        Optional<AnnotationEntity> found = annotations.findById(id);
        if (found.isEmpty()) return false;
        Annotation before = withTurn(found.get());
        mayChange(before, "remove");
        if (expectedVersion != null && expectedVersion != before.version())
            throw new AnnotationProblem.Stale("the annotation was changed by "
                    + (before.editedBy() == null ? before.author() : before.editedBy()) + " meanwhile", before);
        history.deleteByAnnotationId(id);
        annotations.delete(found.get());
        annotations.flush();
        sessionChanged(new SessionRef(before.experimentId(), before.sessionId()));
        audit.record(AUDIT_KIND, subject(before), "annotation " + id + " on " + where(before) + " removed", before,
                null);
        return true;
    }

    /** Whether the current user may edit or remove this annotation: its author, or a manager or admin. */
    public static boolean mayChange(Annotation a) {
        return CurrentUser.canManage() || CurrentUser.canWrite() && CurrentUser.actor().equals(a.author());
    }

    private static void mayWrite() {
        if (!CurrentUser.canWrite()) throw new AnnotationProblem.NotAllowed("a viewer cannot annotate");
    }

    private static void mayChange(Annotation a, String what) {
        if (!mayChange(a))
            throw new AnnotationProblem.NotAllowed("only " + a.author() + " (the author) or a manager may " + what
                    + " annotation " + a.id());
    }

    private void sessionChanged(SessionRef ref) {
        counts.set(ref, annotations.countByExperimentIdAndSessionKey(ref.experimentId(), ref.sessionId()));
        changed.publish(ref);
    }

    private record Target(AnnotationTarget target, @Nullable String traceId, @Nullable String spanId) {}

    private record Label(@Nullable String name, @Nullable String value) {}

    private Target target(SessionRef ref, AnnotationDraft d, List<TurnRow> turns) {
        AnnotationTarget on;
        if (d.target() == null || d.target().isBlank())
            on = d.spanId() != null
                    ? AnnotationTarget.SPAN
                    : d.turn() != null || d.traceId() != null ? AnnotationTarget.TURN : AnnotationTarget.SESSION;
        else {
            try {
                on = AnnotationTarget.ofWire(d.target());
            } catch (IllegalArgumentException e) {
                on = AnnotationTarget.ANY;
            }
            if (on == AnnotationTarget.ANY)
                throw new AnnotationProblem.Invalid(
                        "the target \"" + d.target() + "\" is not one of session, turn, span");
        }
        return switch (on) {
            case SESSION -> new Target(on, null, null);
            case TURN -> new Target(on, traceOf(ref, d, turns), null);
            case SPAN -> {
                if (d.spanId() == null || d.spanId().isBlank())
                    throw new AnnotationProblem.Invalid("say which span (spanId) the annotation is on");
                String trace = traceOf(ref, d, turns);
                if (spans.row(trace, d.spanId()).isEmpty())
                    throw new AnnotationProblem.Invalid("trace " + trace + " has no span " + d.spanId());
                yield new Target(on, trace, d.spanId());
            }
            case ANY -> throw new IllegalStateException();
        };
    }

    private static String traceOf(SessionRef ref, AnnotationDraft d, List<TurnRow> turns) {
        if (d.traceId() != null && !d.traceId().isBlank()) {
            if (turns.stream().noneMatch(t -> t.traceId().equals(d.traceId())))
                throw new AnnotationProblem.Invalid("trace " + d.traceId() + " is not a turn of session "
                        + ref.sessionId());
            return d.traceId();
        }
        if (d.turn() == null)
            throw new AnnotationProblem.Invalid("say which turn (turn or traceId) the annotation is on");
        if (d.turn() < 1 || d.turn() > turns.size())
            throw new AnnotationProblem.Invalid("turn " + d.turn() + " is not a turn of this session (it has "
                    + turns.size() + (turns.size() == 1 ? " turn)" : " turns)"));
        return turns.get(d.turn() - 1).traceId();
    }

    private Label label(String experimentId, AnnotationDraft d, AnnotationTarget on) {
        String name = d.label() == null ? "" : d.label().strip();
        if (name.isEmpty()) {
            if (d.value() != null && !d.value().isBlank())
                throw new AnnotationProblem.Invalid("a value needs a label: say which label schema (label) it is for");
            return new Label(null, null);
        }
        LabelSchema s = schemas.findByExperimentIdAndName(experimentId, name).map(LabelSchemaService::toSchema)
                .orElseThrow(() -> new AnnotationProblem.Invalid("experiment " + experimentId
                        + " has no label schema \"" + name + "\"" + known(experimentId)));
        if (!s.target().allows(on))
            throw new AnnotationProblem.Invalid("label " + s.name() + " is for a " + s.target().wire() + ", not a "
                    + on.wire());
        return new Label(s.name(), LabelValues.canonical(s, d.value()));
    }

    private String known(String experimentId) {
        List<String> names = schemas.findByExperimentIdOrderById(experimentId).stream().map(e -> e.getName()).toList();
        return names.isEmpty() ? " (it has none yet)" : " (it has " + String.join(", ", names) + ")";
    }

    private static String note(@Nullable String raw, Label label) {
        String note = raw == null ? "" : raw.strip();
        if (note.length() > NOTE_MAX)
            throw new AnnotationProblem.Invalid("the note is " + note.length() + " characters; at most " + NOTE_MAX);
        if (note.isEmpty() && label.name() == null)
            throw new AnnotationProblem.Invalid("an annotation needs a label or a note");
        return note;
    }

    private Annotation withTurn(AnnotationEntity e) {
        Map<String, Integer> turnOf = e.getTraceId() == null
                ? Map.of()
                : turnNumbers(traces.turns(new SessionRef(e.getExperimentId(), e.getSessionKey())));
        return toAnnotation(e, turnOf);
    }

    private static Map<String, Integer> turnNumbers(List<TurnRow> turns) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < turns.size(); i++) out.put(turns.get(i).traceId(), i + 1);
        return out;
    }

    private static Annotation toAnnotation(AnnotationEntity e, Map<String, Integer> turnOf) {
        return new Annotation(e.getId(), e.getExperimentId(), e.getSessionKey(),
                AnnotationTarget.ofWire(e.getTarget()), e.getTraceId() == null ? null : turnOf.get(e.getTraceId()),
                e.getTraceId(), e.getSpanId(), e.getLabelName(), e.getLabelValue(), e.getNote(), e.getAuthor(),
                e.getCreatedAt(), e.getEditedBy(), e.getEditedAt(), e.getVersion());
    }

    private static String subject(Annotation a) {
        return a.experimentId() + " / " + a.sessionId();
    }

    private static String where(Annotation a) {
        return switch (a.target()) {
            case SESSION, ANY -> "session " + a.sessionId();
            case TURN -> (a.turn() == null ? "trace " + a.traceId() : "turn " + a.turn()) + " of session "
                    + a.sessionId();
            case SPAN -> "span " + a.spanId() + " of session " + a.sessionId();
        };
    }
}
