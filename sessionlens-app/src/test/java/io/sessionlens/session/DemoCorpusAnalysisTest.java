package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.demodata.ExpectedTurn;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.DemoVerdicts;
import io.sessionlens.trace.SessionRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole pipeline on the demo generator's sessions, against their ground truth: every dialect and chat convention
 * imports, turns come out in order with the right texts, session judges sit apart from per-turn ones, and the root
 * cause lands on the turn where things started to go wrong — often earlier than the turn a judge flagged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCorpusAnalysisTest extends AppTestBase {
    @Autowired ImportService imports;
    @Autowired SessionReader sessions;
    DemoCorpus corpus;
    ImportReport report;

    @BeforeAll
    void importDemoSet() throws Exception {
        var loaded = DemoData.load(imports);
        corpus = loaded.corpus();
        report = loaded.report();
    }

    @Test
    void every_demo_file_imports_without_errors() {
        assertThat(report.files()).allSatisfy(f -> assertThat(f.errors()).as(f.name()).isEmpty());
        int expectedTraces = corpus.sessions().stream().mapToInt(s -> s.turns().size()).sum();
        assertThat(report.tracesImported() + report.tracesUpdated() + report.tracesUnchanged())
                .isEqualTo(expectedTraces);
    }

    @Test
    void turns_are_in_request_time_order_with_the_texts_the_user_and_assistant_wrote() {
        List<String> wrong = new ArrayList<>();
        int turns = 0;
        for (ExpectedSession e : corpus.sessions()) {
            SessionDocument doc = sessions.open(new SessionRef(e.experimentId(), e.sessionId())).orElseThrow();
            assertThat(doc.turns()).as(e.sessionId()).hasSize(e.turns().size());
            for (ExpectedTurn t : e.turns()) {
                turns++;
                TurnDocument got = doc.turns().get(t.index() - 1);
                assertThat(got.traceId()).as(e.sessionId() + " turn " + t.index()).isEqualTo(t.traceId());
                if (!got.userText().equals(t.userText()) || !got.assistantText().equals(t.assistantText())) {
                    wrong.add(e.sessionId() + " turn " + t.index() + " (" + e.chatFormat() + "): user=" + got.userText()
                            + " | assistant=" + got.assistantText());
                }
            }
        }
        assertThat(wrong).as("turns read wrongly out of " + turns).isEmpty();
    }

    @Test
    void the_whole_verdict_turn_kind_chain_and_flagged_turn_matches_the_ground_truth_and_healthy_sessions_have_none() {
        List<String> wrong = new ArrayList<>();
        for (ExpectedSession e : corpus.sessions()) {
            var rc = sessions.open(new SessionRef(e.experimentId(), e.sessionId())).orElseThrow().rootCause();
            DemoVerdicts.Verdict got = DemoVerdicts.Verdict.of(rc);
            DemoVerdicts.Verdict want = DemoVerdicts.expected(e);
            if (!got.equals(want)) {
                wrong.add(
                        e.sessionId() + ": expected " + want + ", got " + got + (rc == null ? "" : ": " + rc.evidence())
                                + " — story: " + e.story());
            }
            if (rc != null) {
                assertThat(rc.confidence()).as(e.sessionId()).isBetween(0.0, 1.0);
                assertThat(rc.candidates()).as(e.sessionId()).isNotEmpty().first()
                        .satisfies(c -> assertThat(c.turn()).isEqualTo(rc.turn()));
                assertThat(rc.reason() != null).as(e.sessionId() + " has a reason exactly when its kind is other")
                        .isEqualTo(rc.kind() == io.sessionlens.analysis.RootCauseKind.OTHER);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void session_level_judges_are_apart_from_per_turn_ones() {
        long sessionLevelScorerErrors = 0;
        for (ExpectedSession e : corpus.sessions()) {
            SessionDocument doc = sessions.open(new SessionRef(e.experimentId(), e.sessionId())).orElseThrow();
            // a session judge whose scorer failed is listed as a scorer error, never as a verdict
            List<String> shown = new ArrayList<>();
            doc.sessionAssessments().forEach(a -> shown.add(a.name()));
            doc.scorerErrors().forEach(x -> shown.add(x.name()));
            assertThat(shown).as(e.sessionId()).containsAll(e.sessionAssessmentNames());
            assertThat(e.sessionAssessmentNames()).as(e.sessionId())
                    .containsAll(doc.sessionAssessments().stream().map(a -> a.name()).toList());
            doc.turns().forEach(t -> assertThat(t.assessments()).noneMatch(a -> a.sessionLevel()));
            // and a failed session judge is marked so, to be listed with the session, not in turn 1's card
            doc.scorerErrors().forEach(x -> assertThat(x.sessionLevel()).as(e.sessionId() + " " + x.name())
                    .isEqualTo(e.sessionAssessmentNames().contains(x.name())));
            sessionLevelScorerErrors += doc.scorerErrors().stream().filter(x -> x.sessionLevel()).count();
        }
        assertThat(sessionLevelScorerErrors).as("the demo corpus has a failed session-level judge").isPositive();
    }
}
