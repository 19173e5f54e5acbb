package io.sessionlens.trace.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.json.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"query\": \"How do refunds work?\", \"top_k\": 5}|How do refunds work?|query",
            "{\"question\": \"Why?\", \"history\": []}|Why?|question",
            "{\"input\": {\"prompt\": \"nested\"}}|nested|input",
            "{\"kwargs\": {\"text\": \"only key\"}}|only key|kwargs",
            "\"plain\"|plain|''",
            // a function of one text argument reads as that text
            "{\"q\": \"Is it open on Sunday?\"}|Is it open on Sunday?|q",
            "[\"Is it open on Sunday?\"]|Is it open on Sunday?|''",
            "{\"inputs\": {\"question\": \"Is it open?\", \"k\": 3}}|Is it open?|inputs"})
    void user_text_comes_from_the_obvious_key_or_the_one_text_argument(String json, String text, String key) {
        SideText t = ValueText.user(JsonValues.decode(json), null).orElseThrow();

        assertThat(t.text()).isEqualTo(text);
        assertThat(t.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"answer\": \"42\", \"sources\": [\"a\"]}|42",
            "{\"response\": {\"content\": \"deep\"}}|deep",
            "{\"result\": \"done\"}|done",
            "8|8",
            "true|true"})
    void assistant_text_comes_from_the_obvious_key(String json, String text) {
        assertThat(ValueText.assistant(JsonValues.decode(json), null))
                .hasValueSatisfying(t -> assertThat(t.text()).isEqualTo(text));
    }

    @Test
    void anything_else_is_shown_as_compact_json() {
        SideText t = ValueText.user(JsonValues.decode("{\"x\": 2, \"y\": 5}"), null).orElseThrow();

        assertThat(t.text()).isEqualTo("{\"x\":2,\"y\":5}");
        assertThat(t.format()).isEqualTo("json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"config\": {\"model\": \"gpt-4\"}}|{\"config\":{\"model\":\"gpt-4\"}}",
            "{\"settings\": {\"locale\": \"de-DE\", \"depth\": 2}}|{\"settings\":{\"locale\":\"de-DE\",\"depth\":2}}",
            "{\"user_id\": \"u-1\", \"order\": \"A-17\"}|{\"user_id\":\"u-1\",\"order\":\"A-17\"}",
            "{\"n\": 5}|{\"n\":5}",
            "[\"a\", \"b\"]|[\"a\",\"b\"]"})
    void without_a_convention_the_value_is_shown_as_written_never_a_string_picked_out_of_it(String json, String shown) {
        SideText t = ValueText.user(JsonValues.decode(json), null).orElseThrow();

        assertThat(t.text()).isEqualTo(shown);
        assertThat(t.format()).isEqualTo("json");
        assertThat(t.key()).isEmpty();
    }

    @Test
    void a_missing_or_null_value_has_no_text() {
        assertThat(ValueText.user(JsonValues.missing(), null)).isEmpty();
        assertThat(ValueText.user(JsonValues.decode("null"), null)).isEmpty();
    }

    @Test
    void chat_messages_under_an_obvious_key_give_the_last_user_message() {
        var value = JsonValues.decode("""
                {"messages": [{"role": "user", "content": "first"}, {"role": "assistant", "content": "ok"},
                              {"role": "user", "content": "second"}], "thread_id": "t1"}""");

        assertThat(ValueText.user(value, null)).hasValueSatisfying(t -> {
            assertThat(t.text()).isEqualTo("second");
            assertThat(t.format()).isEqualTo("openai");
        });
    }
}
