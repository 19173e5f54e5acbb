package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonDisplayTest {

    @Test
    void json_objects_are_pretty_printed() {
        assertThat(JsonDisplay.readable("{\"city\":\"Oslo\",\"days\":[1,2]}")).isEqualTo("""
                {
                  "city" : "Oslo",
                  "days" : [ 1, 2 ]
                }""");
    }

    @Test
    void a_json_string_shows_its_text_without_quotes_or_escapes() {
        assertThat(JsonDisplay.readable("\"line one\\nline two\"")).isEqualTo("line one\nline two");
    }

    @Test
    void text_that_is_not_json_is_shown_as_it_was_stored() {
        assertThat(JsonDisplay.readable("plain text")).isEqualTo("plain text");
        assertThat(JsonDisplay.readable("{broken")).isEqualTo("{broken");
        assertThat(JsonDisplay.readable("")).isEmpty();
    }
}
