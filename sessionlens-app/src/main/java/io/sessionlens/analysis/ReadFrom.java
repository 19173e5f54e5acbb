package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Where a turn's user and assistant text were read, so an analyst can check it in the trace and, if it is wrong,
 * write a {@link TurnMapping}.
 *
 * @param spanId the span the text came from; null when it came from the trace's previews or metadata
 * @param inputKey key of the decoded inputs that held the user's message; empty = the whole value
 * @param outputKey key of the decoded outputs that held the answer; empty = the whole value
 * @param format chat format that was recognised ({@code openai}, {@code langchain}, {@code anthropic},
 *     {@code gemini}, {@code bedrock}, {@code otel-genai}), or {@code text} for plain strings, {@code json} for
 *     values shown as compact JSON, {@code none} when the turn has no text at all
 * @param source {@code root span}, {@code child span (breadth-first)}, {@code last model call} (the answer of a root
 *     that recorded none), {@code analyst mapping}, {@code trace info (preview or legacy request/response)},
 *     {@code trace metadata}, {@code no answer: the turn ended in an error} or {@code none}; two sources joined with
 *     " + " when the user and assistant side came from different places
 */
public record ReadFrom(@Nullable String spanId, @Nullable String spanName, String inputKey, String outputKey,
        String format, String source) {}
