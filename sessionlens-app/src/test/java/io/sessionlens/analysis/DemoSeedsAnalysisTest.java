package io.sessionlens.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.DemoExportGenerator;
import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.support.DemoVerdicts;
import io.sessionlens.trace.model.Trace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analyzer against the demo generator's ground truth for several seeds (other ids, times and base dates), read
 * with the real reader and grouped as the session index groups them — without a database, so it stays fast.
 */
class DemoSeedsAnalysisTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 20261123, 99})
    void every_seed_gives_exact_transcripts_and_the_whole_verdict_turn_kind_chain_and_flagged_turn(long seed)
            throws Exception {
        DemoCorpus corpus = new DemoExportGenerator(seed,
                Instant.parse("2025-11-10T08:00:00Z").plusSeconds(seed % 86_400))
                .writeDemoSet(dir);
        List<Trace> traces = new ArrayList<>();
        for (Path p : corpus.files()) {
            try (InputStream in = Files.newInputStream(p)) {
                new ExportReader().read(p.getFileName().toString(), in, new ReadListener() {
                    @Override
                    public void trace(Trace trace, List<String> warnings) {
                        traces.add(trace);
                    }
                    @Override
                    public void problem(@Nullable String traceRef, String message) {}
                });
            }
        }
        Map<String, List<Trace>> sessions = traces.stream().collect(Collectors.groupingBy(
                t -> t.info().experimentId() + "/" + t.info().sessionId().orElse(t.traceId())));
        List<String> wrong = new ArrayList<>();
        for (ExpectedSession e : corpus.sessions()) {
            List<Trace> turns = sessions.get(e.experimentId() + "/" + e.sessionId()).stream()
                    .sorted(Comparator.comparing((Trace t) -> t.info().requestTime()).thenComparing(Trace::traceId))
                    .toList();
            SessionAnalysis a = new SessionAnalyzer(AnalysisSettings.defaults()).analyze(turns);
            for (int i = 0; i < e.turns().size(); i++) {
                var want = e.turns().get(i);
                var got = a.turns().get(i);
                if (!got.userText().equals(want.userText()) || !got.assistantText().equals(want.assistantText())) {
                    wrong.add("seed " + seed + " " + e.sessionId() + " turn " + want.index() + " text");
                }
            }
            DemoVerdicts.Verdict got = DemoVerdicts.Verdict.of(a.rootCause());
            DemoVerdicts.Verdict want = DemoVerdicts.expected(e);
            if (!got.equals(want)) {
                wrong.add("seed " + seed + " " + e.sessionId() + ": got " + got + " ("
                        + (a.rootCause() == null
                                ? a.diagnosisNote()
                                : a.rootCause().evidence())
                        + ") but expected " + want + " — " + e.story());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
