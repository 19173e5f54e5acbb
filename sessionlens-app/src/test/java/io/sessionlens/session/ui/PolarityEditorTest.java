package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.TurnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolarityEditorTest {

    static AssessmentView judge(String name, Object value, Verdict verdict) {
        return new AssessmentView(name, value, null, "LLM_JUDGE", null, verdict, false, List.of());
    }

    static SessionDocument session(List<AssessmentView> sessionJudges, List<AssessmentView> turnJudges) {
        var turn = new TurnDocument(1, "tr-1", Instant.parse("2026-05-01T10:00:00Z"), 900, "OK", 2, 0, 0, "q", "a",
                false, null,
                turnJudges, List.of(), List.of(), List.of(), null, List.of());
        return new SessionDocument("exp-polarity", "s-1", false, "u", "OK", 1, true, List.of(turn), sessionJudges,
                List.of(), null,
                List.of(), null, false, null);
    }

    @Test
    void one_field_per_judge_seen_with_the_values_seen_and_what_they_count_as_today() {
        var doc = session(List.of(judge("completeness", "no", Verdict.FAIL)),
                List.of(judge("tone", "curt", Verdict.UNKNOWN), judge("tone", "warm", Verdict.UNKNOWN),
                        judge("relevance", "yes", Verdict.PASS), judge("expected", null, Verdict.UNKNOWN)));

        var editor = new PolarityEditor(doc, Map.of("tone", Set.of("rude")), m -> {});

        assertThat(editor.fields.keySet()).containsExactly("completeness", "tone", "relevance");
        assertThat(editor.fields.get("tone").getHelperText()).isEqualTo("here: curt (unrated), warm (unrated)");
        assertThat(editor.fields.get("completeness").getHelperText()).isEqualTo("here: no (fail)");
        assertThat(editor.fields.get("tone").getValue()).isEqualTo("rude");
        assertThat(editor.fields.get("relevance").getValue()).isEmpty();
    }

    @Test
    void saving_hands_over_every_judges_failing_values_and_an_empty_field_as_no_values() {
        List<Map<String, Set<String>>> saved = new ArrayList<>();
        var doc = session(List.of(),
                List.of(judge("tone", "curt", Verdict.UNKNOWN), judge("relevance", "yes", Verdict.PASS)));
        var editor = new PolarityEditor(doc, Map.of("relevance", Set.of("no")), saved::add);

        editor.fields.get("tone").setValue(" curt, rude ,, ");
        editor.fields.get("relevance").setValue("");
        editor.save.click();

        assertThat(saved).containsExactly(Map.of("tone", Set.of("curt", "rude"), "relevance", Set.of()));
        assertThat(saved.getFirst().get("tone")).containsExactly("curt", "rude");
    }
}
