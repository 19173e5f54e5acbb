package io.sessionlens.trace.persistence;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sizes of the bounded text columns (V1 and V4 migrations), in characters. Each constant feeds its entity's
 * {@code @Column(length)}, {@link #check} (which runs before the database sees a row) and {@code StoredLengthsTest}, which
 * compares them with the columns the migrations created, on H2 and on PostgreSQL.
 *
 * <p>A trace with a longer value is not stored, and the import names the trace, the field and the limit (decision record
 * 013): these are ids and names, which are never truncated (two ids would merge) and are too long for real exports.
 * Everything without a bound here (previews, attributes, events, rationales, raw JSON) is TEXT.
 */
public final class StoredLengths {
    private StoredLengths() {}

    /** Trace, experiment, session, assessment and client request ids; the user. Also session_index's keys and user. */
    public static final int ID = 400;
    public static final int SPAN_ID = 128;
    public static final int TRACE_NAME = 1000;
    public static final int SPAN_NAME = 2000;
    public static final int SPAN_TYPE = 200;
    public static final int ASSESSMENT_NAME = 1000;
    public static final int SOURCE_TYPE = 64;
    public static final int SOURCE_ID = 1000;
    public static final int ERROR_CODE = 400;
    public static final int SERIALIZED_FORMAT = 64;
    public static final int OVERRIDES = 400;

    /** How a too-long id appears in a message: its start, and how long it was. */
    public static String abbreviate(String value) {
        return value.length() <= 60
                ? value
                : value.substring(0, 60) + "… (" + "%,d".formatted(value.length()) + " characters)";
    }

    /** Why the rows cannot be stored, naming the first field over its column's size; empty when they fit. */
    public static Optional<String> check(TraceMapping.Rows rows) {
        TraceEntity t = rows.trace();
        String why = first(
                over("the trace id", t.traceId, ID),
                over("the experiment id", t.experimentId, ID),
                over("the session id", t.sessionId, ID),
                over("the user", t.userId, ID),
                over("the trace name", t.traceName, TRACE_NAME),
                over("the client request id", t.clientRequestId, ID));
        if (why != null) return Optional.of(why);
        int n = 0;
        for (SpanEntity s : rows.spans()) {
            n++;
            String span = "span #" + n;
            why = first(
                    over("the span id of " + span, s.spanId, SPAN_ID),
                    over("the parent span id of " + span, s.parentSpanId, SPAN_ID),
                    over("the parent span id of " + span, s.cycleParentSpanId, SPAN_ID),
                    over("the name of " + span, s.name, SPAN_NAME),
                    over("the span type of " + span, s.spanType, SPAN_TYPE));
            if (why != null) return Optional.of(why);
        }
        n = 0;
        for (AssessmentEntity a : rows.assessments()) {
            n++;
            String assessment = "assessment #" + n;
            why = first(
                    over("the id of " + assessment, a.assessmentId, ID),
                    over("the name of " + assessment, a.name, ASSESSMENT_NAME),
                    over("the span id of " + assessment, a.spanId, SPAN_ID),
                    over("the source type of " + assessment, a.sourceType, SOURCE_TYPE),
                    over("the source id of " + assessment, a.sourceId, SOURCE_ID),
                    over("the error code of " + assessment, a.errorCode, ERROR_CODE),
                    over("the value format of " + assessment, a.serializedFormat, SERIALIZED_FORMAT),
                    over("the overridden assessment id of " + assessment, a.overrides, OVERRIDES));
            if (why != null) return Optional.of(why);
        }
        return Optional.empty();
    }

    private static @Nullable String over(String field, @Nullable String value, int limit) {
        if (value == null || value.length() <= limit) return null;
        int length = value.codePointCount(0, value.length());   // the columns count characters, not UTF-16 units
        if (length <= limit) return null;
        return field + " is " + "%,d".formatted(length) + " characters long; at most " + "%,d".formatted(limit)
                + " can be stored, so the trace was not stored";
    }

    private static @Nullable String first(@Nullable String... reasons) {
        for (String r : reasons) if (r != null) return r;
        return null;
    }
}
