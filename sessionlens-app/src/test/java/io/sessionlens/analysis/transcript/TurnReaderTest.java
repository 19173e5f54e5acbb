package io.sessionlens.analysis.transcript;

import static io.sessionlens.support.TestTraces.msg;
import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.support.Fixtures;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnReaderTest {
    private final TurnReader reader = new TurnReader(List.of());

    @Test
    void fixture_01_mlflow_3_4_root_span_with_string_io() {
        TurnText t = reader.read(Fixtures.trace("01-v3-trace-to-dict-mlflow34-simple.json"));

        assertThat(t.userText()).isEqualTo("abc");
        assertThat(t.assistantText()).isEqualTo("def");
        assertThat(t.readFrom().source()).isEqualTo("root span");
        assertThat(t.readFrom().spanName()).isEqualTo("test");
        assertThat(t.readFrom().spanId()).as("base64 3ElmHER9IVU= as hex").isEqualTo("dc49661c447d2155");
        assertThat(t.truncated()).isFalse();
    }

    @Test
    void fixture_05_mlflow_2_kwargs_dict_is_shown_as_json_and_the_number_as_text() {
        TurnText t = reader.read(Fixtures.trace("05-v2-trace-export.json"));

        assertThat(t.userText()).isEqualTo("{\"x\":2,\"y\":5}");
        assertThat(t.assistantText()).isEqualTo("8");
        assertThat(t.readFrom().spanName()).isEqualTo("predict");
        assertThat(t.readFrom().format()).isEqualTo("json");
    }

    @Test
    void fixture_06_openinference_plain_string_attributes_are_read() {
        TurnText t = reader.read(Fixtures.trace("06-ui-v3-trace-openinference-otel.json"));

        assertThat(t.userText()).isEqualTo("Now multiply that result by 3");
        assertThat(t.assistantText()).isEqualTo("Multiplying 25 by 3 gives you 75.");
        assertThat(t.readFrom().spanName()).isEqualTo("conversation_turn");
    }

    @Test
    void fixture_07_values_that_are_not_json_are_kept_as_written() {
        TurnText t = reader.read(Fixtures.trace("07-ui-v3-trace-with-assessment.json"));

        assertThat(t.userText()).isEqualTo("document-qa-chain-input");
        assertThat(t.assistantText()).isEqualTo("document-qa-chain-output");
        assertThat(t.readFrom().source()).isEqualTo("root span");
    }

    @Test
    void fixture_11_a_trace_without_spans_or_previews_has_no_text() {
        TurnText t = reader.read(Fixtures.trace("11-ui-trace-with-session-level-assessment.json"));

        assertThat(t.userText()).isEmpty();
        assertThat(t.assistantText()).isEmpty();
        assertThat(t.readFrom().source()).isEqualTo("none");
        assertThat(t.readFrom().format()).isEqualTo("none");
    }

    @Test
    void a_wrapper_root_without_io_is_skipped_for_the_first_chain_child_with_both_sides() {
        Trace t = turn(1)
                .span("r", null, "request_handler", "UNKNOWN").done()
                .span("ret", "r", "retrieve", "RETRIEVER").inputs("fees?")
                .outputs(List.of(Map.of("page_content", "doc"))).done()
                .span("agent", "r", "agent", "AGENT")
                .inputs(Map.of("messages", List.of(msg("user", "What are the fees?"))))
                .outputs(Map.of("messages",
                        List.of(msg("user", "What are the fees?"), msg("assistant", "2.5% per transfer."))))
                .build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("What are the fees?");
        assertThat(text.assistantText()).isEqualTo("2.5% per transfer.");
        assertThat(text.readFrom().source()).isEqualTo("child span (breadth-first)");
        assertThat(text.readFrom().spanName()).as("the retriever is never the conversation").isEqualTo("agent");
    }

    @Test
    void a_root_with_empty_io_counts_as_a_wrapper() {
        Trace t = turn(1)
                .span("r", null, "handler", "CHAIN").inputs(Map.of()).outputs("").done()
                .span("c", "r", "answer", "LLM").inputs("Hi").outputs("Hello!").build();

        assertThat(reader.read(t).readFrom().spanName()).isEqualTo("answer");
    }

    @Test
    void a_root_that_failed_before_answering_keeps_its_input_and_takes_the_answer_from_the_preview() {
        Trace t = turn(1).previews(null, "\"Sorry, something went wrong.\"")
                .span("r", null, "chat", "CHAIN").inputs(Map.of("query", "Cancel my order")).error("Timeout").build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("Cancel my order");
        assertThat(text.assistantText()).isEqualTo("Sorry, something went wrong.");
        assertThat(text.readFrom().source()).isEqualTo("root span + " + TurnReader.SOURCE_PREVIEW);
    }

    @Test
    void a_root_with_input_but_no_output_keeps_the_users_words_and_takes_the_answer_from_below() {
        Trace t = turn(1)
                .span("r", null, "chat", "CHAIN").inputs(Map.of("query", "What's the fee?")).done()
                .span("llm", "r", "ChatOpenAI", "CHAT_MODEL").inputs(Map.of("messages", List.of(
                        msg("user", "Context: fees-2024.md says 1.5%. Question: What's the fee?"))))
                .outputs(Map.of("choices", List.of(Map.of("message", msg("assistant", "The fee is 1.5%.")))))
                .build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("What's the fee?");
        assertThat(text.assistantText()).isEqualTo("The fee is 1.5%.");
        assertThat(text.readFrom().source()).isEqualTo("root span + last model call");
        assertThat(text.readFrom().inputKey()).isEqualTo("query");
    }

    @Test
    void when_the_root_recorded_no_answer_an_intermediate_steps_output_is_not_taken_for_one() {
        Trace t = turn(1)
                .span("r", null, "LangGraph", "CHAIN")
                .inputs(Map.of("messages", List.of(msg("user", "Can I pick my seat?")))).done()
                .span("ret", "r", "retrieve", "CHAIN").inputs(Map.of("question", "Can I pick my seat?"))
                .outputs(Map.of("context", List.of("Free seat selection at check-in."))).done()
                .span("gen", "r", "ChatOpenAI", "CHAT_MODEL")
                .inputs(List.of(msg("user", "Context: ... Can I pick my seat?")))
                .outputs(Map.of("choices", List.of(Map.of("message", msg("assistant", "Yes, free at check-in.")))))
                .build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("Can I pick my seat?");
        assertThat(text.assistantText()).isEqualTo("Yes, free at check-in.");
        assertThat(text.readFrom().source()).isEqualTo("root span + last model call");
    }

    @Test
    void a_failed_turn_whose_last_model_call_failed_has_no_answer_and_says_so() {
        Trace t = turn(1)
                .span("r", null, "LangGraph", "CHAIN")
                .inputs(Map.of("messages", List.of(msg("user", "Can I pick my seat?"))))
                .error("APITimeoutError: Request timed out.").done()
                .span("ret", "r", "retrieve", "CHAIN").inputs(Map.of("question", "Can I pick my seat?"))
                .outputs(Map.of("context", List.of("Free seat selection at check-in."))).done()
                .span("gen", "r", "ChatOpenAI", "CHAT_MODEL").inputs(List.of(msg("user", "Can I pick my seat?")))
                .error("APITimeoutError: Request timed out.").build();

        TurnText text = reader.read(t);

        assertThat(text.assistantText()).isEmpty();
        assertThat(text.readFrom().source()).isEqualTo("root span + " + TurnReader.SOURCE_FAILED);
    }

    @Test
    void without_spans_the_previews_are_used() {
        Trace t = turn(1).previews("Session 2 turn 2 request", "Session 2 turn 2 response").build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("Session 2 turn 2 request");
        assertThat(text.assistantText()).isEqualTo("Session 2 turn 2 response");
        assertThat(text.readFrom().source()).isEqualTo(TurnReader.SOURCE_PREVIEW);
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void metadata_cut_at_250_characters_is_shown_and_marked_truncated() {
        String longQuestion = "Please explain ".repeat(30);
        String cut = ("\"" + longQuestion).substring(0, MlflowKeys.TRACE_IO_METADATA_LIMIT - 3) + "...";
        Trace t = turn(1).metadata(MlflowKeys.TRACE_INPUTS, cut).metadata(MlflowKeys.TRACE_OUTPUTS, "\"Sure.\"")
                .build();

        TurnText text = reader.read(t);

        assertThat(text.truncated()).isTrue();
        assertThat(text.userText()).startsWith("Please explain Please explain").endsWith("...").doesNotStartWith("\"");
        assertThat(text.assistantText()).isEqualTo("Sure.");
        assertThat(text.readFrom().source()).isEqualTo("trace metadata");
    }

    @Test
    void of_several_roots_the_earliest_is_read() {
        Trace t = turn(1)
                .span("late", null, "late_root", "CHAIN").inputs("late question").outputs("late answer").startMs(500)
                .done()
                .span("early", null, "early_root", "CHAIN").inputs("early question").outputs("early answer").startMs(0)
                .build();

        assertThat(reader.read(t).userText()).isEqualTo("early question");
    }

    @Test
    void an_orphan_span_of_an_unfinished_trace_is_still_readable() {
        Trace t = turn(1).span("o", "missing-parent", "answer", "LLM").inputs("q").outputs("a").unfinished().build();

        assertThat(reader.read(t).assistantText()).isEqualTo("a");
    }

    @Test
    void an_analyst_mapping_wins_and_reads_the_named_keys() {
        Trace t = turn(1)
                .span("r", null, "pipeline", "CHAIN").inputs(Map.of("payload", "raw")).outputs(Map.of("status", "ok"))
                .done()
                .span("g", "r", "generate", "LLM").inputs(Map.of("rewritten", "fees for EU?", "original", "fees?"))
                .outputs(Map.of("text", "1.5%", "debug", "x")).build();
        TurnReader mapped = new TurnReader(List.of(new TurnMapping("pipeline/generate", "original", "text")));

        TurnText text = mapped.read(t);

        assertThat(text.userText()).isEqualTo("fees?");
        assertThat(text.assistantText()).isEqualTo("1.5%");
        assertThat(text.readFrom().source()).isEqualTo("analyst mapping");
        assertThat(text.readFrom().inputKey()).isEqualTo("original");
        assertThat(text.readFrom().outputKey()).isEqualTo("text");
    }

    @Test
    void a_mapping_whose_span_is_absent_falls_back_to_the_automatic_reading() {
        Trace t = turn(1).span("r", null, "chat", "CHAIN").inputs("q").outputs("a").build();
        TurnReader mapped = new TurnReader(List.of(new TurnMapping("nope", "", "")));

        assertThat(mapped.read(t).readFrom().source()).isEqualTo("root span");
    }

    @Test
    void the_legacy_chat_messages_attribute_is_preferred_as_mlflows_ui_does() {
        Trace t = turn(1).span("r", null, "chat", "CHAT_MODEL").inputs(Map.of("prompt", "ignored"))
                .outputs("ignored too")
                .raw(MlflowKeys.CHAT_MESSAGES, io.sessionlens.support.TestTraces.json(
                        List.of(msg("user", "from the legacy list"), msg("assistant", "legacy answer"))))
                .build();

        TurnText text = reader.read(t);

        assertThat(text.userText()).isEqualTo("from the legacy list");
        assertThat(text.assistantText()).isEqualTo("legacy answer");
    }
}
