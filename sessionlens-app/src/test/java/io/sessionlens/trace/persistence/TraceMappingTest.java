package io.sessionlens.trace.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.Fixtures;
import io.sessionlens.trace.model.TokenUsage;
import io.sessionlens.trace.model.Trace;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content hash tells an unchanged re-import from an update: equal for the same trace, different after any
 * change an analyst could see. Real export 07 (a v3 trace with one LLM-judge feedback; see fixtures/README.md).
 */
class TraceMappingTest {
    private static final String FILE = "07-ui-v3-trace-with-assessment.json";
    private static final TraceMapping.TraceFacts FACTS = new TraceMapping.TraceFacts(0, TokenUsage.NONE);

    private static String hash(Trace t, Instant importedAt) {
        return TraceMapping.toRows(t, importedAt, FACTS).trace().contentHash;
    }

    private static String hash(Trace t) {
        return hash(t, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The export with one edit, read again the way the test reader reads every export. */
    private static Trace edited(Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) Fixtures.json(FILE).deepCopy();
        edit.accept(root);
        return Fixtures.trace(root);
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void the_same_trace_read_twice_hashes_the_same_whenever_it_is_imported() {
        String first = hash(Fixtures.trace(FILE), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(hash(Fixtures.trace(FILE), Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo(first);
        assertThat(hash(edited(root -> {}))).isEqualTo(first);
        assertThat(first).matches("[0-9a-f]{64}");
    }

    @Test
    void any_change_in_an_assessment_changes_the_hash() {
        String original = hash(Fixtures.trace(FILE));
        String assessment = "/info/assessments/0";

        assertThat(hash(edited(r -> at(r, assessment + "/feedback").put("value", "4")))).as("value")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("rationale", "Off topic")))).as("rationale")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("valid", false)))).as("overridden").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment + "/source").put("source_id", "2")))).as("source")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("last_update_time", "2025-04-20T09:04:07.875Z"))))
                .as("update time").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("assessment_name", "Correctness")))).as("name")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> ((ArrayNode) r.at("/info/assessments")).removeAll()))).as("removed")
                .isNotEqualTo(original);
    }

    @Test
    void a_change_in_a_span_or_the_trace_info_changes_the_hash() {
        String original = hash(Fixtures.trace(FILE));
        String span = "/data/spans/0";
        JsonNode attributes = Fixtures.json(FILE).at(span + "/attributes");
        String someKey = attributes.propertyNames().iterator().next();

        assertThat(hash(edited(r -> at(r, span).put("name", "renamed")))).as("span name").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, span + "/attributes").put(someKey, "\"changed\"")))).as("attribute")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, span + "/status").put("code", "STATUS_CODE_ERROR")))).as("status")
                .isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, "/info").put("state", "ERROR")))).as("trace state").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, "/info/tags").put("note", "x")))).as("tag").isNotEqualTo(original);
        assertThat(hash(edited(r -> ((ArrayNode) r.at("/data/spans")).remove(2)))).as("span removed")
                .isNotEqualTo(original);
    }

    /** The trace with every map (metadata, tags, span and event attributes) in the reverse of its order. */
    private static Trace reordered(Trace t) {
        var info = t.info();
        var reversedInfo = new io.sessionlens.trace.model.TraceInfo(info.traceId(), info.experimentId(),
                info.requestTime(),
                info.executionDurationMs(), info.state(), info.requestPreview(), info.responsePreview(),
                info.clientRequestId(),
                reversed(info.metadata()), reversed(info.tags()), info.assessments());
        return new Trace(
                reversedInfo, t.spans().stream()
                        .map(s -> new io.sessionlens.trace.model.Span(s.spanId(), s.parentSpanId(),
                                s.name(), s.startTimeUnixNano(), s.endTimeUnixNano(), s.status(), s.statusMessage(),
                                reversed(s.attributes()),
                                s.events().stream()
                                        .map(ev -> new io.sessionlens.trace.model.SpanEvent(ev.name(),
                                                ev.timeUnixNano(),
                                                reversed(ev.attributes())))
                                        .toList()))
                        .toList());
    }

    private static java.util.Map<String, String> reversed(java.util.Map<String, String> map) {
        var keys = new java.util.ArrayList<>(map.keySet());
        java.util.Collections.reverse(keys);
        var out = new java.util.LinkedHashMap<String, String>();
        for (String k : keys) out.put(k, map.get(k));
        return out;
    }

    @Test
    void the_hash_does_not_depend_on_the_order_of_any_map() {
        Trace withEvents = TestTracesWithException.trace();
        assertThat(hash(reordered(withEvents))).isEqualTo(hash(withEvents));
        assertThat(hash(reordered(Fixtures.trace(FILE)))).isEqualTo(hash(Fixtures.trace(FILE)));
    }

    @Test
    void a_trace_read_back_from_its_rows_hashes_as_it_did_when_it_was_stored() {
        Trace original = TestTracesWithException.trace();
        TraceMapping.Rows rows = TraceMapping.toRows(original, Instant.parse("2026-01-01T00:00:00Z"), FACTS);
        Trace readBack = TraceMapping.toModel(rows.trace(), rows.spans().stream().toList(),
                rows.assessments().stream().map(TraceMapping::toModel).toList());
        assertThat(hash(readBack)).isEqualTo(rows.trace().contentHash);
    }

    @Test
    void assessments_hash_by_their_content_not_by_key_order_or_number_spelling() {
        assertThat(TraceMapping.canonicalJson("{\"b\": 1.50, \"a\": {\"y\": 2, \"x\": [1.0, \"t\"]}}"))
                .isEqualTo(TraceMapping.canonicalJson("{\"a\": {\"x\": [1, \"t\"], \"y\": 2}, \"b\": 1.5}"));
        assertThat(TraceMapping.canonicalJson("not json")).isEqualTo("not json");
    }

    /** A trace whose span has an exception event with several attributes: the case issue #10 found re-imported as updated. */
    static final class TestTracesWithException {
        static Trace trace() {
            var attrs = new java.util.LinkedHashMap<String, String>();
            attrs.put("exception.type", "ValueError");
            attrs.put("exception.message", "bad input");
            attrs.put("exception.stacktrace", "Traceback (most recent call last): ...");
            attrs.put("exception.escaped", "False");
            var event = new io.sessionlens.trace.model.SpanEvent("exception", 1_761_106_495_000_000_000L, attrs);
            Trace base = Fixtures.trace(FILE);
            var s = base.spans().get(0);
            var withEvent = new io.sessionlens.trace.model.Span(s.spanId(), s.parentSpanId(), s.name(),
                    s.startTimeUnixNano(),
                    s.endTimeUnixNano(), io.sessionlens.trace.model.SpanStatus.ERROR, "bad input", s.attributes(),
                    java.util.List.of(event));
            var spans = new java.util.ArrayList<>(base.spans());
            spans.set(0, withEvent);
            return new Trace(base.info(), spans);
        }
    }
}
