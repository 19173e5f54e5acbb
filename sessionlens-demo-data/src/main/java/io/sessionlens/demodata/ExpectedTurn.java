package io.sessionlens.demodata;

/**
 * One turn of a generated session, as a correct importer must see it.
 *
 * @param index 1-based, in request-time order
 * @param traceId the trace id as written ({@code tr-…} in 3.x, the bare request id in 2.x)
 * @param userText the user's message, found in the root span's inputs (or the AGENT child's, below an empty
 *     wrapper root; or {@code input.value} for OpenInference)
 * @param assistantText the answer, found in the root span's outputs; empty when the turn failed or is still running
 * @param error some span of the turn has ERROR status (the trace state may still be OK when the app recovered)
 */
public record ExpectedTurn(int index, String traceId, String userText, String assistantText, boolean error) {}
