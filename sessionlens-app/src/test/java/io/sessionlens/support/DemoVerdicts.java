package io.sessionlens.support;

import io.sessionlens.analysis.RootCause;
import io.sessionlens.demodata.ExpectedSession;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a verdict an analyst reads (turn, kind, chain, flagged turn), from the analysis and from the demo
 * generator's own ground truth, which speaks the same five kinds (docs/demo-data.md), so the two compare as they are.
 */
public final class DemoVerdicts {
    private DemoVerdicts() {}

    /** @param kind the API's name of the kind: {@code tool_error}, {@code outdated_retrieval}, … ; null when healthy */
    public record Verdict(@Nullable Integer turn, @Nullable String kind, List<Integer> chain,
            @Nullable Integer flaggedTurn) {
        public static Verdict of(@Nullable RootCause rc) {
            return rc == null
                    ? new Verdict(null, null, List.of(), null)
                    : new Verdict(rc.turn(), rc.kind().wire(), rc.chain(), rc.flaggedTurn());
        }
    }

    public static Verdict expected(ExpectedSession e) {
        return new Verdict(e.rootCauseTurn(), e.rootCauseKind(), e.chain(), e.flaggedTurn());
    }
}
