package io.sessionlens.session.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.support.AppTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index's life across stops (decision 041), on the app's database with an index directory of the test's own: a
 * clean stop leaves a mark and the next start trusts the index; without the mark (a crash, or a new mapping) the start
 * rebuilds it from the database, and either way the index counts what the database holds.
 */
class SessionSearchIndexLifecycleTest extends AppTestBase {
    @Autowired SessionIndexRepository rows;
    @Autowired PlatformTransactionManager transactions;
    @TempDir Path dir;

    @Test
    void a_clean_stop_is_trusted_and_anything_else_is_rebuilt_from_the_database() throws Exception {
        var tx = new TransactionTemplate(transactions);
        var ref = new io.sessionlens.trace.SessionRef("lc-exp", "lc-1");
        tx.executeWithoutResult(s -> {
            if (rows.findByRef(ref).isPresent()) return;
            var e = new io.sessionlens.session.persistence.SessionIndexEntity(ref);
            e.setSessionId("lc-1");
            e.setTurnCount(1);
            e.setFirstRequestTime(java.time.Instant.parse("2026-03-01T10:00:00Z"));
            e.setLastRequestTime(java.time.Instant.parse("2026-03-01T10:00:00Z"));
            e.setWorstState("OK");
            e.setSearchText("lc-1\nlifecycle");
            e.setUpdatedAt(java.time.Instant.parse("2026-03-01T10:00:00Z"));
            rows.save(e);
        });
        long sessions = tx.execute(s -> rows.count());
        assertThat(sessions).isPositive();
        Path mark = dir.resolve("search-index").resolve("clean-stop");

        SessionSearchIndex first = index();
        first.start();
        assertThat(first.ready()).isTrue();
        assertThat(first.count(SessionFilter.none())).isEqualTo(sessions);
        assertThat(first.count(SessionFilter.none().withText("lifecycle"))).isEqualTo(1);
        first.stop();
        assertThat(mark).exists();

        SessionSearchIndex second = index();
        second.start();
        assertThat(mark).as("taken at the start: a crash from now on leaves none").doesNotExist();
        assertThat(second.ready()).isTrue();
        assertThat(second.count(SessionFilter.none())).isEqualTo(sessions);
        second.stop();

        Files.writeString(mark, "mapping 0 analyser 0");   // written by an older mapping
        SessionSearchIndex third = index();
        third.start();
        assertThat(third.ready()).isTrue();
        assertThat(third.count(SessionFilter.none())).isEqualTo(sessions);
        third.stop();

        Files.delete(mark);   // as after a crash
        SessionSearchIndex fourth = index();
        fourth.start();
        assertThat(fourth.ready()).isTrue();
        assertThat(fourth.count(SessionFilter.none())).isEqualTo(sessions);
        assertThat(fourth.count(SessionFilter.none().withText("lifecycle"))).isEqualTo(1);
        fourth.stop();
        assertThat(mark).exists();
    }

    private SessionSearchIndex index() {
        return new SessionSearchIndex(rows, transactions, dir.toString(), "lucene", "", "", 1_000_000);
    }
}
