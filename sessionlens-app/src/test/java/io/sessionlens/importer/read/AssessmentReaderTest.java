package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Fixture 10 holds MLflow's UI mocks of each assessment variant; each reads into the model. */
class AssessmentReaderTest {

    private static final JsonNode MOCKS = ExportJson.MAPPER.readTree(
            Recorder.fixture("mlflow-real/10-ui-assessments-feedback-expectation-override.json"));

    @Test
    void expectation_with_serialized_value_keeps_format_and_text() {
        Assessment a = AssessmentReader.read(MOCKS.get("MOCK_EXPECTATION"));

        assertThat(a.kind()).isEqualTo(Assessment.Kind.EXPECTATION);
        assertThat(a.name()).isEqualTo("expected_facts");
        assertThat(a.valueJson()).isNull();
        assertThat(a.serializedValue()).isEqualTo(new Assessment.SerializedValue("json", "[\"fact 1\", \"fact 2\"]"));
    }

    @Test
    void superseded_human_feedback_is_invalid_and_its_replacement_names_it() {
        Assessment old = AssessmentReader.read(MOCKS.get("MOCK_ROOT_ASSESSMENT"));
        Assessment replacement = AssessmentReader.read(MOCKS.get("MOCK_OVERRIDDING_ASSESSMENT"));

        assertThat(old.valid()).isFalse();
        assertThat(old.source()).isEqualTo(new AssessmentSource("HUMAN", "daniel.lok@databricks.com"));
        assertThat(old.lastUpdateTime()).isEqualTo(Instant.parse("2025-04-28T06:28:27.686Z"));
        assertThat(replacement.valid()).isTrue();
        assertThat(replacement.overrides()).isEqualTo("a-test-1");
        assertThat(replacement.valueJson()).isEqualTo("\"up\"");
    }

    @Test
    void span_level_feedback_keeps_its_span_id() {
        Assessment a = AssessmentReader.read(MOCKS.get("MOCK_SPAN_ASSESSMENT"));

        assertThat(a.spanId()).isEqualTo("span-test-1");
        assertThat(a.valueJson()).isEqualTo("\"down\"");
        assertThat(a.rationale()).isEqualTo("bad job");
    }

    @Test
    void raw_keeps_the_assessment_exactly_as_read() {
        JsonNode node = MOCKS.get("MOCK_ASSESSMENT");

        assertThat(ExportJson.MAPPER.readTree(AssessmentReader.read(node).raw())).isEqualTo(node);
    }

    @Test
    void hand_built_feedback_without_a_value_wrapper_still_gives_its_value() {
        Assessment a = AssessmentReader.read(ExportJson.MAPPER.readTree(
                "{\"assessment_id\": \"a\", \"assessment_name\": \"ok\", \"feedback\": \"yes\"}"));

        assertThat(a.valueJson()).isEqualTo("\"yes\"");
        assertThat(a.source().type()).isEqualTo("SOURCE_TYPE_UNSPECIFIED");
        assertThat(a.valid()).isTrue();
    }
}
