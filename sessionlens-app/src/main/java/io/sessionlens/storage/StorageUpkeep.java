package io.sessionlens.storage;

import io.sessionlens.importer.ImportFinished;
import io.sessionlens.importer.ImportStarted;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compacts the H2 file while the server is quiet. H2's MVStore never overwrites a page in place: a replaced trace leaves
 * its old chunks behind, and H2's own background compaction does not keep up with an import that replaces thousands of
 * traces (measured: 117 MB of data grew to 2 GB after five update rounds; BENCHMARKS.md). So once no import has run
 * for {@code sessionlens.storage.compact-after} and less than {@code sessionlens.storage.compact-below-fill} percent of
 * the file is live, this moves the live chunks together and truncates the file, for at most
 * {@code sessionlens.storage.compact-max-time} at a time (writers wait meanwhile; readers do not). PostgreSQL keeps its
 * own house (autovacuum): there this does nothing. Decision record 024.
 */
@Component
public class StorageUpkeep {
    private static final Logger log = LoggerFactory.getLogger(StorageUpkeep.class);

    private final DataSource dataSource;
    private final Duration quietFor;
    private final int compactBelowFill;
    private final Duration maxTime;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private int importsUnderWay;
    private Instant lastWrite = Instant.now();

    StorageUpkeep(DataSource dataSource,
            @Value("${sessionlens.storage.compact-after:PT2M}") Duration quietFor,
            @Value("${sessionlens.storage.compact-below-fill:60}") int compactBelowFill,
            @Value("${sessionlens.storage.compact-max-time:PT30S}") Duration maxTime) {
        this.dataSource = dataSource;
        this.quietFor = quietFor;
        this.compactBelowFill = compactBelowFill;
        this.maxTime = maxTime;
    }

    @EventListener
    void onImportStarted(ImportStarted event) {
        synchronized (lock) {
            importsUnderWay++;
        }
    }

    @EventListener
    void onImportFinished(ImportFinished event) {
        synchronized (lock) {
            importsUnderWay = Math.max(0, importsUnderWay - 1);
            lastWrite = Instant.now();
        }
    }

    /** Every minute: compact when the file is mostly dead space and imports have been quiet long enough. */
    @Scheduled(fixedDelayString = "${sessionlens.storage.check-every:PT1M}", initialDelayString = "${sessionlens.storage.check-every:PT1M}")
    void check() {
        compactIfDue();
    }

    /** The compaction done, or null when imports were not quiet long enough or the file was live enough. */
    @Nullable
    Compaction compactIfDue() {
        synchronized (lock) {
            if (importsUnderWay > 0 || lastWrite.plus(quietFor).isAfter(Instant.now())) return null;
        }
        try {
            Fill fill = fill();
            return fill != null && fill.percentLive() < compactBelowFill ? compact() : null;
        } catch (RuntimeException | SQLException e) {
            log.warn("could not compact the database file; will try again later", e);
            return null;
        }
    }

    /** How much of the H2 file is live data, or null on another database. */
    public @Nullable Fill fill() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = mvStore(c);
            return store == null ? null : new Fill(store.getFileStore().size(), store.getFileStore().getFillRate());
        }
    }

    /**
     * Compacts the H2 file now (at most the configured time); the size before and after, or null on another database.
     */
    public @Nullable Compaction compact() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = mvStore(c);
            if (store == null) return null;
            long before = store.getFileStore().size();
            long started = System.nanoTime();
            int retention = store.getRetentionTime();
            try {
                // compactFile sets the retention time to 0 (it is meant for the shutdown): put it back afterwards
                store.compactFile((int) maxTime.toMillis());
            } finally {
                store.setRetentionTime(retention);
            }
            var done = new Compaction(before, store.getFileStore().size(),
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("compacted the database file from {} MB to {} MB in {} ms", before / 1_000_000,
                    done.bytesAfter() / 1_000_000, done.took().toMillis());
            return done;
        }
    }

    private static @Nullable MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) return null;
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) return null;
        var store = session.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }

    /** The file's size and the percentage of it that live data occupies. */
    public record Fill(long bytes, int percentLive) {}

    /** One compaction: the file's size before and after, and how long it took. */
    public record Compaction(long bytesBefore, long bytesAfter, Duration took) {}
}
