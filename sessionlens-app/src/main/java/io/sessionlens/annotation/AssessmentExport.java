package io.sessionlens.annotation;

import io.sessionlens.session.HumanVerdict;
import io.sessionlens.session.VerdictService;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.json.TraceJsonWriter;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;

/**
 * The human assessments of sessions as MLflow assessment JSON (issue #12, decision record 028): each annotation with a
 * label becomes a HUMAN feedback (name: the label schema, value: the label, rationale: the note) on its turn's trace,
 * with {@code span_id} for a span; session-level ones and the reviewer's root-cause verdict
 * ({@value #ROOT_CAUSE_TURN}) sit on the session's first trace with {@code mlflow.trace.session} in their metadata.
 *
 * <p>The export is the session's whole traces (MLflow's {@code mlflow traces get} JSON) with these assessments added to
 * {@code info.assessments}: SessionLens's own import reads it back (the traces come back "updated" with the human
 * assessments on them), and each assessment is the body MLflow's {@code POST /api/3.0/mlflow/traces/{trace_id}
 * /assessments} takes under {@code "assessment"}. Ids are stable ({@code a-sessionlens-…}), so a second export of an
 * unchanged session is the same file and a re-import changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentExport {
    public static final String ROOT_CAUSE_TURN = "root_cause_turn";
    static final String ID_PREFIX = "a-sessionlens-";
    static final String ANNOTATION_ID_KEY = "sessionlens.annotation_id";
    static final String ROOT_CAUSE_KIND_KEY = "sessionlens.root_cause_kind";

    private final AnnotationService annotations;
    private final LabelSchemaService schemas;
    private final VerdictService verdicts;
    private final TraceService traces;

    AssessmentExport(AnnotationService annotations, LabelSchemaService schemas, VerdictService verdicts,
            TraceService traces) {
        this.annotations = annotations;
        this.schemas = schemas;
        this.verdicts = verdicts;
        this.traces = traces;
    }

    /** The session's traces with its human assessments added; empty when there is no such session. */
    public Optional<List<Trace>> session(SessionRef ref) {
        var stored = traces.loadSessions(List.of(ref)).get(ref);
        if (stored == null || stored.traces().isEmpty()) return Optional.empty();
        return Optional.of(withHumanAssessments(ref, stored.traces(), types(ref.experimentId())));
    }

    /** The sessions of the experiment that have a labelled annotation or a human verdict, in session id order. */
    public List<SessionRef> sessionsToExport(String experimentId) {
        Set<SessionRef> refs = new LinkedHashSet<>(annotations.sessionsWithLabels(experimentId));
        refs.addAll(verdicts.sessionsWithVerdict(experimentId));
        return refs.stream().sorted(java.util.Comparator.comparing(SessionRef::sessionId)).toList();
    }

    /** Each session's traces with their human assessments, a session at a time (one read transaction each). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void forEachSession(String experimentId, Consumer<List<Trace>> each) {
        for (SessionRef ref : sessionsToExport(experimentId)) session(ref).ifPresent(each);
    }

    /** Writes traces as one JSON array: the file the import takes. */
    public static void writeArray(List<Trace> traces, JsonGenerator gen) {
        for (Trace t : traces) TraceJsonWriter.write(t, gen);
    }

    private Map<String, LabelType> types(String experimentId) {
        Map<String, LabelType> out = new LinkedHashMap<>();
        for (LabelSchema s : schemas.list(experimentId)) out.put(s.name(), s.type());
        return out;
    }

    private List<Trace> withHumanAssessments(SessionRef ref, List<Trace> turns, Map<String, LabelType> types) {
        Map<String, List<Assessment>> added = new LinkedHashMap<>();
        String first = turns.getFirst().traceId();
        for (Annotation a : annotations.listBySession(ref)) {
            if (!a.hasLabel()) continue;   // a note alone is no assessment
            boolean sessionLevel = a.target() == AnnotationTarget.SESSION || a.traceId() == null;
            String on = sessionLevel ? first : a.traceId();
            added.computeIfAbsent(on, k -> new ArrayList<>()).add(fromAnnotation(a, ref, sessionLevel, types));
        }
        verdicts.find(ref)
                .ifPresent(v -> added.computeIfAbsent(first, k -> new ArrayList<>()).add(fromVerdict(v, ref)));
        List<Trace> out = new ArrayList<>(turns.size());
        for (Trace t : turns) {
            List<Assessment> mine = added.getOrDefault(t.traceId(), List.of());
            if (mine.isEmpty()) {
                out.add(t);
                continue;
            }
            Set<String> ids = new HashSet<>();
            mine.forEach(a -> ids.add(a.assessmentId()));
            List<Assessment> all = new ArrayList<>();
            for (Assessment old : t.info().assessments())   // an earlier export re-imported: ours replace theirs
                if (!ids.contains(old.assessmentId())) all.add(old);
            all.addAll(mine);
            TraceInfo i = t.info();
            out.add(new Trace(new TraceInfo(i.traceId(), i.experimentId(), i.requestTime(), i.executionDurationMs(),
                    i.state(), i.requestPreview(), i.responsePreview(), i.clientRequestId(), i.metadata(), i.tags(),
                    all), t.spans()));
        }
        return out;
    }

    static Assessment fromAnnotation(Annotation a, SessionRef ref, boolean sessionLevel, Map<String, LabelType> types) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (sessionLevel) metadata.put(MlflowKeys.SESSION, ref.sessionId());
        metadata.put(ANNOTATION_ID_KEY, Long.toString(a.id()));
        return new Assessment(ID_PREFIX + a.id(), String.valueOf(a.labelName()), Assessment.Kind.FEEDBACK,
                a.target() == AnnotationTarget.SPAN ? a.spanId() : null,
                AssessmentSource.of("HUMAN", a.editedBy() == null ? a.author() : a.editedBy()), a.createdAt(),
                a.editedAt() == null ? a.createdAt() : a.editedAt(),
                valueJson(a.labelValue(), types.get(a.labelName())), null, null,
                a.note().isBlank() ? null : a.note(), metadata, null, true, "");
    }

    static Assessment fromVerdict(HumanVerdict v, SessionRef ref) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MlflowKeys.SESSION, ref.sessionId());
        if (v.kind() != null) metadata.put(ROOT_CAUSE_KIND_KEY, v.kind());
        return new Assessment(ID_PREFIX + "verdict-" + ref.sessionId(), ROOT_CAUSE_TURN, Assessment.Kind.FEEDBACK,
                null, AssessmentSource.of("HUMAN", v.reviewer()), v.decidedAt(), v.decidedAt(),
                v.turn() == null ? "\"none\"" : Integer.toString(v.turn()), null, null,
                v.note().isBlank() ? null : v.note(), metadata, null, true, "");
    }

    /** A numeric label as a JSON number, anything else as a JSON string. */
    private static String valueJson(@Nullable String value, @Nullable LabelType type) {
        String v = value == null ? "" : value;
        if (type == LabelType.NUMERIC) {
            try {
                Double.parseDouble(v);
                return v;
            } catch (NumberFormatException notANumber) {
                // fall through: kept as text
            }
        }
        return io.sessionlens.trace.json.SharedJson.MAPPER.writeValueAsString(v);
    }
}
