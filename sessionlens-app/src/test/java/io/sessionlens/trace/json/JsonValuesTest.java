package io.sessionlens.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {

    @Test
    void json_encoded_attribute_values_are_decoded() {
        assertThat(JsonValues.decode("\"LLM\"").stringValue()).isEqualTo("LLM");
        assertThat(JsonValues.decode("{\"x\": 2}").get("x").asInt()).isEqualTo(2);
        assertThat(JsonValues.decode("8").asInt()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"document-qa-chain-input", "Now multiply that result by 3", "42 apples", "{not json",
            "value", "[1, 2"})
    void text_that_is_not_json_is_kept_as_written(String raw) {
        assertThat(JsonValues.decode(raw).isString()).isTrue();
        assertThat(JsonValues.decode(raw).stringValue()).isEqualTo(raw);
    }

    @Test
    void absent_values_are_missing_and_meaningful_means_real_content() {
        assertThat(JsonValues.decode(null).isMissingNode()).isTrue();
        assertThat(JsonValues.meaningful(JsonValues.decode(null))).isFalse();
        for (String empty : List.of("null", "\"\"", "\"   \"", "{}", "[]", "")) {
            assertThat(JsonValues.meaningful(JsonValues.decode(empty))).as(empty).isFalse();
        }
        assertThat(JsonValues.meaningful(JsonValues.decode("0"))).isTrue();
    }

    @Test
    void values_become_plain_java_for_the_json_api() {
        assertThat(JsonValues.toPlain(JsonValues.decode("{\"a\": [1, \"b\", true, null]}")))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1, "b", true, null)));
        assertThat(JsonValues.toPlain(JsonValues.decode("null"))).isNull();
    }

    @Test
    void deeply_nested_input_does_not_break_decoding() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertThat(JsonValues.decode(deep).isString()).as("over Jackson's nesting limit: kept as text").isTrue();
    }

    @Test
    void json_objects_are_pretty_printed() {
        assertThat(JsonValues.readable("{\"city\":\"Oslo\",\"days\":[1,2]}")).isEqualTo("""
                {
                  "city" : "Oslo",
                  "days" : [ 1, 2 ]
                }""");
    }

    @Test
    void a_json_string_shows_its_text_without_quotes_or_escapes() {
        assertThat(JsonValues.readable("\"line one\\nline two\"")).isEqualTo("line one\nline two");
    }

    @Test
    void text_that_is_not_json_is_shown_as_it_was_stored() {
        assertThat(JsonValues.readable("plain text")).isEqualTo("plain text");
        assertThat(JsonValues.readable("{broken")).isEqualTo("{broken");
        assertThat(JsonValues.readable("")).isEmpty();
    }
}
