package io.sessionlens.demodata;

import static io.sessionlens.demodata.WrittenExports.attribute;
import static io.sessionlens.demodata.WrittenExports.spanType;
import static io.sessionlens.demodata.WrittenExports.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.WrittenExports.Container;
import io.sessionlens.demodata.WrittenExports.FoundTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The standard demo set, read back with plain Jackson and checked against its own ground truth. */
class DemoExportGeneratorDemoSetTest {
    @TempDir static Path dir;

    static DemoCorpus corpus;
    static final List<FoundTrace> traces = new ArrayList<>();
    static final Map<String, FoundTrace> byId = new HashMap<>();
    static final Map<String, ExpectedSession> sessionOfTrace = new HashMap<>();

    @BeforeAll
    static void write_the_demo_set() throws IOException {
        corpus = new DemoExportGenerator(42L, Instant.parse("2025-06-02T08:30:00Z")).writeDemoSet(dir);
        for (Path f : corpus.files()) traces.addAll(WrittenExports.read(f, WrittenExports.containerOf(f)));
        for (FoundTrace t : traces) byId.put(t.traceId(), t);
        for (ExpectedSession s : corpus.sessions()) s.turns().forEach(t -> sessionOfTrace.put(t.traceId(), s));
    }

    @Test
    void every_file_is_valid_json_of_the_container_its_name_promises_and_each_container_is_used_twice()
            throws IOException {
        Map<Container, Integer> uses = new HashMap<>();
        for (Path f : corpus.files()) {
            assertThat(f).exists().isRegularFile();
            Container c = WrittenExports.containerOf(f);
            List<FoundTrace> found = WrittenExports.read(f, c);
            assertThat(found).as(f.getFileName().toString()).isNotEmpty();
            if (c == Container.SINGLE) assertThat(found).hasSize(1);
            if (c == Container.JSONL) {
                assertThat(Files.readAllLines(f)).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            }
            uses.merge(c, 1, Integer::sum);
        }
        assertThat(uses).containsOnlyKeys(Container.values())
                .allSatisfy((c, n) -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(byId).hasSize(traces.size());
    }

    @Test
    void the_set_has_12_to_16_sessions_in_2_or_3_experiments_and_every_dialect_in_at_least_two_files() {
        assertThat(corpus.sessions()).hasSizeBetween(12, 16);
        assertThat(corpus.sessions().stream().map(ExpectedSession::experimentId).distinct()).hasSizeBetween(2, 3);
        Map<String, Set<Path>> filesByDialect = new HashMap<>();
        for (FoundTrace t : traces) {
            filesByDialect.computeIfAbsent(sessionOfTrace.get(t.traceId()).dialect(), k -> new HashSet<>())
                    .add(t.file());
        }
        assertThat(filesByDialect).containsOnlyKeys("mlflow-2.x", "mlflow-3.0-3.4", "mlflow-3.5", "mlflow-3.6+",
                "mlflow-rest", "openinference-otlp");
        assertThat(filesByDialect).allSatisfy((d, files) -> assertThat(files).as(d).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void every_chat_format_and_root_cause_kind_is_covered_and_at_least_four_sessions_are_healthy() {
        assertThat(corpus.sessions().stream().map(ExpectedSession::chatFormat)).contains("string", "openai-chat",
                "openai-responses", "langchain", "anthropic", "gemini", "bedrock-converse", "otel-genai", "dict",
                "wrapper(openai-chat)");
        assertThat(corpus.sessions().stream().map(ExpectedSession::rootCauseKind)).contains("tool_error",
                "outdated_retrieval", "hallucination", "context_loss", "other");
        assertThat(corpus.sessions()).allSatisfy(s -> assertThat(s.rootCauseReason() != null).as(s.sessionId()
                + ": a reason exactly when the kind is other").isEqualTo("other".equals(s.rootCauseKind())));
        List<ExpectedSession> healthy = corpus.sessions().stream().filter(s -> s.rootCauseTurn() == null).toList();
        assertThat(healthy).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(s -> {
                    assertThat(s.rootCauseKind()).isNull();
                    assertThat(s.flaggedTurn()).isNull();
                    assertThat(s.chain()).isEmpty();
                });
        assertThat(corpus.sessions()).allSatisfy(s -> assertThat(s.story()).isNotBlank());
    }

    @Test
    void ground_truth_turn_numbers_are_consistent() {
        for (ExpectedSession s : corpus.sessions()) {
            if (s.rootCauseTurn() == null) continue;
            int n = s.turns().size();
            assertThat(s.rootCauseTurn()).as(s.sessionId()).isBetween(1, n);
            if (s.flaggedTurn() != null) assertThat(s.flaggedTurn()).as(s.sessionId()).isBetween(s.rootCauseTurn(), n);
            assertThat(s.chain()).as(s.sessionId()).isSorted()
                    .allSatisfy(t -> assertThat(t).isBetween(s.rootCauseTurn() + 1, n));
        }
        assertThat(corpus.sessions())
                .anySatisfy(s -> assertThat(s.flaggedTurn()).isNotNull().isGreaterThan(s.rootCauseTurn() + 1));
    }

    @Test
    void each_session_has_its_turns_with_its_session_id_in_request_time_order() {
        for (ExpectedSession s : corpus.sessions()) {
            long previous = Long.MIN_VALUE;
            for (ExpectedTurn turn : s.turns()) {
                FoundTrace t = byId.get(turn.traceId());
                assertThat(t).as("trace of %s turn %d", s.sessionId(), turn.index()).isNotNull();
                if (s.sessionId().equals(turn.traceId())) assertThat(t.session()).isNull();
                else
                    assertThat(t.session()).isEqualTo(s.sessionId());
                assertThat(t.info().path("trace_location").path("mlflow_experiment").path("experiment_id")
                        .asString(t.info().path("experiment_id").asString())).isEqualTo(s.experimentId());
                assertThat(t.requestTimeMillis()).as("%s turn %d", s.sessionId(), turn.index()).isGreaterThan(previous);
                previous = t.requestTimeMillis();
            }
            assertThat(s.turns()).extracting(ExpectedTurn::index).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, s.turns().size()).boxed().toList());
            long inFiles = traces.stream().filter(t -> s.sessionId().equals(t.session())).count();
            if (!s.sessionId().startsWith("tr-")) assertThat(inFiles).as(s.sessionId()).isEqualTo(s.turns().size());
        }
    }

    @Test
    void user_and_assistant_texts_appear_in_the_root_span_io() {
        for (ExpectedSession s : corpus.sessions()) {
            for (ExpectedTurn turn : s.turns()) {
                FoundTrace t = byId.get(turn.traceId());
                String where = s.sessionId() + " turn " + turn.index();
                if (s.dialect().equals("openinference-otlp")) {
                    JsonNode attrs = t.root().path("attributes");
                    assertThat(attrs.path("input.value").asString()).as(where).isEqualTo(turn.userText());
                    assertThat(attrs.path("output.value").asString()).as(where).isEqualTo(turn.assistantText());
                    continue;
                }
                JsonNode span = t.conversationSpan();
                assertThat(strings(attribute(span, "mlflow.spanInputs"))).as(where).contains(turn.userText());
                if (turn.assistantText().isEmpty()) {
                    assertThat(span.path("attributes").has("mlflow.spanOutputs")).as(where).isFalse();
                } else {
                    assertThat(strings(attribute(span, "mlflow.spanOutputs"))).as(where).anySatisfy(
                            text -> assertThat(text).isEqualTo(turn.assistantText()));
                }
            }
        }
    }

    @Test
    void an_empty_wrapper_root_keeps_the_conversation_on_its_agent_child() {
        ExpectedSession s = session("docs-qa-1f9e3b");
        FoundTrace t = byId.get(s.turns().getFirst().traceId());
        assertThat(attribute(t.root(), "mlflow.spanInputs").isEmpty()).isTrue();
        assertThat(attribute(t.root(), "mlflow.spanOutputs").isNull()).isTrue();
        assertThat(t.info().path("request_preview").asString()).isEqualTo("{}");
        assertThat(spanType(t.conversationSpan())).isEqualTo("AGENT");
    }

    @Test
    void session_level_assessments_sit_on_the_chronologically_first_trace_only() {
        for (ExpectedSession s : corpus.sessions()) {
            for (ExpectedTurn turn : s.turns()) {
                List<String> sessionLevel = byId.get(turn.traceId()).assessments().stream()
                        .filter(a -> !a.path("metadata").path("mlflow.trace.session").asString("").isEmpty())
                        .peek(a -> assertThat(a.path("metadata").path("mlflow.trace.session").asString())
                                .isEqualTo(s.sessionId()))
                        .map(a -> a.path("assessment_name").asString())
                        .toList();
                if (turn.index() == 1) assertThat(sessionLevel).as(s.sessionId()).isEqualTo(s.sessionAssessmentNames());
                else
                    assertThat(sessionLevel).as(s.sessionId() + " turn " + turn.index()).isEmpty();
            }
        }
        assertThat(corpus.sessions()).filteredOn(s -> !s.sessionAssessmentNames().isEmpty())
                .hasSizeGreaterThanOrEqualTo(4)
                .flatMap(ExpectedSession::sessionAssessmentNames)
                .contains("user_frustration", "conversation_completeness", "knowledge_retention");
    }

    @Test
    void each_dialect_shows_its_own_marks() {
        for (FoundTrace t : traces) {
            String dialect = sessionOfTrace.get(t.traceId()).dialect();
            JsonNode root = t.root();
            switch (dialect) {
                case "mlflow-2.x" -> {
                    assertThat(t.info().path("timestamp_ms").isNumber()).isTrue();
                    assertThat(root.path("context").path("span_id").asString()).matches("[0-9a-f]{16}");
                    assertThat(root.get("parent_id").isNull()).isTrue();
                    assertThat(root.path("status_code").asString()).isEqualTo("OK");
                    assertThat(t.metadata().path("mlflow.trace_schema.version").asString()).isEqualTo("2");
                }
                case "mlflow-3.0-3.4" -> {
                    assertThat(root.path("parent_span_id").asString()).isEmpty();
                    assertThat(t.spans()).allSatisfy(sp -> {
                        assertThat(sp.path("trace_state").asString()).isEmpty();
                        assertThat(Base64.getDecoder().decode(sp.path("span_id").asString())).hasSize(8);
                        if (sp.path("status").path("code").asString().equals("STATUS_CODE_OK")) {
                            assertThat(sp.has("events")).isFalse();
                        }
                    });
                    assertThat(t.info().path("execution_duration_ms").isNumber()).isTrue();
                }
                case "mlflow-3.5" -> assertThat(t.spans()).allSatisfy(sp -> {
                    assertThat(sp.path("span_id").asString()).matches("[0-9a-f]{16}");
                    assertThat(sp.path("trace_id").asString()).isEqualTo(t.traceId()).startsWith("tr-");
                    assertThat(sp.path("status").path("code").asString()).isIn("OK", "ERROR", "UNSET");
                });
                case "mlflow-3.6+" -> {
                    assertThat(root.get("parent_span_id").isNull()).isTrue();
                    assertThat(t.spans()).allSatisfy(sp -> {
                        assertThat(sp.path("events").isArray()).isTrue();
                        assertThat(sp.path("status").path("code").asString()).startsWith("STATUS_CODE_");
                        assertThat(Base64.getDecoder().decode(sp.path("trace_id").asString())).hasSize(16);
                    });
                }
                case "mlflow-rest" -> {
                    assertThat(root.path("start_time_unix_nano").isString()).isTrue();
                    assertThat(root.path("parent_span_id").asString()).isEmpty();
                    if (!t.info().path("state").asString().equals("IN_PROGRESS")) {
                        assertThat(t.info().path("execution_duration").asString()).matches("\\d+(\\.\\d{3})?s");
                    }
                    assertThat(t.info().has("execution_duration_ms")).isFalse();
                }
                case "openinference-otlp" -> assertThat(t.spans()).allSatisfy(sp -> {
                    assertThat(sp.path("attributes").has("mlflow.spanInputs")).isFalse();
                    assertThat(sp.path("attributes").path("openinference.span.kind").asString()).isNotEmpty();
                    assertThat(sp.path("status").path("code").asString()).isEqualTo("STATUS_CODE_UNSET");
                });
                default -> throw new AssertionError("unexpected dialect " + dialect);
            }
        }
    }

    @Test
    void one_session_spans_two_search_pages_and_another_two_files_of_different_shapes() {
        ExpectedSession onboarding = session("helpdesk-onb-e4f812");
        Set<Path> files = onboarding.turns().stream().map(t -> byId.get(t.traceId()).file())
                .collect(Collectors.toSet());
        assertThat(files).hasSize(2);
        Path firstPage = byId.get(onboarding.turns().getLast().traceId()).file();
        assertThat(WrittenExports.JSON.readTree(firstPage.toFile()).path("next_page_token").isString()).isTrue();
        assertThat(firstPage).isNotEqualTo(byId.get(onboarding.turns().getFirst().traceId()).file());

        ExpectedSession legacy = session("bank-legacy-3e9b10");
        assertThat(
                legacy.turns().stream().map(t -> WrittenExports.containerOf(byId.get(t.traceId()).file())).distinct())
                .containsExactlyInAnyOrder(Container.ARRAY, Container.SINGLE);
    }

    @Test
    void some_files_list_turns_out_of_request_time_order() {
        Map<Path, List<FoundTrace>> byFile = traces.stream().collect(Collectors.groupingBy(FoundTrace::file));
        long unordered = byFile.values().stream()
                .filter(list -> !list.stream().sorted(Comparator.comparingInt(FoundTrace::position))
                        .map(FoundTrace::requestTimeMillis).toList()
                        .equals(list.stream().map(FoundTrace::requestTimeMillis).sorted().toList()))
                .count();
        assertThat(unordered).isGreaterThanOrEqualTo(3);
    }

    @Test
    void one_trace_is_still_in_progress_and_one_has_no_session_id() {
        List<FoundTrace> running = traces.stream().filter(t -> t.info().path("state").asString().equals("IN_PROGRESS"))
                .toList();
        assertThat(running).hasSize(1);
        FoundTrace r = running.getFirst();
        assertThat(r.root().get("end_time_unix_nano").isNull()).isTrue();
        assertThat(r.info().has("execution_duration")).isFalse();
        assertThat(r.info().has("response_preview")).isFalse();
        ExpectedTurn expected = sessionOfTrace.get(r.traceId()).turns().stream()
                .filter(t -> t.traceId().equals(r.traceId())).findFirst().orElseThrow();
        assertThat(expected.assistantText()).isEmpty();

        List<FoundTrace> sessionless = traces.stream().filter(t -> t.session() == null).toList();
        assertThat(sessionless).hasSize(1);
        assertThat(sessionOfTrace.get(sessionless.getFirst().traceId()).sessionId())
                .isEqualTo(sessionless.getFirst().traceId());
    }

    @Test
    void turn_3_retrieves_a_deprecated_document_and_only_turn_5_fails_the_correctness_judge() {
        ExpectedSession s = session("bank-chat-5c1e07");
        assertThat(s.rootCauseKind()).isEqualTo("outdated_retrieval");
        assertThat(s.rootCauseTurn()).isEqualTo(3);
        assertThat(s.chain()).containsExactly(4, 5);
        assertThat(s.flaggedTurn()).isEqualTo(5);
        FoundTrace turn3 = turn(s, 3);
        JsonNode retriever = turn3.spans().stream().filter(sp -> spanType(sp).equals("RETRIEVER")).findFirst()
                .orElseThrow();
        JsonNode topDoc = attribute(retriever, "mlflow.spanOutputs").get(0);
        assertThat(topDoc.path("metadata").path("status").asString()).isEqualTo("deprecated");
        assertThat(topDoc.path("metadata").path("superseded_by").asString()).isNotEmpty();
        assertThat(topDoc.path("metadata").path("last_updated").asString()).startsWith("2019-");
        assertThat(topDoc.path("page_content").asString()).contains("$35");
        for (int i = 4; i <= 5; i++) {
            assertThat(strings(attribute(turn(s, i).root(), "mlflow.spanOutputs"))).as("turn " + i)
                    .anySatisfy(text -> assertThat(text).contains("$35"));
        }
        for (ExpectedTurn t : s.turns()) {
            assertThat(feedback(byId.get(t.traceId()), "correctness")).as("turn " + t.index())
                    .isEqualTo(t.index() == 5 ? "no" : "yes");
        }
    }

    @Test
    void the_tool_error_turn_has_an_error_tool_span_with_a_python_stack_trace_and_error_state() {
        ExpectedSession s = session("helpdesk-7d2c90");
        FoundTrace t = turn(s, s.rootCauseTurn());
        assertThat(t.info().path("state").asString()).isEqualTo("ERROR");
        JsonNode tool = t.spans().stream().filter(sp -> spanType(sp).equals("TOOL")
                && sp.path("status").path("code").asString().endsWith("ERROR")).findFirst().orElseThrow();
        JsonNode event = tool.path("events").get(0);
        assertThat(event.path("name").asString()).isEqualTo("exception");
        assertThat(event.path("attributes").path("exception.type").asString()).isEqualTo("HTTPStatusError");
        assertThat(event.path("attributes").path("exception.stacktrace").asString())
                .startsWith("Traceback (most recent call last):\n").contains("\n  File \"");
        assertThat(tool.path("status").path("message").asString()).startsWith("HTTPStatusError: ");
        assertThat(s.turns().get(s.rootCauseTurn() - 1).error()).isTrue();
        assertThat(s.turns().stream().filter(ExpectedTurn::error)).hasSize(1);
    }

    @Test
    void the_wrong_conversion_carries_no_error_status_and_the_user_corrects_it_in_turn_4() {
        ExpectedSession s = session("bank-chat-91d4a2");
        FoundTrace turn2 = turn(s, 2);
        JsonNode tool = turn2.spans().stream().filter(sp -> spanType(sp).equals("TOOL")).findFirst().orElseThrow();
        assertThat(tool.path("status").path("code").asString()).isEqualTo("STATUS_CODE_OK");
        assertThat(attribute(tool, "mlflow.spanOutputs").path("converted").asDouble()).isEqualTo(2168.4);
        assertThat(s.turns().get(3).userText()).startsWith("No, that's wrong");
        assertThat(feedback(turn(s, 4), "correctness")).isEqualTo("no");
        assertThat(s.turns()).noneMatch(ExpectedTurn::error);
    }

    @Test
    void the_hallucinated_answer_fails_groundedness_and_its_claim_is_in_no_retrieved_document() {
        ExpectedSession s = session("docs-qa-8c20d6");
        FoundTrace t = turn(s, s.rootCauseTurn());
        assertThat(feedback(t, "retrieval_groundedness")).isEqualTo("no");
        assertThat(s.turns().get(s.rootCauseTurn() - 1).assistantText()).contains("10,000 requests per minute");
        JsonNode docs = attribute(
                t.spans().stream().filter(sp -> spanType(sp).equals("RETRIEVER")).findFirst().orElseThrow(),
                "mlflow.spanOutputs");
        assertThat(strings(docs)).noneMatch(text -> text.contains("10,000"));
    }

    @Test
    void in_the_long_session_the_model_stops_seeing_early_turns_and_the_system_prompt_changes() {
        ExpectedSession s = session("helpdesk-onb-e4f812");
        assertThat(s.turns()).hasSizeGreaterThanOrEqualTo(10);
        String firstUserText = s.turns().getFirst().userText();
        FoundTrace late = turn(s, 10);
        assertThat(strings(attribute(late.root(), "mlflow.spanInputs"))).contains(firstUserText);
        JsonNode modelInput = attribute(modelSpan(late), "mlflow.spanInputs");
        assertThat(strings(modelInput)).doesNotContain(firstUserText).contains(s.turns().get(9).userText());
        assertThat(strings(attribute(modelSpan(turn(s, 2)), "mlflow.spanInputs"))).contains(firstUserText);
        assertThat(systemPrompt(turn(s, 8))).isNotEqualTo(systemPrompt(turn(s, 9)));
        assertThat(systemPrompt(turn(s, 9))).isEqualTo(systemPrompt(turn(s, 12)));
        assertThat(s.turns().get(10).userText()).contains("E-40913").contains("MacBook");
        assertThat(firstUserText).contains("E-40913").contains("MacBook");
        // the ground truth's context loss: turn 3's answer repeats the MacBook, so turn 6's model input still holds it
        // and turn 7's is the first without it
        assertThat(s.turns().get(2).assistantText()).contains("MacBook");
        assertThat(String.join(" ", strings(attribute(modelSpan(turn(s, 6)), "mlflow.spanInputs"))))
                .contains("MacBook");
        assertThat(String.join(" ", strings(attribute(modelSpan(turn(s, 7)), "mlflow.spanInputs"))))
                .doesNotContain("MacBook");
        assertThat(s.rootCauseTurn()).isEqualTo(7);
        assertThat(s.rootCauseKind()).isEqualTo("context_loss");
        assertThat(s.chain()).containsExactly(10);
        assertThat(s.flaggedTurn()).isNull();
    }

    @Test
    void the_model_sees_the_system_prompt_the_previous_turns_and_the_new_user_message() {
        ExpectedSession s = session("bank-chat-5c1e07");
        JsonNode messages = attribute(modelSpan(turn(s, 3)), "mlflow.spanInputs").path("messages");
        assertThat(messages.size()).isEqualTo(1 + 2 * 2 + 1);
        assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
        assertThat(messages.get(1).path("content").asString()).isEqualTo(s.turns().get(0).userText());
        assertThat(messages.get(2).path("content").asString()).isEqualTo(s.turns().get(0).assistantText());
        assertThat(messages.get(5).path("content").asString()).isEqualTo(s.turns().get(2).userText());
        assertThat(attribute(modelSpan(turn(s, 3)), "mlflow.message.format").asString()).isEqualTo("openai");
    }

    @Test
    void the_error_span_session_records_a_failed_model_call_before_the_fallback_model() {
        ExpectedSession s = session("trip-planner-6b1d2e");
        FoundTrace t = turn(s, s.rootCauseTurn());
        assertThat(t.info().path("state").asString()).isEqualTo("OK");
        List<JsonNode> models = t.spans().stream().filter(sp -> spanType(sp).equals("CHAT_MODEL")).toList();
        assertThat(models.getFirst().path("status").path("code").asString()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(attribute(models.getFirst(), "mlflow.spanInputs").path("model").asString())
                .isEqualTo("gemini-2.5-pro");
        assertThat(attribute(models.getLast(), "mlflow.spanInputs").path("model").asString())
                .isEqualTo("gemini-2.5-flash-lite");
        assertThat(s.turns().get(s.rootCauseTurn() - 1).error()).isTrue();
        assertThat(feedback(turn(s, s.flaggedTurn()), "correctness")).isEqualTo("no");
    }

    @Test
    void assessments_cover_overrides_serialized_expectations_span_level_judges_and_scorer_errors() {
        List<JsonNode> all = traces.stream().flatMap(t -> t.assessments().stream()).toList();
        JsonNode invalid = all.stream().filter(a -> a.has("valid") && !a.get("valid").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(invalid.path("source").path("source_type").asString()).isEqualTo("HUMAN");
        assertThat(all).anySatisfy(
                a -> assertThat(a.path("overrides").asString()).isEqualTo(invalid.path("assessment_id").asString()));
        assertThat(all).anySatisfy(a -> assertThat(a.path("expectation").path("serialized_value")
                .path("serialization_format").asString()).isEqualTo("JSON_FORMAT"));
        assertThat(all).anySatisfy(a -> assertThat(a.path("expectation").path("value").asString()).isNotEmpty());
        List<JsonNode> scorerErrors = all.stream().filter(a -> a.path("feedback").has("error")).toList();
        assertThat(scorerErrors).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("feedback").get("value").isNull()).isTrue();
            assertThat(a.path("feedback").path("error").path("error_code").asString()).isEqualTo("SCORER_ERROR");
            assertThat(a.path("feedback").path("error").path("stack_trace").asString()).startsWith("Traceback");
            assertThat(a.path("source").path("source_type").asString()).isEqualTo("CODE");
        });
        assertThat(all.stream().filter(a -> a.path("source").path("source_type").asString().equals("LLM_JUDGE")))
                .allSatisfy(a -> assertThat(a.path("rationale").asString()).isNotBlank());

        FoundTrace withSpanJudge = traces.stream().filter(t -> t.assessments().stream().anyMatch(a -> a.has("span_id")
                && !a.get("span_id").asString().isEmpty())).findFirst().orElseThrow();
        String spanId = withSpanJudge.assessments().stream().filter(a -> a.has("span_id")).findFirst().orElseThrow()
                .path("span_id").asString();
        assertThat(withSpanJudge.spans())
                .anySatisfy(sp -> assertThat(hex(sp.path("span_id").asString())).isEqualTo(spanId));
    }

    @Test
    void model_spans_carry_token_usage_and_the_trace_total_is_their_sum() {
        FoundTrace t = turn(session("bank-chat-91d4a2"), 2);
        long sum = t.spans().stream().map(sp -> attribute(sp, "mlflow.chat.tokenUsage"))
                .filter(u -> !u.isMissingNode()).mapToLong(u -> u.path("total_tokens").asLong()).sum();
        assertThat(sum).isPositive();
        JsonNode total = WrittenExports.JSON.readTree(t.metadata().path("mlflow.trace.tokenUsage").asString());
        assertThat(total.path("total_tokens").asLong()).isEqualTo(sum);
        assertThat(t.metadata().path("mlflow.trace.user").asString()).isEqualTo("cust-55102");
    }

    @Test
    void trace_io_metadata_is_cut_to_250_characters_like_mlflow_does() {
        assertThat(traces).allSatisfy(t -> {
            String in = t.metadata().path("mlflow.traceInputs").asString("");
            assertThat(in.length()).isLessThanOrEqualTo(250);
        });
        assertThat(traces).anySatisfy(t -> assertThat(t.metadata().path("mlflow.traceInputs").asString(""))
                .hasSize(250).endsWith("..."));
    }

    private static ExpectedSession session(String id) {
        return corpus.sessions().stream().filter(s -> s.sessionId().equals(id)).findFirst().orElseThrow();
    }

    private static FoundTrace turn(ExpectedSession s, int index) {
        return byId.get(s.turns().get(index - 1).traceId());
    }

    private static JsonNode modelSpan(FoundTrace t) {
        return t.spans().stream().filter(sp -> Set.of("CHAT_MODEL", "LLM").contains(spanType(sp)))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static String systemPrompt(FoundTrace t) {
        JsonNode batch = attribute(modelSpan(t), "mlflow.spanInputs");
        return batch.get(0).get(0).path("content").asString();
    }

    private static String feedback(FoundTrace t, String name) {
        return t.assessments().stream().filter(a -> a.path("assessment_name").asString().equals(name))
                .map(a -> a.path("feedback").path("value").asString()).findFirst().orElse("<none>");
    }

    private static String hex(String base64) {
        return java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }
}
