package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SessionDocumentTest {

    static TurnDocument turn(int index, String state, List<ErrorSpan> errors, List<AssessmentView> judges) {
        return new TurnDocument(index, "tr-" + index, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(index), 1200,
                state, 3,
                errors.size(), 0, "question " + index, "answer " + index, false, null, judges, errors, List.of(),
                List.of(), null,
                List.of());
    }

    static AssessmentView judge(String name, Object value, Verdict verdict) {
        return new AssessmentView(name, value, "because", "LLM_JUDGE", null, verdict, false, List.of());
    }

    static SessionDocument session(TurnDocument... turns) {
        return new SessionDocument("exp-1", "s-1", false, "u-1", "ERROR", turns.length, true, List.of(turns), List.of(),
                List.of(),
                null, List.of(), null, false, null);
    }

    @Test
    void a_turn_is_flagged_for_an_error_state_an_error_span_or_a_failing_judge() {
        var doc = session(
                turn(1, "OK", List.of(), List.of(judge("relevance", "yes", Verdict.PASS))),
                turn(2, "ERROR", List.of(), List.of()),
                turn(3, "OK", List.of(new ErrorSpan("s1", "search", "timeout", null, null)), List.of()),
                turn(4, "OK", List.of(), List.of(judge("user_frustration", "unresolved", Verdict.FAIL))),
                turn(5, "IN_PROGRESS", List.of(), List.of(judge("tone", "curt", Verdict.UNKNOWN))));

        assertThat(doc.flaggedTurns()).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void the_flagged_turns_are_not_part_of_the_api_document() {
        var json = JsonMapper.builder().build().writeValueAsString(session(turn(1, "ERROR", List.of(), List.of())));
        assertThat(json).doesNotContain("flagged");
    }
}
