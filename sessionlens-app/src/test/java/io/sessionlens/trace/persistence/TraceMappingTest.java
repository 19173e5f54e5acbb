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

        assertThat(hash(edited(r -> at(r, assessment + "/feedback").put("value", "4")))).as("value").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("rationale", "Off topic")))).as("rationale").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("valid", false)))).as("overridden").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment + "/source").put("source_id", "2")))).as("source").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("last_update_time", "2025-04-20T09:04:07.875Z"))))
                .as("update time").isNotEqualTo(original);
        assertThat(hash(edited(r -> at(r, assessment).put("assessment_name", "Correctness")))).as("name").isNotEqualTo(original);
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
}
