package io.sessionlens.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources under src/test/resources/fixtures/ (origins in fixtures/README.md). */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A hand-written ≥3.6 trace ({@code mlflow traces get} shape) for tests that need their own ids, sessions and times.
     */
    public static String trace(String traceId, String experimentId, String sessionId, String requestTime, String user,
            String input, String output, String assessmentsJson) {
        String hex = traceId.replace("tr-", "");
        String meta = sessionId == null ? "" : "\"mlflow.trace.session\": \"" + sessionId + "\", ";
        return """
                {"info": {"trace_id": "%s", "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "%s"}},
                  "request_time": "%s", "state": "OK",
                  "trace_metadata": {%s"mlflow.trace.user": "%s", "mlflow.trace_schema.version": "3"},
                  "assessments": [%s],
                  "tags": {"mlflow.traceName": "chat"},
                  "request_preview": %s, "response_preview": %s, "execution_duration_ms": 1200},
                 "data": {"spans": [
                  {"trace_id": "%s", "span_id": "AAAAAAAAAAE=", "parent_span_id": null, "name": "chat",
                   "start_time_unix_nano": 1761106494524157000, "end_time_unix_nano": 1761106495724157000, "events": [],
                   "status": {"code": "STATUS_CODE_OK", "message": ""},
                   "attributes": {"mlflow.spanType": "\\"CHAIN\\"", "mlflow.spanInputs": %s, "mlflow.spanOutputs": %s}},
                  {"trace_id": "%s", "span_id": "AAAAAAAAAAI=", "parent_span_id": "AAAAAAAAAAE=", "name": "llm",
                   "start_time_unix_nano": 1761106494624157000, "end_time_unix_nano": 1761106495624157000, "events": [],
                   "status": {"code": "STATUS_CODE_OK", "message": ""},
                   "attributes": {"mlflow.spanType": "\\"CHAT_MODEL\\""}}]}}
                """.formatted(traceId, experimentId, requestTime, meta, user, assessmentsJson, q(input), q(output),
                java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(pad(hex))),
                q(q(input)), q(q(output)),
                java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(pad(hex))));
    }

    private static String pad(String hex) {
        String h = hex.replaceAll("[^0-9a-f]", "");
        return (h + "00000000000000000000000000000000").substring(0, 32);
    }

    /** JSON string literal. */
    public static String q(String s) {
        return Http.JSON.writeValueAsString(s);
    }
}
