package io.sessionlens.trace.model;

/** Token counts of a trace ({@code mlflow.trace.tokenUsage}); zero when unknown. */
public record TokenUsage(long inputTokens, long outputTokens, long totalTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(inputTokens + o.inputTokens, outputTokens + o.outputTokens, totalTokens + o.totalTokens);
    }
}
