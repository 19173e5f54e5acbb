package io.sessionlens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.importer.ImportService;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.trace.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo on the README's first start: a start that was stopped while loading it (Ctrl-C, or a script that only waited
 * for the first sessions) finishes the demo on the next start instead of leaving a partial demo for good; a database
 * with the user's own data and no demo folder is never given the demo. Runs on the shared test database, which is not
 * empty, so it exercises exactly the "not empty" decisions.
 */
class DemoDataLoaderTest extends AppTestBase {
    @Autowired TraceStore store;
    @Autowired ImportService imports;

    private DemoDataLoader loader(Path dataDir) {
        return new DemoDataLoader(true, dataDir, store, imports,
                Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void a_database_with_the_users_own_traces_and_no_demo_folder_gets_no_demo() throws Exception {
        Path dataDir = Files.createTempDirectory(DATA_DIR.getParent(), "own-data");
        assertThat(store.isEmpty()).isFalse();

        assertThat(loader(dataDir).load()).isEmpty();
        assertThat(dataDir.resolve("demo-exports")).doesNotExist();
    }

    @Test
    void a_demo_load_that_was_interrupted_is_finished_on_the_next_start_and_then_not_repeated() throws Exception {
        Path dataDir = Files.createTempDirectory(DATA_DIR.getParent(), "interrupted-demo");
        Files.createDirectories(dataDir.resolve("demo-exports"));   // the first start wrote the folder, then stopped

        var report = loader(dataDir).load().orElseThrow();
        assertThat(report.problemCount()).isZero();
        assertThat(report.sessions()).hasSize(15);
        assertThat(dataDir.resolve("demo-exports").resolve(DemoDataLoader.COMPLETE_MARKER)).exists();

        assertThat(loader(dataDir).load()).as("a finished demo is not loaded again").isEmpty();
    }
}
