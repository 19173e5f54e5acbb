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
                blankToNull(text(info, warnings, "trace_id", "request_id")),
                blankToNull(experimentId),
                Fields.text(location, "type"),
                requestTime,
                duration,
                TraceState.parse(text(info, warnings, "state", "status")),
                preview(text(info, warnings, "request_preview"), Fields.text(info, "request")),
                preview(text(info, warnings, "response_preview"), Fields.text(info, "response")),
                text(info, warnings, "client_request_id"),
                map(info, warnings, "trace_metadata", "request_metadata"),
                map(info, warnings, "tags"),
                assessments(Fields.get(info, "assessments"), warnings));
    }

    /** {@link Fields#text}, but a list or object where text belongs is said, not silently dropped. */
    private static @Nullable String text(JsonNode info, List<String> warnings, String... names) {
        JsonNode v = Fields.get(info, names);
        if (v != null && v.isContainer()) {
            warnings.add(name(info, names) + " is " + (v.isArray() ? "a list" : "an object")
                    + ", not text, and was ignored");
        }
        return Fields.text(info, names);
    }

    /**
     * {@link Fields#stringMap}, saying what it could not take: a map that is neither an object nor a list of
     * {@code {key, value}} pairs loses the session id and user it holds, which the user must learn.
     */
    private static Map<String, String> map(JsonNode info, List<String> warnings, String... names) {
        JsonNode v = Fields.get(info, names);
        if (v == null) return Fields.stringMap(null);
        String name = name(info, names);
        if (!v.isContainer()) {
            warnings.add(
                    name + " is " + (v.isString() ? "text" : "a single value") + ", not an object, and was ignored");
            return Fields.stringMap(null);
        }
        if (v.isArray()) {
            long notPairs = v.valueStream().filter(e -> !e.isObject() || Fields.text(e, "key") == null).count();
            if (notPairs > 0) {
                warnings.add(name + " is a list, and " + notPairs + " of its " + v.size()
                        + " entries are not {key, value} pairs; they were ignored (a session id or user in them is lost)");
            }
        }
        return Fields.stringMap(v);
    }

    private static String name(JsonNode info, String... names) {
        for (String n : names) if (Fields.get(info, n) != null) return n;
        return names[0];
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
