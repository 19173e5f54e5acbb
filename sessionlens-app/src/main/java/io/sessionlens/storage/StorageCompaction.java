package io.sessionlens.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.sessionlens.importer.ImportFinished;
import io.sessionlens.importer.ImportStarted;
import io.sessionlens.session.AnalysisQueue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the H2 file compact under update-heavy imports (issue #10, decision 040). H2 never overwrites a page in place,
 * so re-imports that replace many traces leave the file mostly dead space (2 GB for 24 MB of data after five rounds).
 * When the file is large, most of it is dead and SessionLens is quiet (no import for a while, no analysis waiting), this
 * runs H2's own {@code SHUTDOWN COMPACT} (the path H2 runs at every close, not an online API): it holds new requests
 * for database connections (the pool is suspended, so they wait instead of failing), lets the ones in flight finish,
 * compacts, and lets the waiting ones through. A compaction that cannot find a quiet moment simply waits for the next
 * check.
 */
@Component
public class StorageCompaction {
    private static final Logger log = LoggerFactory.getLogger(StorageCompaction.class);

    /** What a compaction did: the file before and after, or why it did not run. */
    public record Outcome(boolean compacted, long bytesBefore, long bytesAfter, String reason) {}

    private final DataSource dataSource;
    private final AnalysisQueue analysis;
    private final Clock clock;
    private final long minFileBytes;
    private final int maxLivePercent;
    private final Duration quietFor;
    private final Object lock = new Object();
    private int importsUnderWay;
    private Instant lastImport = Instant.EPOCH;

    StorageCompaction(DataSource dataSource, AnalysisQueue analysis, Clock clock,
            @Value("${sessionlens.storage.compact-min-size:64MB}") DataSize minFileSize,
            @Value("${sessionlens.storage.compact-below-live-percent:40}") int maxLivePercent,
            @Value("${sessionlens.storage.compact-when-quiet-for:PT2M}") Duration quietFor) {
        this.dataSource = dataSource;
        this.analysis = analysis;
        this.clock = clock;
        this.minFileBytes = minFileSize.toBytes();
        this.maxLivePercent = maxLivePercent;
        this.quietFor = quietFor;
    }

    @EventListener
    void onImportStarted(ImportStarted e) {
        synchronized (lock) {
            importsUnderWay++;
            lastImport = clock.instant();
        }
    }

    @EventListener
    void onImportFinished(ImportFinished e) {
        synchronized (lock) {
            importsUnderWay = Math.max(0, importsUnderWay - 1);
            lastImport = clock.instant();
        }
    }

    @Scheduled(initialDelayString = "${sessionlens.storage.compact-check:PT10M}", fixedDelayString = "${sessionlens.storage.compact-check:PT10M}")
    void check() {
        try {
            Outcome o = compactIfWasteful();
            if (o.compacted())
                log.info("Compacted the database file: {} MB -> {} MB", o.bytesBefore() / 1_000_000,
                        o.bytesAfter() / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Checking whether the database file needs compacting failed: {}", e.toString());
        }
    }

    /** Compacts when the file is large, mostly dead space, and SessionLens is quiet; otherwise says why not. */
    public Outcome compactIfWasteful() {
        Map<String, Long> info = fileInfo();
        if (info.isEmpty()) return new Outcome(false, 0, 0, "not an H2 file database");
        long size = info.getOrDefault("info.FILE_SIZE", 0L);
        long live = liveBytes(info);
        if (size < minFileBytes) return new Outcome(false, size, size, "the file is small");
        if (live * 100 > size * maxLivePercent)
            return new Outcome(false, size, size, "most of the file is live data");
        synchronized (lock) {
            if (importsUnderWay > 0 || Duration.between(lastImport, clock.instant()).compareTo(quietFor) < 0)
                return new Outcome(false, size, size, "an import ran recently");
        }
        if (!analysis.idle()) return new Outcome(false, size, size, "the analysis is at work");
        return compact();
    }

    /** Compacts now if it can get the database to itself within a few seconds. */
    public Outcome compact() {
        if (!(dataSource instanceof HikariDataSource hikari) || !hikari.getJdbcUrl().startsWith("jdbc:h2:file:"))
            return new Outcome(false, 0, 0, "not an H2 file database");
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        if (pool == null) return new Outcome(false, 0, 0, "the connection pool is not running");
        synchronized (this) {
            long before = fileInfo().getOrDefault("info.FILE_SIZE", 0L);
            pool.suspendPool();   // new borrowers wait (up to the pool's connection timeout) instead of failing
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (pool.getActiveConnections() > 0) {
                    if (System.nanoTime() > deadline)
                        return new Outcome(false, before, before, "the database stayed busy");
                    Thread.sleep(50);
                }
                pool.softEvictConnections();   // closes the idle ones: the database closes with the last
                try (Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
                        hikari.getPassword()); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, before, before, "interrupted");
            } catch (SQLException e) {
                log.warn("Compacting the database file failed: {}", e.getMessage());
                return new Outcome(false, before, before, "H2 refused: " + e.getMessage());
            } finally {
                pool.resumePool();
            }
            long after = fileInfo().getOrDefault("info.FILE_SIZE", 0L);
            return new Outcome(true, before, after, "compacted");
        }
    }

    /** H2's storage figures (file size, fill rates), empty on another database. */
    Map<String, Long> fileInfo() {
        Map<String, Long> info = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:file:")) return info;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                    + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    @Nullable Long v = parse(rs.getString(2));
                    if (v != null) info.put(rs.getString(1), v);
                }
            }
        } catch (SQLException e) {
            log.debug("Reading H2's storage figures failed: {}", e.toString());
        }
        return info;
    }

    /** The bytes in use: the file, times the share its chunks take, times the live share of those chunks. */
    static long liveBytes(Map<String, Long> info) {
        long size = info.getOrDefault("info.FILE_SIZE", 0L);
        long fill = info.getOrDefault("info.FILL_RATE", 100L);
        long chunks = info.getOrDefault("info.CHUNKS_FILL_RATE", 100L);
        return size * fill / 100 * chunks / 100;
    }

    private static @Nullable Long parse(@Nullable String v) {
        try {
            return v == null ? null : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
