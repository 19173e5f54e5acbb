package io.sessionlens.support;

import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.demodata.ExpectedSession;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The demo generator's ground truth (docs/demo-data.md) as the verdict the evidence model (decision 011) gives. The
 * generator predates the kind enum: its {@code failing_assessment}, {@code error_span} and {@code user_correction} are
 * {@code other} now. One session is judged by the newer definition of a context loss: helpdesk-onb-e4f812's MacBook
 * (turn 1, repeated in turn 3's answer) leaves the model's input at turn 7, so the root cause is turn 7 and the chain
 * runs to turn 10, the answer that needed it; no per-turn judge flagged anything there.
 */
public final class DemoVerdicts {
    private DemoVerdicts() {}

    public record Verdict(@Nullable Integer turn, @Nullable RootCauseKind kind, List<Integer> chain, @Nullable Integer flaggedTurn) {
        public static Verdict of(@Nullable RootCause rc) {
            return rc == null ? new Verdict(null, null, List.of(), null) : new Verdict(rc.turn(), rc.kind(), rc.chain(), rc.flaggedTurn());
        }
    }

    public static Verdict expected(ExpectedSession e) {
        if (e.rootCauseTurn() == null) return new Verdict(null, null, List.of(), null);
        if (e.sessionId().startsWith("helpdesk-onb-")) return new Verdict(7, RootCauseKind.CONTEXT_LOSS, List.of(10), null);
        RootCauseKind kind = switch (Objects.requireNonNull(e.rootCauseKind())) {
            case "tool_error" -> RootCauseKind.TOOL_ERROR;
            case "outdated_retrieval" -> RootCauseKind.OUTDATED_RETRIEVAL;
            case "hallucination" -> RootCauseKind.HALLUCINATION;
            case "context_window", "context_loss" -> RootCauseKind.CONTEXT_LOSS;
            default -> RootCauseKind.OTHER;
        };
        return new Verdict(e.rootCauseTurn(), kind, e.chain(), e.flaggedTurn());
    }
}
