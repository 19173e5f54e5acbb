package io.sessionlens.session.search;

import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionRowsChanged;
import io.sessionlens.session.SessionSort;
import io.sessionlens.session.SessionSummary;
import io.sessionlens.session.persistence.AnalysisJson;
import io.sessionlens.session.persistence.SearchSource;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions list's search engine (decision 041). Every session is a {@link SessionDoc}; after each commit that wrote
 * session rows ({@link SessionRowsChanged}) those sessions are read again and re-indexed before the committing thread
 * goes on, so a list asked for afterwards sees them. On start the index is checked: one left by a clean stop of the same
 * mapping is used as it is; otherwise (first start, a crash, a new mapping) it is rebuilt from the database in the
 * background, and until then {@link #ready()} is false and the list falls back to SQL.
 */
@Component
public class SessionSearchIndex implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SessionSearchIndex.class);
    /** Bump when {@link SessionDoc}'s fields or their meaning change: the next start rebuilds the index. */
    static final int MAPPING_VERSION = 2;
    static final String HEALTHY = "~healthy";
    static final String NOT_ANALYSED = "~not_analysed";
    private static final int REBUILD_PAGE = 500;
    private static final int READ_CHUNK = 400;
    /** From this offset on, a page is first counted, and read backwards if it lies in the second half. */
    private static final int DEEP = 2_000;
    private static final AggregationKey<Map<String, Long>> BUCKETS = AggregationKey.of("buckets");
    /** The same words the index's default analyser ("standard") makes of a text. */
    private static final Analyzer WORDS = new StandardAnalyzer();

    private final SessionIndexRepository rows;
    private final TransactionTemplate read;
    private final Path dataDir;
    private final String backend;
    private final String uris;
    private final String backendVersion;
    /** Up to this many sessions the start rebuilds before it goes on; more are rebuilt in the background. */
    private final long rebuildInStart;
    private volatile @Nullable CloseableSearchMapping mapping;
    private volatile boolean ready;
    /** Sessions changed while a rebuild runs: indexed again once it ends, so the rebuild's older read never wins. */
    private final Set<SessionRef> changedDuringRebuild = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running;

    SessionSearchIndex(SessionIndexRepository rows, PlatformTransactionManager transactions,
            @Value("${sessionlens.data-dir}") String dataDir,
            @Value("${sessionlens.search.backend:lucene}") String backend,
            @Value("${sessionlens.search.uris:http://localhost:9200}") String uris,
            @Value("${sessionlens.search.version:}") String backendVersion,
            @Value("${sessionlens.search.rebuild-in-start:5000}") long rebuildInStart) {
        this.rebuildInStart = rebuildInStart;
        this.rows = rows;
        this.read = new TransactionTemplate(transactions);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read.setReadOnly(true);
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.backend = backend;
        this.uris = uris;
        this.backendVersion = backendVersion;
    }

    /** Whether the index holds every session: the list asks it; until then the list falls back to SQL. */
    public boolean ready() {
        return ready;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        boolean lucene = !"elasticsearch".equalsIgnoreCase(backend);
        Map<String, Object> props = new HashMap<>();
        if (lucene) {
            props.put("hibernate.search.backend.type", "lucene");
            props.put("hibernate.search.backend.directory.root", indexRoot().toString());
            props.put("hibernate.search.backend.lucene_version", "LATEST");
            // Changes are visible to the next search at once (read-sync); the files are committed within a second.
            props.put("hibernate.search.backend.io.commit_interval", 1000);
        } else {
            props.put("hibernate.search.backend.type", "elasticsearch");
            props.put("hibernate.search.backend.uris", uris);
            if (!backendVersion.isBlank()) props.put("hibernate.search.backend.version", backendVersion);
            props.put("hibernate.search.schema_management.strategy", "create-or-update");
        }
        boolean trusted = lucene && cleanlyStopped();
        try {
            mapping = SearchMapping.builder(AnnotatedTypeSource.fromClasses(SessionDoc.class)).properties(props)
                    .build();
        } catch (RuntimeException e) {
            log.warn("the search index could not be opened; the sessions list searches the database instead", e);
            return;
        }
        long sessions = rowCount();
        if (trusted && documents() == sessions) {
            ready = true;
            log.info("search index: {} sessions, ready", sessions);
            return;
        }
        if (sessions <= rebuildInStart) {   // seconds at most: the app starts with its index ready
            if (rebuilding.compareAndSet(false, true)) rebuild();
            return;
        }
        rebuildInBackground();
    }

    /** One rebuild at a time: a second request while one runs is covered by its re-index of what changed meanwhile. */
    private void rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true)) return;
        Thread t = new Thread(this::rebuild, "search-index-rebuild");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        ready = false;
        CloseableSearchMapping m = mapping;
        mapping = null;
        if (m == null) return;
        try {
            m.close();
            if (!"elasticsearch".equalsIgnoreCase(backend) && !rebuilding.get()) writeMarker();
        } catch (RuntimeException e) {
            log.warn("the search index did not close cleanly; it is rebuilt on the next start", e);
        }
    }

    @Override
    public boolean isRunning() { return running; }

    /** After the database (Flyway, JPA) and before the web server takes requests. */
    @Override
    public int getPhase() { return 0; }

    private Path indexRoot() {
        return dataDir.resolve("search-index");
    }

    private Path marker() {
        return indexRoot().resolve("clean-stop");
    }

    private String markerText() {
        return "mapping " + MAPPING_VERSION + " analyser " + SessionAnalyzer.VERSION;
    }

    /** Whether the index was closed cleanly by this mapping; the mark is removed, so a crash from now on rebuilds. */
    private boolean cleanlyStopped() {
        try {
            boolean clean = Files.exists(marker())
                    && Files.readString(marker(), StandardCharsets.UTF_8).trim().equals(markerText());
            Files.deleteIfExists(marker());
            return clean;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeMarker() {
        try {
            Files.createDirectories(indexRoot());
            Files.writeString(marker(), markerText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long rowCount() {
        Long n = read.execute(tx -> rows.count());
        return n == null ? 0 : n;
    }

    private long documents() {
        try (SearchSession s = session()) {
            return s.search(SessionDoc.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    /**
     * Every session read again, in key order; changes made meanwhile are indexed again at the end. The caller has set
     * {@link #rebuilding}; the tests call it directly.
     */
    void rebuild() {
        rebuilding.set(true);
        ready = false;   // the list asks the database while the index is emptied and filled again
        long started = System.nanoTime();
        long n = 0;
        try {
            try (SearchSession s = session()) {
                s.workspace().purge();
            }
            List<String> experiments = read.execute(tx -> rows.findExperimentIds());
            for (String exp : experiments == null ? List.<String>of() : experiments) {
                String key = "";
                while (running) {
                    String after = key;
                    List<SearchSource> page = read.execute(tx -> rows.findSearchSourcesOfExperimentAfter(exp, after,
                            Limit.of(REBUILD_PAGE)));
                    if (page == null || page.isEmpty()) break;
                    try (SearchSession s = session(IndexingPlanSynchronizationStrategy.readSync())) {
                        for (SearchSource src : page) s.indexingPlan().addOrUpdate(doc(src));
                    }
                    n += page.size();
                    key = page.getLast().sessionKey();
                }
            }
            rebuilding.set(false);
            Set<SessionRef> again = new HashSet<>(changedDuringRebuild);
            changedDuringRebuild.removeAll(again);
            update(again);
            if (running) {
                try (SearchSession s = session()) {
                    s.workspace().flush();   // committed to disk, not only visible
                    s.workspace().refresh();
                }
                ready = true;
                log.info("search index rebuilt: {} sessions in {} ms", n, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("the search index could not be rebuilt; the sessions list searches the database instead", e);
        } finally {
            rebuilding.set(false);
        }
    }

    // ---- keeping it current --------------------------------------------------------------------------------------

    @EventListener
    void onRowsChanged(SessionRowsChanged event) {
        if (mapping == null) return;
        if (rebuilding.get()) changedDuringRebuild.addAll(event.sessions());
        try {
            update(event.sessions());
        } catch (RuntimeException e) {
            // The rows are committed; a stale document costs a wrong list until the next rebuild, so say so loudly.
            ready = false;
            log.error("the search index missed a change of {} sessions; rebuilding it", event.sessions().size(), e);
            rebuildInBackground();
        }
    }

    @EventListener
    void onExperimentChanged(SessionRowsChanged.Experiment event) {
        if (mapping == null) return;
        String key = "";
        while (true) {
            String after = key;
            List<SessionRef> page = read.execute(tx -> rows.findRefsOfExperimentAfter(event.experimentId(), after,
                    Limit.of(REBUILD_PAGE)));
            if (page == null || page.isEmpty()) return;
            onRowsChanged(new SessionRowsChanged(Set.copyOf(page)));
            key = page.getLast().sessionId();
        }
    }

    /** Re-reads these sessions and writes their documents; a session without a row any more leaves the index. */
    void update(Collection<SessionRef> refs) {
        if (refs.isEmpty() || mapping == null) return;
        List<SessionRef> all = List.copyOf(refs);
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<SessionRef> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            Set<String> keys = new HashSet<>();
            for (SessionRef r : chunk) keys.add(r.sessionId());
            List<SearchSource> found = read.execute(tx -> rows.findSearchSources(keys));
            Map<SessionRef, SearchSource> byRef = new HashMap<>();
            if (found != null)
                for (SearchSource s : found) byRef.put(new SessionRef(s.experimentId(), s.sessionKey()), s);
            try (SearchSession s = session(IndexingPlanSynchronizationStrategy.readSync())) {
                for (SessionRef r : chunk) {
                    SearchSource src = byRef.get(r);
                    if (src == null)
                        s.indexingPlan().purge(SessionDoc.class, SessionDoc.id(r.experimentId(),
                                r.sessionId()), null);
                    else
                        s.indexingPlan().addOrUpdate(doc(src));
                }
            }
        }
    }

    static SessionDoc doc(SearchSource s) {
        boolean analysedNow = "human".equals(s.verdictSource())
                || s.analysisVersion() == SessionAnalyzer.VERSION && s.hasAnalysis();
        String bucket = s.rootCauseTurn() != null
                ? (s.rootCauseKind() == null ? "other" : s.rootCauseKind())
                : analysedNow ? HEALTHY : NOT_ANALYSED;
        List<String> judges = new ArrayList<>();
        addJudges(judges, s.sessionJudges(), false);
        addJudges(judges, s.turnJudges(), true);
        return new SessionDoc(s.experimentId(), s.sessionKey(), s.userId(), s.worstState(), s.turnCount(),
                s.errorTurns(), s.firstRequestTime(), s.lastRequestTime(), s.totalDurationMs(), s.rootCauseTurn(),
                s.rootCauseKind(), s.verdictSource(), bucket, AnalysisJson.failingNames(s.failingJudges()),
                List.copyOf(new java.util.LinkedHashSet<>(judges)),
                s.searchText() == null ? s.sessionKey().toLowerCase(Locale.ROOT) : s.searchText());
    }

    private static void addJudges(List<String> out, @Nullable String json, boolean perTurn) {
        if (json == null || json.isBlank()) return;
        try {
            if (perTurn) {
                for (var j : AnalysisJson.readTurnJudges(json)) addJudge(out, j.name(), j.value());
            } else {
                for (var j : AnalysisJson.readJudges(json)) addJudge(out, j.name(), j.value());
            }
        } catch (RuntimeException unreadable) {
            // an older or damaged list is not searchable by judge; the session still is by everything else
        }
    }

    private static void addJudge(List<String> out, String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        out.add(n);
        out.add(n + SessionDoc.SEP + value.toLowerCase(Locale.ROOT));
    }

    // ---- asking it -----------------------------------------------------------------------------------------------

    /** One page of matching sessions in the list's order, how many match in all, and the cursor after the page. */
    public record Hits(List<SessionRef> sessions, long total, @Nullable String next) {}

    /** One page of matching sessions in the list's order and the cursor after it (null: nothing after it). */
    public record Slice(List<SessionRef> sessions, @Nullable String next) {}

    /** A sort key of the list's order: the keys asked for, then the ties (experiment, then key). */
    record Key(String field, boolean descending) {}

    /** A hit with its values of every sort key, in the order of {@link #keys}. */
    private record Hit(SessionRef ref, List<@Nullable Object> values) {}

    /**
     * Lucene keeps offset + limit hits while it collects, so a page in the second half of the matches is read from the
     * other end, in the reverse order, and turned around: the last page costs what the first does. The middle costs
     * most; a client paging on follows {@link Hits#next()} instead ({@link #slice}).
     */
    public Hits search(SessionFilter filter, List<SessionSort.Order> sort, int offset, int limit) {
        return search(filter, sort, offset, limit, DEEP);
    }

    Hits search(SessionFilter filter, List<SessionSort.Order> sort, int offset, int limit, int deep) {
        List<Key> keys = keys(sort);
        try (SearchSession s = session()) {
            if (offset > deep) {
                long total = s.search(SessionDoc.class).where(f -> predicate(f, filter)).fetchTotalHitCount();
                if (offset >= total) return new Hits(List.of(), total, null);
                if (offset + limit / 2 > total / 2) {
                    int end = (int) Math.min(total, (long) offset + limit);
                    List<Hit> back = new ArrayList<>(s.search(SessionDoc.class)
                            .select(f -> hit(f, keys))
                            .where(f -> predicate(f, filter))
                            .sort(f -> sort(f, keys, true))
                            .fetchHits((int) (total - end), end - offset));
                    java.util.Collections.reverse(back);
                    return new Hits(refs(back), total, next(keys, offset, back, total));
                }
            }
            SearchResult<Hit> r = s.search(SessionDoc.class)
                    .select(f -> hit(f, keys))
                    .where(f -> predicate(f, filter))
                    .sort(f -> sort(f, keys, false))
                    .fetch(offset, limit);
            long total = r.total().hitCount();
            return new Hits(refs(r.hits()), total, next(keys, offset, r.hits(), total));
        }
    }

    /**
     * The page {@code skip} rows after a cursor (null: from the first row), without counting the matches: with a cursor
     * of this engine it asks for the rows after the cursor's values, so it costs what the first page costs wherever it
     * is. A cursor of another order is an {@link IllegalArgumentException}.
     */
    public Slice slice(SessionFilter filter, List<SessionSort.Order> sort, @Nullable String cursor, int skip,
            int limit) {
        List<Key> keys = keys(sort);
        ListCursor after = cursor == null ? null : cursor(cursor, keys);
        if (after != null && !after.values().isEmpty()) return uncounted(filter, keys, after, skip, limit);
        int offset = (int) Math.min(Integer.MAX_VALUE - limit, (after == null ? 0 : after.position()) + skip);
        if (offset <= DEEP) return uncounted(filter, keys, null, offset, limit);
        Hits h = search(filter, sort, offset, limit);
        return new Slice(h.sessions(), h.next());
    }

    /**
     * The page {@code skip} rows after a cursor's values (null: from the first row), uncounted: once it holds the page,
     * Lucene skips what cannot enter it. A full page may have rows after it, a short one has none.
     */
    private Slice uncounted(SessionFilter filter, List<Key> keys, @Nullable ListCursor after, int skip, int limit) {
        try (SearchSession s = session()) {
            List<Hit> hits = s.search(SessionDoc.class)
                    .select(f -> hit(f, keys))
                    .where(f -> after == null
                            ? predicate(f, filter)
                            : f.bool().filter(predicate(f, filter)).filter(after(f, keys, after.values())))
                    .sort(f -> sort(f, keys, false))
                    .totalHitCountThreshold(skip + limit)
                    .fetchHits(skip, limit);
            long position = (after == null ? 0 : after.position()) + skip;
            return new Slice(refs(hits), hits.size() < limit ? null : cursorAfter(keys, position, hits));
        }
    }

    /** The position a cursor of this order points at; {@link IllegalArgumentException} for any other token. */
    public static long position(String cursor, List<SessionSort.Order> sort) {
        return cursor(cursor, keys(sort)).position();
    }

    /** A cursor that knows only its position: what the database's list gives out before the engine is ready. */
    public static String positionCursor(long position, List<SessionSort.Order> sort) {
        return new ListCursor(position, signature(keys(sort)), List.of()).token();
    }

    private static ListCursor cursor(String token, List<Key> keys) {
        ListCursor c = ListCursor.parse(token);
        if (!c.sort().equals(signature(keys)))
            throw new IllegalArgumentException("cursor: it belongs to another sort order (" + c.sort() + ")");
        if (!c.values().isEmpty() && c.values().size() != keys.size())
            throw new IllegalArgumentException("cursor: not one this list gave out");
        return c;
    }

    private static @Nullable String next(List<Key> keys, int offset, List<Hit> page, long total) {
        return page.isEmpty() || offset + page.size() >= total ? null : cursorAfter(keys, offset, page);
    }

    /** The cursor after the last of these hits, which start at {@code position}. */
    private static String cursorAfter(List<Key> keys, long position, List<Hit> page) {
        return new ListCursor(position + page.size(), signature(keys), page.getLast().values()).token();
    }

    private static List<SessionRef> refs(List<Hit> hits) {
        List<SessionRef> out = new ArrayList<>(hits.size());
        for (Hit h : hits) out.add(h.ref());
        return out;
    }

    /** A hit's key and its value of every sort key (the ties, experiment and key, are among them). */
    private static ProjectionFinalStep<Hit> hit(
            SearchProjectionFactory<?, ?> f, List<Key> keys) {
        int experiment = -1, key = -1;
        List<SearchProjection<?>> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String field = keys.get(i).field();
            if (field.equals("experimentId")) experiment = i;
            if (field.equals("sessionKey")) key = i;
            values.add(f.field(field).toProjection());
        }
        int e = experiment, k = key;
        return f.composite().from(values.toArray(SearchProjection[]::new))
                .asList(v -> new Hit(new SessionRef((String) v.get(e), (String) v.get(k)), new ArrayList<>(v)));
    }
    public long count(SessionFilter filter) {
        try (SearchSession s = session()) {
            return s.search(SessionDoc.class).where(f -> predicate(f, filter)).fetchTotalHitCount();
        }
    }

    /** Every matching session in the list's order, a chunk at a time (an export). */
    public void forEachMatching(SessionFilter filter, List<SessionSort.Order> sort, int chunk,
            Consumer<List<SessionRef>> each) {
        List<Key> keys = keys(sort);
        try (SearchSession s = session();
                SearchScroll<Hit> scroll = s.search(SessionDoc.class)
                        .select(f -> hit(f, keys))
                        .where(f -> predicate(f, filter))
                        .sort(f -> sort(f, keys, false))
                        .scroll(chunk)) {
            for (SearchScrollResult<Hit> r = scroll.next(); r.hasHits(); r = scroll.next()) each.accept(refs(r.hits()));
        }
    }

    /** The summary line over every verdict of the filter: one query with a terms aggregation. */
    public SessionSummary summary(SessionFilter filter) {
        try (SearchSession s = session()) {
            SearchResult<?> r = s.search(SessionDoc.class).where(f -> predicate(f, filter.anyVerdict()))
                    .aggregation(BUCKETS, f -> f.terms().field("bucket", String.class).maxTermCount(1000))
                    .fetch(0);
            long total = r.total().hitCount();
            long healthy = 0, notAnalysed = 0, rootCause = 0;
            List<Map.Entry<String, Long>> kinds = new ArrayList<>();
            for (var e : r.aggregation(BUCKETS).entrySet()) {
                switch (e.getKey()) {
                    case HEALTHY -> healthy += e.getValue();
                    case NOT_ANALYSED -> notAnalysed += e.getValue();
                    default -> {
                        rootCause += e.getValue();
                        kinds.add(Map.entry(e.getKey(), e.getValue()));
                    }
                }
            }
            kinds.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> byKind = new LinkedHashMap<>();
            kinds.forEach(e -> byKind.put(e.getKey(), e.getValue()));
            return new SessionSummary(total, rootCause, healthy, notAnalysed, byKind);
        }
    }

    private SearchSession session() {
        CloseableSearchMapping m = mapping;
        if (m == null) throw new IllegalStateException("the search index is closed");
        return m.createSession();
    }

    private SearchSession session(IndexingPlanSynchronizationStrategy strategy) {
        CloseableSearchMapping m = mapping;
        if (m == null) throw new IllegalStateException("the search index is closed");
        return m.createSessionWithOptions().indexingPlanSynchronizationStrategy(strategy).build();
    }

    /** The filter as the database's {@code SessionSearch} defines it, field by field. */
    static PredicateFinalStep predicate(SearchPredicateFactory f, SessionFilter q) {
        BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
        if (present(q.experimentId())) b.filter(f.match().field("experimentId").matching(q.experimentId()));
        if (present(q.user())) b.filter(f.match().field("userId").matching(q.user()));
        if (present(q.state()))
            b.filter(f.match().field("worstState").matching(q.state().toUpperCase(Locale.ROOT)));
        if (q.from() != null) b.filter(f.range().field("lastRequestTime").atLeast(q.from()));
        if (q.to() != null) b.filter(f.range().field("firstRequestTime").atMost(q.to()));
        if (q.errorsOnly()) b.filter(f.range().field("errorTurns").greaterThan(0));
        if (q.verdict() != null) b.filter(switch (q.verdict()) {
            case ROOT_CAUSE -> f.exists().field("rootCauseTurn");
            case HEALTHY -> f.match().field("bucket").matching(HEALTHY);
            case NOT_ANALYSED -> f.match().field("bucket").matching(NOT_ANALYSED);
        });
        if (present(q.rootCauseKind())) b.filter(f.match().field("rootCauseKind").matching(q.rootCauseKind()));
        if (q.rootCauseTurn() != null) b.filter(f.match().field("rootCauseTurn").matching(q.rootCauseTurn()));
        if (q.startedFrom() != null) b.filter(f.range().field("firstRequestTime").atLeast(q.startedFrom()));
        if (q.startedTo() != null) b.filter(f.range().field("firstRequestTime").lessThan(q.startedTo()));
        if (present(q.verdictSource())) {
            var human = f.match().field("verdictSource").matching("human");
            b.filter("human".equals(q.verdictSource()) ? human.toPredicate() : f.not(human).toPredicate());
        }
        if (present(q.failingJudge())) b.filter(f.match().field("failing").matching(q.failingJudge()));
        if (present(q.judgeName())) {
            String name = q.judgeName().toLowerCase(Locale.ROOT);
            b.filter(f.match().field("judges").matching(present(q.judgeValue())
                    ? name + SessionDoc.SEP + q.judgeValue().toLowerCase(Locale.ROOT)
                    : name));
        }
        if (present(q.text())) b.filter(text(f, q.text()));
        return b;
    }

    /**
     * Every word of the query begins a word of the session's text ("refun" finds "refund"), or the whole query begins
     * the session's id, whatever its case.
     */
    static PredicateFinalStep text(SearchPredicateFactory f, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        var idPrefix = f.wildcard().field("keyLower").matching(escapeWildcard(q) + "*");
        List<String> words = words(q);
        if (words.isEmpty()) return idPrefix;
        BooleanPredicateClausesStep<?, ?> all = f.bool();
        for (String w : words) all.must(f.wildcard().field("text").matching(escapeWildcard(w) + "*"));
        return f.bool().should(all).should(idPrefix);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = WORDS.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String escapeWildcard(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** The list's order: the keys given (newest activity first without any), ties by experiment and key. */
    static List<Key> keys(List<SessionSort.Order> orders) {
        List<Key> out = new ArrayList<>();
        if (orders.isEmpty()) out.add(new Key("lastRequestTime", true));
        for (SessionSort.Order o : orders) {
            if (out.stream().noneMatch(k -> k.field().equals(o.key().field())))
                out.add(new Key(o.key().field(), o.descending()));
        }
        if (out.stream().noneMatch(k -> k.field().equals("experimentId"))) out.add(new Key("experimentId", false));
        if (out.stream().noneMatch(k -> k.field().equals("sessionKey"))) out.add(new Key("sessionKey", false));
        return out;
    }

    static String signature(List<Key> keys) {
        StringBuilder b = new StringBuilder();
        for (Key k : keys) b.append(b.isEmpty() ? "" : ",").append(k.field()).append(k.descending() ? ":d" : ":a");
        return b.toString();
    }

    /** The list's order; {@code reversed} is exactly that order backwards. */
    static SortFinalStep sort(SearchSortFactory f, List<Key> keys, boolean reversed) {
        var c = f.composite();
        for (Key k : keys) c.add(key(f, k.field(), k.descending(), reversed));
        return c;
    }

    /**
     * The rows after a row with these values in the list's order (a missing value sorts lowest, as in the database):
     * for some key, every key before it equal and this one beyond.
     */
    static PredicateFinalStep after(SearchPredicateFactory f, List<Key> keys, List<@Nullable Object> values) {
        BooleanPredicateClausesStep<?, ?> any = f.bool();
        for (int i = 0; i < keys.size(); i++) {
            BooleanPredicateClausesStep<?, ?> clause = f.bool();
            for (int j = 0; j < i; j++) clause.filter(equal(f, keys.get(j).field(), values.get(j)));
            clause.filter(beyond(f, keys.get(i), values.get(i)));
            any.should(clause);
        }
        return any;
    }

    private static PredicateFinalStep equal(SearchPredicateFactory f, String field, @Nullable Object value) {
        return value == null ? f.not(f.exists().field(field)) : f.match().field(field).matching(value);
    }

    private static PredicateFinalStep beyond(SearchPredicateFactory f, Key k, @Nullable Object value) {
        if (!k.descending())
            return value == null ? f.exists().field(k.field()) : f.range().field(k.field()).greaterThan(value);
        if (value == null) return f.matchNone();   // missing values come last: nothing lies beyond them
        return f.bool().should(f.range().field(k.field()).lessThan(value)).should(f.not(f.exists().field(k.field())));
    }

    /** The database sorts a missing value lowest: first ascending, last descending. */
    private static SortFinalStep key(SearchSortFactory f, String field, boolean descending, boolean reversed) {
        boolean desc = descending != reversed;
        return desc ? f.field(field).desc().missing().last() : f.field(field).asc().missing().first();
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
