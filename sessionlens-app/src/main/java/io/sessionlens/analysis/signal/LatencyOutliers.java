package io.sessionlens.analysis.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns that took far longer than the session's usual turn: a timeout, a retry loop, a stuck tool. */
public final class LatencyOutliers {
    static final double MEDIAN_FACTOR = 3.0;
    /** Below this a slow turn is not worth an analyst's attention, however fast the others were. */
    static final long MIN_OUTLIER_MS = 5_000;

    private LatencyOutliers() {}

    /** For each turn: a sentence when it is an outlier. Unknown durations ({@code null}) are never outliers. */
    public static List<Optional<String>> of(List<Long> durationsMs) {
        List<Long> known = durationsMs.stream().filter(d -> d != null).sorted().toList();
        List<Optional<String>> out = new ArrayList<>();
        if (known.isEmpty()) {
            durationsMs.forEach(d -> out.add(Optional.empty()));
            return out;
        }
        int n = known.size();
        double median = n % 2 == 1 ? known.get(n / 2) : (known.get(n / 2 - 1) + known.get(n / 2)) / 2.0;
        for (Long d : durationsMs) {
            if (d != null && d > MEDIAN_FACTOR * median && d > MIN_OUTLIER_MS) {
                out.add(Optional.of(String.format(java.util.Locale.ROOT,
                        "took %.1f s, over 3× the session's median turn (%.1f s)", d / 1000.0, median / 1000.0)));
            } else {
                out.add(Optional.empty());
            }
        }
        return out;
    }
}
