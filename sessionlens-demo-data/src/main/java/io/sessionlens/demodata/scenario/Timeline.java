package io.sessionlens.demodata.scenario;

import java.util.Random;

/** A cursor in nanoseconds that moves forward by believable, seeded amounts. */
final class Timeline {
    private final Random random;
    private long now;

    Timeline(long startNanos, Random random) {
        this.now = startNanos;
        this.random = random;
    }

    long now() {
        return now;
    }

    /** Moves on by a random whole number of microseconds in [minMs, maxMs] milliseconds; returns the new time. */
    long advanceMillis(int minMs, int maxMs) {
        long micros = minMs * 1000L + (long) random.nextInt(Math.max(1, (maxMs - minMs) * 1000));
        // MLflow's Python client records span times from time.time_ns(); they end in 000 like real ones.
        now += micros * 1000L;
        return now;
    }

    void moveTo(long nanos) {
        now = Math.max(now, nanos);
    }
}
