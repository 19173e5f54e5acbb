package io.sessionlens.analysis;

import io.sessionlens.analysis.assessment.AssessmentClassifier;
import io.sessionlens.analysis.assessment.ClassifiedAssessments;
import io.sessionlens.analysis.context.ContextWindowCheck;
import io.sessionlens.analysis.context.LlmCall;
import io.sessionlens.analysis.evidence.ErrorSpans;
import io.sessionlens.analysis.evidence.RetrievedDocuments;
import io.sessionlens.analysis.evidence.ToolCalls;
import io.sessionlens.analysis.rootcause.RootCauseFinder;
import io.sessionlens.analysis.signal.SessionSignals;
import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.analysis.transcript.TurnReader;
import io.sessionlens.analysis.transcript.TurnText;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Analyses one chat session: rebuilds each turn's text, gathers its evidence (assessments, failed spans, tool calls,
 * retrieved documents, what the model was given), and finds where the session started to go wrong. Stateless and
 * thread-safe. Odd data never throws: a part of a turn that cannot be read is reported as an
 * {@code analysis_problem} signal and the rest of the session is still analysed.
 */
public final class SessionAnalyzer {
    /**
     * Raise when a change to the analysis changes its results: stored analyses of an older version are redone in the
     * background on the next start.
     */
    public static final int VERSION = 7;   // 7: a system prompt that differs only in dates and ids is unchanged; 6: the flagged turn is an LLM judge's flag on the answer; 3: the evidence model of decision 011 (kind enum, confidence, candidates)
                                        // 4: transcripts: no answer guessed from an intermediate step or a dict
                                        // 5: verdicts from value semantics and the judge's own scale; language-neutral facts (decision 011)

    private final AnalysisSettings settings;
    private final TurnReader turnReader;
    private final AssessmentClassifier assessmentClassifier;

    public SessionAnalyzer(AnalysisSettings settings) {
        this.settings = settings == null ? AnalysisSettings.defaults() : settings;
        this.turnReader = new TurnReader(this.settings.mappings());
        this.assessmentClassifier = new AssessmentClassifier(this.settings.polarity());
    }

    /** What was read from one trace before the session-wide checks run. */
    private record TurnFacts(Trace trace, TurnText text, List<ErrorSpan> errorSpans, List<ToolCall> toolCalls,
            List<RetrievedDocument> documents, List<LlmCall> llmCalls, List<Signal> problems) {}

    public SessionAnalysis analyze(List<Trace> turnsInRequestTimeOrder) {
        if (turnsInRequestTimeOrder == null || turnsInRequestTimeOrder.isEmpty()) return SessionAnalysis.empty();
        // the caller promises request-time order; a stable sort keeps that promise cheap to rely on
        List<Trace> traces = turnsInRequestTimeOrder.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(t -> t.info().requestTime())).toList();
        List<Signal> sessionProblems = new ArrayList<>();
        ClassifiedAssessments assessments = attempt(() -> assessmentClassifier.classify(traces),
                new ClassifiedAssessments(List.of(), Map.of(), List.of()), "the assessments", sessionProblems);

        List<TurnFacts> facts = traces.stream().map(this::read).toList();
        ContextWindowCheck.Result context = attempt(() -> ContextWindowCheck.check(
                facts.stream().map(f -> new ContextWindowCheck.Exchange(f.text().userText(), f.text().assistantText()))
                        .toList(),
                facts.stream().map(TurnFacts::llmCalls).toList()),
                null, "the context windows", sessionProblems);

        List<TurnAnalysis> draft = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            TurnFacts f = facts.get(i);
            ContextWindow window = context == null ? ContextWindow.unknown(i) : context.windows().get(i);
            draft.add(new TurnAnalysis(i + 1, f.trace().traceId(), f.text().userText(), f.text().assistantText(),
                    f.text().truncated(), f.text().readFrom(), assessments.forTurn(f.trace().traceId()), f.errorSpans(),
                    f.toolCalls(), f.documents(), window, List.of()));
        }
        List<ContextFinding> findings = context == null ? List.of() : context.findings();
        List<List<Signal>> signals = attempt(() -> SessionSignals.collect(traces, draft, findings), null, "the signals",
                sessionProblems);

        List<TurnAnalysis> turns = new ArrayList<>();
        for (int i = 0; i < draft.size(); i++) {
            TurnAnalysis d = draft.get(i);
            List<Signal> all = new ArrayList<>(facts.get(i).problems());
            if (i == 0) all.addAll(sessionProblems);
            if (signals != null) all.addAll(signals.get(i));
            turns.add(new TurnAnalysis(d.index(), d.traceId(), d.userText(), d.assistantText(), d.truncated(),
                    d.readFrom(),
                    d.assessments(), d.errorSpans(), d.toolCalls(), d.retrievedDocuments(), d.contextWindow(), all));
        }
        List<Signal> verdictProblems = new ArrayList<>();
        RootCauseFinder.Result verdict = attempt(() -> RootCauseFinder.find(turns, assessments.sessionLevel()),
                new RootCauseFinder.Result(null, "the root-cause check failed; see the analysis problems"),
                "the root cause", verdictProblems);
        if (!verdictProblems.isEmpty()) { // the note points at the problem, so it must be there to see
            TurnAnalysis first = turns.getFirst();
            List<Signal> withProblem = new ArrayList<>(first.signals());
            withProblem.addAll(verdictProblems);
            turns.set(0,
                    new TurnAnalysis(first.index(), first.traceId(), first.userText(), first.assistantText(),
                            first.truncated(),
                            first.readFrom(), first.assessments(), first.errorSpans(), first.toolCalls(),
                            first.retrievedDocuments(),
                            first.contextWindow(), withProblem));
        }
        return new SessionAnalysis(turns, assessments.sessionLevel(), assessments.scorerErrors(), verdict.rootCause(),
                findings,
                verdict.note());
    }

    private TurnFacts read(Trace trace) {
        List<Signal> problems = new ArrayList<>();
        TurnText text = attempt(() -> turnReader.read(trace), new TurnText("", "", false,
                new ReadFrom(null, null, "", "", "none", TurnReader.SOURCE_NONE), List.of()), "the turn's text",
                problems);
        return new TurnFacts(trace, text,
                attempt(() -> ErrorSpans.of(trace), List.of(), "the failed spans", problems),
                attempt(() -> ToolCalls.of(trace, text.conversation()), List.of(), "the tool calls", problems),
                attempt(() -> RetrievedDocuments.of(trace), List.of(), "the retrieved documents", problems),
                attempt(() -> LlmCall.of(trace), List.of(), "the LLM calls", problems),
                problems);
    }

    /** Runs one part of the analysis; a bug or an unforeseen shape costs that part only, and says so. */
    private static <T> T attempt(Supplier<T> part, T fallback, String what, List<Signal> problems) {
        try {
            return part.get();
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new Signal(SignalKind.ANALYSIS_PROBLEM, "could not analyse " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
            return fallback;
        }
    }
}
