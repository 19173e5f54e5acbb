package io.sessionlens.overview;

import java.util.List;

/**
 * The names of the per-day figures in {@code overview_rollup}, and the fixed turn-latency buckets. Counts add up over
 * days and experiments; percentiles do not, so turn latencies are kept as a histogram in fixed buckets and the median
 * and p95 are read from it by linear interpolation inside the bucket (an approximation: decision record 033).
 */
public final class Metrics {
    /** Raise when what a rollup holds changes: the next start rebuilds every rollup from the session index. */
    public static final int VERSION = 1;

    public static final String SESSIONS = "sessions";
    public static final String TURNS = "turns";
    public static final String TOKENS = "tokens";
    public static final String ERROR_TURNS = "error_turns";
    public static final String SESSIONS_WITH_ERRORS = "error_sessions";
    public static final String ROOT_CAUSE = "root_cause";
    /** {@code kind:tool_error}: sessions whose (effective) root cause is of that kind. */
    public static final String KIND = "kind:";
    /** {@code rc_turn:3}: sessions whose (effective) root cause is turn 3. */
    public static final String ROOT_CAUSE_TURN = "rc_turn:";
    public static final String HUMAN = "human";
    /** Human verdicts equal to the automatic one at the time (same turn and kind, or both "no root cause"). */
    public static final String HUMAN_AGREE = "human_agree";
    /** Human verdicts naming the same turn as the automatic one (or both none), whatever the kind. */
    public static final String HUMAN_AGREE_TURN = "human_agree_turn";
    /** Per automatic kind ({@code none} for "no root cause"): human verdicts on it, and those agreeing. */
    public static final String KIND_REVIEWED = "kind_reviewed:";
    public static final String KIND_AGREE = "kind_agree:";
    /** Per session-level judge: sessions it passed or failed, and failed. */
    public static final String JUDGE_EVALUATED = "judge_eval:";
    public static final String JUDGE_FAILING = "judge_fail:";
    /** Per session-level judge: human verdicts on sessions it judged, and those that disagree with it. */
    public static final String JUDGE_REVIEWED = "judge_reviewed:";
    public static final String JUDGE_DISAGREE = "judge_disagree:";
    /** {@code latency:4}: turns whose latency fell in bucket 4 of {@link #LATENCY_BOUNDS_MS}. */
    public static final String LATENCY = "latency:";

    /** Upper bounds (exclusive) of the latency buckets, in ms; the last bucket is everything from its lower bound up. */
    public static final List<Long> LATENCY_BOUNDS_MS = List.of(100L, 200L, 300L, 500L, 750L, 1_000L, 1_500L, 2_000L,
            3_000L, 5_000L, 7_500L, 10_000L, 15_000L, 20_000L, 30_000L, 60_000L, 120_000L, Long.MAX_VALUE);

    private Metrics() {}

    public static int latencyBucket(long ms) {
        for (int i = 0; i < LATENCY_BOUNDS_MS.size(); i++)
            if (ms < LATENCY_BOUNDS_MS.get(i)) return i;
        return LATENCY_BOUNDS_MS.size() - 1;
    }

    /** The lower bound of a bucket, in ms. */
    public static long latencyLower(int bucket) {
        return bucket == 0 ? 0 : LATENCY_BOUNDS_MS.get(bucket - 1);
    }
}
