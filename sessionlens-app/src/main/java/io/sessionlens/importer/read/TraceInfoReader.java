package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A trace-info object as far as it goes, in every dialect: MLflow 3 CLI ({@code request_time} ISO,
 * {@code execution_duration_ms}), REST ({@code execution_duration: "1.5s"}), 2.x ({@code request_id},
 * {@code timestamp_ms}, {@code execution_time_ms}, {@code status}, {@code request_metadata}) and 2.x REST (maps as
 * {@code [{key, value}]} lists). What is missing stays null; {@link TraceAssembler} decides how to repair it.
 */
final class TraceInfoReader {
    private TraceInfoReader() {}

    record InfoFields(
            @Nullable String traceId,
            @Nullable String experimentId,
            @Nullable String locationType,
            @Nullable Instant requestTime,
            @Nullable Long executionDurationMs,
            TraceState state,
            @Nullable String requestPreview,
            @Nullable String responsePreview,
            @Nullable String clientRequestId,
            Map<String, String> metadata,
            Map<String, String> tags,
            List<Assessment> assessments) {}

    static InfoFields read(JsonNode info, List<String> warnings) {
        JsonNode location = info.path("trace_location");
        String experimentId = Fields.text(location.path("mlflow_experiment"), "experiment_id");
        if (experimentId == null) experimentId = Fields.text(info, "experiment_id");

        Long duration = Fields.wholeNumber(info, "execution_duration_ms");
        if (duration == null) duration = TimeValues.durationMillis(Fields.get(info, "execution_duration"));
        if (duration == null) duration = Fields.wholeNumber(info, "execution_time_ms");

        JsonNode requestTimeField = Fields.get(info, "request_time", "timestamp_ms");
        Instant requestTime = TimeValues.instant(requestTimeField);
        if (requestTime == null && requestTimeField != null) {
            warnings.add("request time " + ExportJson.compact(requestTimeField) + " is not a date and was ignored");
        }

        return new InfoFields(
                blankToNull(Fields.text(info, "trace_id", "request_id")),
                blankToNull(experimentId),
                Fields.text(location, "type"),
                requestTime,
                duration,
                TraceState.parse(Fields.text(info, "state", "status")),
                preview(Fields.text(info, "request_preview"), Fields.text(info, "request")),
                preview(Fields.text(info, "response_preview"), Fields.text(info, "response")),
                Fields.text(info, "client_request_id"),
                Fields.stringMap(Fields.get(info, "trace_metadata", "request_metadata")),
                Fields.stringMap(Fields.get(info, "tags")),
                assessments(Fields.get(info, "assessments"), warnings));
    }

    private static List<Assessment> assessments(@Nullable JsonNode list, List<String> warnings) {
        List<Assessment> out = new ArrayList<>();
        if (list == null) return out;
        if (!list.isArray()) {
            warnings.add("assessments is not a list and was ignored");
            return out;
        }
        int ordinal = 0;
        for (JsonNode a : list) {
            ordinal++;
            if (a.isObject()) {
                out.add(AssessmentReader.read(a));
            } else {
                warnings.add("assessment #" + ordinal + " is not a JSON object and was skipped");
            }
        }
        return out;
    }

    /**
     * The trace's request (or response) as MLflow's UI reads it: {@code request_preview}, else {@code request}, the
     * name the same field had in early 3.x TraceInfoV3; the legacy field also wins over a preview cut with "...".
     */
    private static @Nullable String preview(@Nullable String preview, @Nullable String legacy) {
        if (legacy == null || legacy.isBlank()) return preview;
        if (preview == null || preview.isBlank()) return legacy;
        return preview.endsWith("...") && legacy.length() > preview.length() ? legacy : preview;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
