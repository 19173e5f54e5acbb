package io.sessionlens.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.trace.TraceService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Update-heavy imports leave the H2 file mostly dead space; the upkeep compacts it online and nothing stored is lost.
 */
class StorageUpkeepTest extends AppTestBase {
    @Autowired ImportService imports;
    @Autowired SessionAnalysisWorker worker;
    @Autowired TraceService traces;
    @Autowired StorageUpkeep upkeep;
    @Autowired DataSource dataSource;

    @Test
    void compactingAfterRepeatedUpdatesShrinksTheFileAndKeepsEveryTraceAsLastImported() throws Exception {
        var bytes = new ByteArrayOutputStream();
        new BenchExports(1011, Instant.parse("2026-02-01T00:00:00Z")).writeBulkExport(bytes, 20, 3, 4);
        String export = bytes.toString(StandardCharsets.UTF_8);
        String last = export;
        for (int round = 0; round <= 2; round++) {
            last = round == 0
                    ? export
                    : export.replace("\"request_preview\": \"", "\"request_preview\": \"(round " + round + ") ");
            ImportReport r = imports.importFile("storage-round-" + round + ".json",
                    new ByteArrayInputStream(last.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.tracesImported() + r.tracesUpdated()).isEqualTo(60);
            assertThat(worker.awaitIdle(Duration.ofMinutes(2))).isTrue();
        }

        StorageUpkeep.Compaction done = upkeep.compact();

        assertThat(done).isNotNull();
        assertThat(done.bytesAfter()).isLessThan(done.bytesBefore());
        var ids = Pattern.compile("\"trace_id\": \"(tr-[0-9a-f]+)\"").matcher(last).results().map(m -> m.group(1))
                .distinct().toList();
        assertThat(ids).hasSize(60);
        for (String id : ids) {
            assertThat(traces.find(id)).hasValueSatisfying(
                    t -> assertThat(t.info().requestPreview()).startsWith("(round 2) "));
        }
    }

    @Test
    void theScheduledCheckCompactsOnlyWhenImportsAreQuietAndTheFileIsMostlyDead() throws Exception {
        var eager = new StorageUpkeep(dataSource, Duration.ZERO, 101, Duration.ofSeconds(10));
        var fill = eager.fill();
        assertThat(fill).isNotNull();
        eager.onImportStarted(new io.sessionlens.importer.ImportStarted(java.util.List.of("x.json")));
        assertThat(eager.compactIfDue()).as("an import is under way").isNull();
        eager.onImportFinished(
                new io.sessionlens.importer.ImportFinished(java.util.List.of("x.json"), java.util.Set.of()));
        assertThat(eager.compactIfDue()).as("quiet, and below 101 %% live").isNotNull();

        var patient = new StorageUpkeep(dataSource, Duration.ofHours(1), 101, Duration.ofSeconds(10));
        patient.onImportFinished(
                new io.sessionlens.importer.ImportFinished(java.util.List.of("x.json"), java.util.Set.of()));
        assertThat(patient.compactIfDue()).as("an import finished a moment ago").isNull();

        var content = new StorageUpkeep(dataSource, Duration.ZERO, 0, Duration.ofSeconds(10));
        assertThat(content.compactIfDue()).as("nothing is below 0 %% live").isNull();
    }
}
