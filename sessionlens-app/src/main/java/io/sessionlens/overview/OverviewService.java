package io.sessionlens.overview;

import io.sessionlens.overview.Figures.Agreement;
import io.sessionlens.overview.Figures.JudgeFigures;
import io.sessionlens.overview.Figures.KindAgreement;
import io.sessionlens.overview.Figures.Latency;
import io.sessionlens.overview.persistence.RollupStore;
import io.sessionlens.trace.ExperimentNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The quality overview, read from the per-day rollups (a few hundred rows per period, whatever the number of sessions)
 * and the human verdicts of the period (for the list of disagreements).
 */
@Service
public class OverviewService {
    /** Disagreements listed at most; the counts above them are complete. */
    public static final int MAX_DISAGREEMENTS = 200;
    /** Published (base.live) whenever rollups were recomputed: an open overview reads them again. */
    public static final String LIVE_TOPIC = "overview";
    private static final int MAX_REVIEWED_READ = 5_000;

    private final RollupStore store;
    private final RollupMaintainer maintainer;
    private final ExperimentNames names;
    private final Clock clock;

    OverviewService(RollupStore store, RollupMaintainer maintainer, ExperimentNames names, Clock clock) {
        this.store = store;
        this.maintainer = maintainer;
        this.names = names;
        this.clock = clock;
    }

    /** Experiments with sessions, by id, with their names where they have one (id when not). */
    public Map<String, String> experiments() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String id : store.experiments()) out.put(id, names.label(id));
        return out;
    }

    public Overview overview(OverviewPeriod period) {
        maintainer.catchUpQuietly();
        String exp = period.experimentId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate[] range = period.resolve(today, period.preset() == OverviewPeriod.Preset.ALL
                ? store.firstDay(exp)
                : null);
        LocalDate from = range[0], to = range[1];
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate prevFrom = from.minusDays(length), prevTo = from.minusDays(1);

        List<RollupStore.Row> rows = store.read(exp, prevFrom, to.plusDays(1));
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        for (RollupStore.Row r : rows) byDay.computeIfAbsent(r.day(), d -> new HashMap<>()).put(r.metric(), r.n());

        Figures current = figures(from, to, sum(byDay, from, to));
        Figures previous = figures(prevFrom, prevTo, sum(byDay, prevFrom, prevTo));
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(day(d, byDay.getOrDefault(d, Map.of())));
        return new Overview(exp, current, previous, days, disagreements(exp, from, to));
    }

    private List<Disagreement> disagreements(@Nullable String exp, LocalDate from, LocalDate to) {
        List<Disagreement> out = new ArrayList<>();
        for (RollupStore.Reviewed r : store.reviewed(exp, OverviewPeriod.start(from),
                OverviewPeriod.start(to.plusDays(1)), MAX_REVIEWED_READ)) {
            boolean sameTurn = java.util.Objects.equals(r.turn(), r.autoTurn());
            boolean differs = !(sameTurn && (r.turn() == null || java.util.Objects.equals(r.kind(), r.autoKind())));
            List<String> judges = new ArrayList<>();
            JudgeOutcomes.read(r.sessionJudges()).forEach((name, failed) -> {
                if (failed == (r.turn() == null)) judges.add(name);
            });
            if (!differs && judges.isEmpty()) continue;
            out.add(new Disagreement(r.experimentId(), r.sessionKey(), r.firstRequest(), r.reviewer(), r.decidedAt(),
                    r.turn(), r.kind(), r.autoTurn(), r.autoKind(), differs, List.copyOf(judges)));
            if (out.size() == MAX_DISAGREEMENTS) break;
        }
        return List.copyOf(out);
    }

    private static Map<String, Long> sum(Map<LocalDate, Map<String, Long>> byDay, LocalDate from, LocalDate to) {
        Map<String, Long> total = new HashMap<>();
        byDay.forEach((d, m) -> {
            if (!d.isBefore(from) && !d.isAfter(to)) m.forEach((k, v) -> total.merge(k, v, Long::sum));
        });
        return total;
    }

    static Figures figures(LocalDate from, LocalDate to, Map<String, Long> m) {
        Map<String, Long> byKind = sortedByCount(prefixed(m, Metrics.KIND, Function.identity()));
        Map<String, JudgeFigures> judges = new TreeMap<>();
        var evaluated = prefixed(m, Metrics.JUDGE_EVALUATED, Function.identity());
        evaluated.forEach((name, n) -> judges.put(name, new JudgeFigures(n,
                get(m, Metrics.JUDGE_FAILING + name), get(m, Metrics.JUDGE_REVIEWED + name),
                get(m, Metrics.JUDGE_DISAGREE + name))));
        Map<String, KindAgreement> kinds = new TreeMap<>();
        prefixed(m, Metrics.KIND_REVIEWED, Function.identity()).forEach((k, n) -> kinds.put(k,
                new KindAgreement(n, get(m, Metrics.KIND_AGREE + k))));
        Agreement agreement = new Agreement(get(m, Metrics.HUMAN), get(m, Metrics.HUMAN_AGREE),
                get(m, Metrics.HUMAN_AGREE_TURN), kinds);
        Map<Integer, Long> turns = new TreeMap<>(prefixed(m, Metrics.ROOT_CAUSE_TURN, Integer::valueOf));
        return new Figures(from, to, get(m, Metrics.SESSIONS), get(m, Metrics.ROOT_CAUSE), byKind, judges,
                get(m, Metrics.ERROR_TURNS), get(m, Metrics.SESSIONS_WITH_ERRORS), get(m, Metrics.TURNS),
                get(m, Metrics.TOKENS), latency(m), get(m, Metrics.HUMAN), agreement, turns);
    }

    private static DayFigures day(LocalDate d, Map<String, Long> m) {
        return new DayFigures(d, get(m, Metrics.SESSIONS), get(m, Metrics.ROOT_CAUSE),
                sortedByCount(prefixed(m, Metrics.KIND, Function.identity())),
                new TreeMap<>(prefixed(m, Metrics.JUDGE_FAILING, Function.identity())), get(m, Metrics.ERROR_TURNS),
                get(m, Metrics.TOKENS), latency(m));
    }

    /** Median and p95 from the bucket counts, interpolating linearly inside the bucket the rank falls in. */
    static Latency latency(Map<String, Long> m) {
        int buckets = Metrics.LATENCY_BOUNDS_MS.size();
        long[] counts = new long[buckets];
        long n = 0;
        for (int i = 0; i < buckets; i++) {
            counts[i] = get(m, Metrics.LATENCY + i);
            n += counts[i];
        }
        if (n == 0) return new Latency(0, null, null);
        return new Latency(n, percentile(counts, n, 0.5), percentile(counts, n, 0.95));
    }

    static long percentile(long[] counts, long n, double p) {
        double rank = p * n;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            if (seen + counts[i] >= rank) {
                long lower = Metrics.latencyLower(i);
                long upper = Metrics.LATENCY_BOUNDS_MS.get(i);
                if (upper == Long.MAX_VALUE) return lower;   // the open bucket: "at least"
                double within = (rank - seen) / counts[i];
                return Math.round(lower + within * (upper - lower));
            }
            seen += counts[i];
        }
        return Metrics.latencyLower(counts.length - 1);
    }

    private static <K> Map<K, Long> prefixed(Map<String, Long> m, String prefix, Function<String, K> key) {
        Map<K, Long> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(prefix) && v != 0) out.put(key.apply(k.substring(prefix.length())), v);
        });
        return out;
    }

    /** Largest first, ties by name: the order of the legend and the KPI list. */
    private static Map<String, Long> sortedByCount(Map<String, Long> m) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static long get(Map<String, Long> m, String key) {
        return m.getOrDefault(key, 0L);
    }
}
