package io.sessionlens.analysis.bench;

import static io.sessionlens.support.TestTraces.feedback;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AnalysisSettings;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.support.TestSessions;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Speed of the analyzer on long sessions (excluded from the normal test run by the pom's {@code **}/bench/** rule).
 * Run: {@code ./mvnw -o -q test -Dtest='io.sessionlens.analysis.bench.*'}; timings are printed, never asserted.
 */
class SessionAnalyzerBenchmark {

    /** A session of {@code turns} turns, each LLM call given the whole history, with a 1,500-character document per turn. */
    static List<Trace> longSession(int turns) {
        List<Trace> out = new ArrayList<>();
        List<String[]> history = new ArrayList<>();
        for (int n = 1; n <= turns; n++) {
            String user = "Question " + n + " about transfer limits for account type " + (n % 7) + " and fee band "
                    + (n * 13);
            String answer = "For account type " + (n % 7) + " the limit is " + (1000 + n * 17)
                    + " euros and the fee is " + (n % 5) + ".5%.";
            TestTraces.TraceBuilder t = TestSessions.ragTurn(n, user, answer, List.copyOf(history),
                    TestSessions.SYSTEM);
            t.span("ret" + n, "root" + n, "retrieve", "RETRIEVER").startMs(100).inputs(user).outputs(List.of(
                    TestSessions.doc("kb/limits-" + n + ".md", ("Limits table row " + n + ": ").repeat(60),
                            Map.of("last_updated", "2024-01-01"))));
            if (n % 10 == 0)
                t.assessment(feedback("c" + n, "correctness", n == turns ? "no" : "yes").rationale("checked"));
            out.add(t.build());
            history.add(new String[]{user, answer});
        }
        return out;
    }

    @Test
    void long_sessions() {
        SessionAnalyzer analyzer = new SessionAnalyzer(AnalysisSettings.defaults());
        analyzer.analyze(longSession(20)); // warm-up
        for (int turns : new int[]{10, 50, 100, 200}) {
            List<Trace> session = longSession(turns);
            long best = Long.MAX_VALUE;
            SessionAnalysis a = null;
            for (int run = 0; run < 3; run++) { // the machine is shared: the fastest of three is the least disturbed
                long start = System.nanoTime();
                a = analyzer.analyze(session);
                best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("BENCH %d turns (history up to %d messages per LLM call): %d ms (best of 3)%n", turns,
                    2 * turns, best);
            assertThat(a.turns()).hasSize(turns);
        }
    }
}
