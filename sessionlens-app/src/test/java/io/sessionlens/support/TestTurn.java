package io.sessionlens.support;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.analysis.signal.SignalKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A hand-made analysed turn for the root-cause tests: what the finder reads, without any trace behind it. */
public final class TestTurn {
    private final int index;
    private final String user;
    private final String answer;
    private final List<AssessmentView> assessments = new ArrayList<>();
    private final List<ToolCall> tools = new ArrayList<>();
    private final List<RetrievedDocument> docs = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private ContextWindow window;

    public TestTurn(int index, String user, String answer) {
        this.index = index;
        this.user = user;
        this.answer = answer;
        this.window = ContextWindow.unknown(index - 1);
    }

    public TestTurn judge(String name, String value, Verdict verdict, String rationale) {
        assessments
                .add(new AssessmentView(name, value, rationale, "LLM_JUDGE: gpt-4o", null, verdict, false, List.of()));
        return this;
    }

    /** A judge whose verdict the polarity table reads from its value, on the scale {@code scale} observed. */
    public TestTurn rated(String name, Object value, PolarityTable.@Nullable Observed scale, String rationale) {
        Verdict v = PolarityTable.builtIn().verdict(name, value, scale);
        assessments.add(new AssessmentView(name, value, rationale, "LLM_JUDGE: judge-x", null, v, false, List.of()));
        return this;
    }

    public TestTurn tool(String name, String result, String error) {
        tools.add(new ToolCall("s", name, "{}", result, error));
        if (error != null) signals.add(new Signal(SignalKind.TOOL_ERROR, "tool '" + name + "' failed: " + error));
        return this;
    }

    public TestTurn window(int earlierTurns, Integer... dropped) {
        this.window = new ContextWindow("llm-" + index, 4, earlierTurns - dropped.length, earlierTurns,
                List.of(dropped), false, false, false);
        return this;
    }

    public TestTurn doc(String uri, String text, boolean outdated) {
        docs.add(new RetrievedDocument("r", uri, uri, null, text, outdated ? Map.of("status", "deprecated") : Map.of(),
                outdated,
                outdated ? "status is deprecated" : null));
        return this;
    }

    public TestTurn signal(String kind, String detail) {
        signals.add(new Signal(kind, detail));
        return this;
    }

    public TurnAnalysis build() {
        return new TurnAnalysis(index, "tr-" + index, user, answer, false,
                new ReadFrom(null, null, "", "", "text", "root span"),
                assessments, List.of(), tools, docs, window, signals);
    }

    public static List<TurnAnalysis> session(TestTurn... turns) {
        return Arrays.stream(turns).map(TestTurn::build).toList();
    }
}
