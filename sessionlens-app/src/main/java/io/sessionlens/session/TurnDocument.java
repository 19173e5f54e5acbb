package io.sessionlens.session;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.trace.TurnRow;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One turn of the session document: what the index knows plus what the analysis read from it. */
public record TurnDocument(int index, String traceId, Instant requestTime, long durationMs, String state, int spanCount,
        int errorSpanCount, long totalTokens, String userText, String assistantText, boolean truncated,
        @Nullable ReadFrom readFrom, List<AssessmentView> assessments, List<ErrorSpan> errorSpans,
        List<ToolCall> toolCalls,
        List<RetrievedDocument> retrievedDocuments, @Nullable ContextWindow contextWindow, List<Signal> signals) {

    static TurnDocument of(TurnRow row, @Nullable TurnAnalysis a) {
        if (a == null) {
            return new TurnDocument(row.index(), row.traceId(), row.requestTime(), row.durationMs(), row.state(),
                    row.spanCount(),
                    row.errorSpanCount(), row.totalTokens(), nz(row.requestPreview()), nz(row.responsePreview()), false,
                    null,
                    List.of(), List.of(), List.of(), List.of(), null, List.of());
        }
        return new TurnDocument(row.index(), row.traceId(), row.requestTime(), row.durationMs(), row.state(),
                row.spanCount(),
                row.errorSpanCount(), row.totalTokens(), a.userText(), a.assistantText(), a.truncated(), a.readFrom(),
                a.assessments(), a.errorSpans(), a.toolCalls(), a.retrievedDocuments(), a.contextWindow(), a.signals());
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
