package io.sessionlens.analysis;

/**
 * An analyst's override of where a turn's text lives, for one experiment whose spans the automatic reading gets
 * wrong.
 *
 * @param spanName the first span with this name (in tree order), or a {@code "/"}-separated path of names starting
 *     at the root ({@code "chat/agent/answer"})
 * @param inputKey top-level key in the decoded {@code mlflow.spanInputs} holding the user's message; empty = the
 *     whole value
 * @param outputKey top-level key in the decoded {@code mlflow.spanOutputs} holding the answer; empty = the whole value
 */
public record TurnMapping(String spanName, String inputKey, String outputKey) {
    public TurnMapping {
        spanName = spanName == null ? "" : spanName.trim();
        inputKey = inputKey == null ? "" : inputKey.trim();
        outputKey = outputKey == null ? "" : outputKey.trim();
    }
}
