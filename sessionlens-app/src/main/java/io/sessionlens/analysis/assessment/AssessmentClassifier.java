package io.sessionlens.analysis.assessment;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a session's assessments the way MLflow's session view does: session-level ones (marked by
 * {@code metadata["mlflow.trace.session"]}, stored on the first trace) apart from per-turn ones; scorer errors out
 * of both, because a crashed scorer says nothing about the conversation; {@code valid:false} assessments only as
 * the history of the assessment that overrides them.
 */
public final class AssessmentClassifier {

    /** Newest first, as MLflow's assessment pane sorts them; unknown times last. */
    private static final Comparator<Assessment> NEWEST_FIRST = Comparator.comparing(
            (Assessment a) -> a.lastUpdateTime() != null
                    ? a.lastUpdateTime()
                    : a.createTime() != null ? a.createTime() : Instant.MIN)
            .reversed();

    private final PolarityTable polarity;

    public AssessmentClassifier(PolarityTable polarity) {
        this.polarity = polarity;
    }

    public ClassifiedAssessments classify(List<Trace> turns) {
        Map<String, PolarityTable.Observed> scales = scales(turns);
        List<AssessmentView> sessionLevel = new ArrayList<>();
        Map<String, List<AssessmentView>> perTurn = new LinkedHashMap<>();
        List<ScorerError> scorerErrors = new ArrayList<>();
        for (Trace t : turns) {
            List<AssessmentView> turnViews = new ArrayList<>();
            List<Assessment> all = t.info().assessments().stream().sorted(NEWEST_FIRST).toList();
            Map<String, Assessment> byId = new HashMap<>();
            for (Assessment a : all) byId.putIfAbsent(a.assessmentId(), a);
            for (Assessment a : all) {
                if (a.isScorerError() && belongsElsewhere(a, t)) continue;
                if (a.isScorerError()) {
                    if (a.valid()) scorerErrors.add(scorerError(t.traceId(), a));
                    continue;
                }
                // superseded assessments are history; MLflow's UI hides them too
                if (!a.valid()) continue;
                if (belongsElsewhere(a, t)) continue;
                AssessmentView v = view(a, history(a, byId, scales), scales);
                (a.isSessionLevel() ? sessionLevel : turnViews).add(v);
            }
            perTurn.merge(t.traceId(), turnViews, (x, y) -> {
                List<AssessmentView> both = new ArrayList<>(x);
                both.addAll(y);
                return both;
            });
        }
        return new ClassifiedAssessments(sessionLevel, perTurn, scorerErrors);
    }

    /**
     * A session-level assessment belongs to the session its metadata names. Stored on a trace of another session (or
     * on a trace without one) it is not this session's judge (decision 011).
     */
    static boolean belongsElsewhere(Assessment a, Trace t) {
        if (!a.isSessionLevel()) return false;
        String named = a.metadata().get(MlflowKeys.SESSION);
        return !t.info().sessionId().map(named::equals).orElse(false);
    }

    /** Follows {@code overrides} back through superseded assessments, newest first; a cycle ends the walk. */
    /**
     * Each judge's scale, from the values it gave in this session: a judge that gave 4 and 1 rates on 1–5 (decision
     * 011). Keyed by the judge's name as written.
     */
    private static Map<String, PolarityTable.Observed> scales(List<Trace> turns) {
        Map<String, List<Object>> values = new HashMap<>();
        for (Trace t : turns) {
            for (Assessment a : t.info().assessments()) {
                if (a.isScorerError() || a.kind() != Assessment.Kind.FEEDBACK) continue;
                Object v = value(a);
                if (v != null) values.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, PolarityTable.Observed> out = new HashMap<>();
        values.forEach((name, vs) -> {
            PolarityTable.Observed o = PolarityTable.Observed.of(vs);
            if (o != null) out.put(name, o);
        });
        return out;
    }

    private List<AssessmentView> history(Assessment current, Map<String, Assessment> byId,
            Map<String, PolarityTable.Observed> scales) {
        List<AssessmentView> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(current.assessmentId()));
        String next = current.overrides();
        while (next != null && seen.add(next)) {
            Assessment older = byId.get(next);
            if (older == null || older.valid()) break;
            out.add(view(older, List.of(), scales));
            next = older.overrides();
        }
        return out;
    }

    private AssessmentView view(Assessment a, List<AssessmentView> history,
            Map<String, PolarityTable.Observed> scales) {
        Object value = value(a);
        return new AssessmentView(a.name(), value, blankToNull(a.rationale()), source(a), a.spanId(),
                verdict(a, value, scales.get(a.name())), a.isSessionLevel(), history);
    }

    /**
     * Expectations are ground truth, not a judgement. An issue reference means someone (or something) filed the
     * trace under a known problem, so it counts as failing.
     */
    private Verdict verdict(Assessment a, @Nullable Object value, PolarityTable.@Nullable Observed scale) {
        return switch (a.kind()) {
            case EXPECTATION -> Verdict.NEUTRAL;
            case ISSUE -> Verdict.FAIL;
            case FEEDBACK -> polarity.verdict(a.name(), value, scale);
        };
    }

    static @Nullable Object value(Assessment a) {
        if (a.valueJson() != null) return JsonValues.toPlain(JsonValues.decode(a.valueJson()));
        if (a.serializedValue() != null) return JsonValues.toPlain(JsonValues.decode(a.serializedValue().value()));
        return null;
    }

    static String source(Assessment a) {
        String id = a.source().id();
        return id == null || id.isBlank() ? a.source().type() : a.source().type() + ": " + id;
    }

    private static ScorerError scorerError(String traceId, Assessment a) {
        var e = a.error();
        return new ScorerError(traceId, a.name(), e == null ? null : e.errorCode(), e == null ? null : e.errorMessage(),
                a.isSessionLevel());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
