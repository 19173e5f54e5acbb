package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.SpanIds;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One assessment object (MLflow 3 {@code info.assessments[]}, same shape in 2.21+) as an {@link Assessment}. The
 * object's compact JSON is kept in {@code raw}, so fields this reader does not know survive a re-export.
 */
final class AssessmentReader {
    private AssessmentReader() {}

    static Assessment read(JsonNode a) {
        JsonNode feedback = Fields.get(a, "feedback");
        JsonNode expectation = Fields.get(a, "expectation");
        JsonNode issue = Fields.get(a, "issue");
        JsonNode source = a.path("source");

        String valueJson = null;
        Assessment.SerializedValue serialized = null;
        Assessment.Kind kind = Assessment.Kind.FEEDBACK;
        if (expectation != null && feedback == null) {
            kind = Assessment.Kind.EXPECTATION;
            valueJson = valueJson(expectation);
            serialized = serializedValue(expectation.path("serialized_value"));
        } else if (issue != null && feedback == null) {
            kind = Assessment.Kind.ISSUE;
            String issueName = Fields.text(issue, "issue_name");
            valueJson = issueName == null ? null : ExportJson.compact(JsonNodeFactory.instance.stringNode(issueName));
        } else if (feedback != null) {
            valueJson = valueJson(feedback);
        }

        // The top-level `error` is MLflow's deprecated copy of feedback.error; either may be the only one present.
        AssessmentError error = error(feedback == null ? null : Fields.get(feedback, "error"));
        if (error == null) error = error(Fields.get(a, "error"));

        String id = Fields.text(a, "assessment_id");
        String name = Fields.text(a, "assessment_name", "name");
        return new Assessment(
                id == null ? "" : id,
                name == null ? "" : name,
                kind,
                SpanIds.normalize(Fields.text(a, "span_id")),
                AssessmentSource.of(Fields.text(source, "source_type"), Fields.text(source, "source_id")),
                time(a, "create_time", "create_time_ms"),
                time(a, "last_update_time", "last_update_time_ms"),
                valueJson,
                serialized,
                error,
                Fields.text(a, "rationale"),
                Fields.stringMap(Fields.get(a, "metadata")),
                Fields.text(a, "overrides"),
                valid(Fields.get(a, "valid")),
                ExportJson.compact(a));
    }

    /** Null when there is no value or it is JSON null (a scorer error), else the value's compact JSON text. */
    private static @Nullable String valueJson(JsonNode holder) {
        // Hand-built exports sometimes write "feedback": "yes" instead of {"value": "yes"}.
        JsonNode value = holder.isObject() ? holder.get("value") : holder;
        return value == null || value.isNull() ? null : ExportJson.compact(value);
    }

    private static Assessment.@Nullable SerializedValue serializedValue(JsonNode v) {
        if (!v.isObject()) return null;
        String format = Fields.text(v, "serialization_format");
        JsonNode value = Fields.get(v, "value");
        if (value == null) return null;
        return new Assessment.SerializedValue(format == null ? "" : format, Fields.rawText(value));
    }

    private static @Nullable AssessmentError error(@Nullable JsonNode e) {
        if (e == null || !e.isObject()) return null;
        return new AssessmentError(
                Fields.text(e, "error_code"), Fields.text(e, "error_message"), Fields.text(e, "stack_trace"));
    }

    private static @Nullable Instant time(JsonNode a, String isoName, String millisName) {
        Instant t = TimeValues.instant(Fields.get(a, isoName));
        return t != null ? t : TimeValues.instant(Fields.get(a, millisName));
    }

    /** Absent means valid (protobuf default true); some hand-built exports write "false" as a string. */
    private static boolean valid(@Nullable JsonNode v) {
        if (v == null) return true;
        if (v.isBoolean()) return v.booleanValue();
        return !(v.isString() && v.stringValue().trim().equalsIgnoreCase("false"));
    }
}
