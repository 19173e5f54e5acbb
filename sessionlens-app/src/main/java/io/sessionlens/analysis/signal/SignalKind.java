package io.sessionlens.analysis.signal;

/** The kinds of {@link io.sessionlens.analysis.Signal}: part of the JSON API, so never rename one. */
public final class SignalKind {
    private SignalKind() {}

    /** The trace's state is ERROR. */
    public static final String ERROR_STATE = "error_state";
    /** A span where a failure started (its descendants did not fail), other than a tool. */
    public static final String ERROR_SPAN = "error_span";
    /** A span recorded an exception and still succeeded (a timeout before a fallback, a 429 before a retry): benign. */
    public static final String HANDLED_WARNING = "handled_warning";
    /** A tool call failed and a later call of the same tool in the turn succeeded: benign. */
    public static final String TOOL_RETRIED = "tool_retried";
    /** A per-turn assessment whose verdict is FAIL. */
    public static final String FAILING_ASSESSMENT = "failing_assessment";
    /** A tool call that failed. */
    public static final String TOOL_ERROR = "tool_error";
    /** A retrieved document whose metadata says it is stale. */
    public static final String OUTDATED_DOCUMENT = "outdated_document";
    /** The answer states numbers that no retrieved document, tool result or user message contains. */
    public static final String UNSUPPORTED_CLAIM = "unsupported_claim";
    /** The next user message pushes back on this answer ("no, that's wrong", "I said …"). */
    public static final String USER_CORRECTION = "user_correction";
    /** A later user message asks this turn's question again. */
    public static final String USER_REPETITION = "user_repetition";
    /** The turn took over 3× the session's median and over 5 s. */
    public static final String LATENCY_OUTLIER = "latency_outlier";
    /** Something odd about what the turn's LLM call was given (see the session's context findings). */
    public static final String CONTEXT_WINDOW = "context_window";
    /** Part of the turn could not be analysed; the message says which part and why. */
    public static final String ANALYSIS_PROBLEM = "analysis_problem";

    /** The kind in an analyst's words, for a label beside the signal's sentence ("Tool failed", "Slow turn"). */
    public static String label(String kind) {
        return switch (kind) {
            case ERROR_STATE -> "Trace failed";
            case ERROR_SPAN -> "Error";
            case HANDLED_WARNING -> "Handled warning";
            case TOOL_RETRIED -> "Tool retried";
            case FAILING_ASSESSMENT -> "Judge failed";
            case TOOL_ERROR -> "Tool failed";
            case OUTDATED_DOCUMENT -> "Outdated document";
            case UNSUPPORTED_CLAIM -> "Unsupported numbers";
            case USER_CORRECTION -> "User pushback";
            case USER_REPETITION -> "User asked again";
            case LATENCY_OUTLIER -> "Slow turn";
            case CONTEXT_WINDOW -> "Context window";
            case ANALYSIS_PROBLEM -> "Not fully analysed";
            default -> {
                String words = kind.replace('_', ' ');
                yield words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
