package io.sessionlens.overview;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures of one period ({@code from} to {@code to}, UTC days, both included), of the sessions that
 * started in it. {@code withRootCause} and {@code byKind} count the effective verdict: the reviewer's where there is
 * one, else the analysis'.
 */
public record Figures(LocalDate from, LocalDate to, long sessions, long withRootCause, Map<String, Long> byKind,
        Map<String, JudgeFigures> judges, long errorTurns, long sessionsWithErrors, long turns, long tokens,
        Latency latency, long humanVerdicts, Agreement agreement, Map<Integer, Long> rootCauseTurns) {

    /** A session-level judge: sessions it passed or failed, failed; human verdicts on them and those disagreeing. */
    public record JudgeFigures(long evaluated, long failing, long reviewed, long disagreeing) {
        public @Nullable Double failureRate() {
            return Figures.rate(failing, evaluated);
        }

        /** The share of reviewed sessions where the reviewer agreed with the judge (decision record 034). */
        public @Nullable Double agreementRate() {
            return Figures.rate(reviewed - disagreeing, reviewed);
        }
    }

    /** Turn latency read from the fixed-bucket histogram: approximate (decision record 033). */
    public record Latency(long turns, @Nullable Long medianMs, @Nullable Long p95Ms) {}

    /** Human verdicts against the automatic verdict at the time, overall and per automatic kind ({@code none}). */
    public record Agreement(long reviewed, long agreeing, long turnAgreeing, Map<String, KindAgreement> byKind) {
        public @Nullable Double rate() {
            return Figures.rate(agreeing, reviewed);
        }

        public @Nullable Double turnRate() {
            return Figures.rate(turnAgreeing, reviewed);
        }
    }

    public record KindAgreement(long reviewed, long agreeing) {
        public @Nullable Double rate() {
            return Figures.rate(agreeing, reviewed);
        }
    }

    public @Nullable Double rootCauseRate() {
        return rate(withRootCause, sessions);
    }

    static @Nullable Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
