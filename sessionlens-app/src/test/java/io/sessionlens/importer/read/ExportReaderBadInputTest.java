package io.sessionlens.importer.read;

import static io.sessionlens.importer.read.ExportReaderContainersTest.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Broken uploads: each gives a message a user can act on, and never costs the good traces of the same file. */
class ExportReaderBadInputTest {

    private static final String T1 = "tr-00000000000000000000000000000001";
    private static final String T2 = "tr-00000000000000000000000000000002";
    private static final String T3 = "tr-00000000000000000000000000000003";

    @Test
    void truncated_trace_says_where_the_input_ended() {
        Recorder r = Recorder.read("cut.json", "{\"info\": {\"trace_id\": \"tr-1\"");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).containsExactly(new Recorder.Problem(null,
                "not JSON: unexpected end of input at line 1, column 29 (the file looks truncated)"));
    }

    @Test
    void truncated_search_envelope_keeps_the_traces_before_the_cut_and_names_the_cut_one() {
        String full = "{\"traces\": [\n" + trace(T1, "00000000000000a1") + ",\n" + trace(T2, "00000000000000a2") + ",\n"
                + trace(T3, "00000000000000a3") + "\n], \"next_page_token\": null}";
        String cut = full.substring(0, full.indexOf(T3) + 40);

        Recorder r = Recorder.read("search.json", cut);

        assertThat(r.traceIds()).containsExactly(T1, T2);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("trace #3");
            assertThat(p.message()).startsWith("not JSON: unexpected end of input at line 4")
                    .endsWith("(the file looks truncated)");
        });
    }

    @Test
    void envelope_cut_between_two_traces_names_the_missing_one() {
        String cut = "{\"traces\": [\n" + trace(T1, "00000000000000a1") + ",\n";

        Recorder r = Recorder.read("search.json", cut);

        assertThat(r.traceIds()).containsExactly(T1);
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("trace #2");
    }

    @Test
    void truncated_second_document_keeps_the_first_and_names_the_second() {
        String first = Recorder.fixtureText("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json");
        String second = Recorder.fixtureText("mlflow-real/05-v2-trace-export.json");

        Recorder r = Recorder.read("two.json", first + second.substring(0, second.length() / 2));

        assertThat(r.traceIds()).containsExactly("tr-ee17184669c265ffdcf9299b36f6dccc");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("trace #2");
            assertThat(p.message()).endsWith("(the file looks truncated)");
        });
    }

    @Test
    void text_that_is_not_json_is_named_as_such() {
        Recorder r = Recorder.read("notes.json", "hello world");

        assertThat(r.problems)
                .containsExactly(new Recorder.Problem(null, "not JSON: unrecognized word 'hello' at line 1, column 1"));
    }

    @Test
    void csv_upload_is_not_json() {
        Recorder r = Recorder.read("traces.csv", "trace_id,state\ntr-1,OK\n");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isNull();
            assertThat(p.message()).startsWith("not JSON: ").contains("line 1");
        });
    }

    @Test
    void empty_and_blank_files_are_reported_as_empty() {
        assertThat(Recorder.read("empty.json", "").problems).containsExactly(new Recorder.Problem(null, "empty file"));
        assertThat(Recorder.read("blank.json", " \n\t\n").problems)
                .containsExactly(new Recorder.Problem(null, "empty file"));
    }

    @Test
    void json_scalars_at_the_top_are_the_wrong_shape() {
        assertThat(Recorder.read("s.json", "\"just a string\"").problems).containsExactly(
                new Recorder.Problem(null, "expected a JSON object or array of MLflow traces, found a string"));
        assertThat(Recorder.read("n.json", "42").problems).containsExactly(
                new Recorder.Problem(null, "expected a JSON object or array of MLflow traces, found a number"));
    }

    @Test
    void object_with_none_of_the_known_keys_says_which_keys_it_has() {
        Recorder r = Recorder.read("x.json", "{\"experiment\": \"1\", \"runs\": []}");

        assertThat(r.problems).containsExactly(new Recorder.Problem(null,
                "not an MLflow trace: found keys experiment, runs (expected info and data, traces, trace, trace_info or spans)"));
    }

    @Test
    void trace_without_spans_is_imported_with_a_warning() {
        Recorder r = Recorder.read("t.json",
                "{\"info\": {\"trace_id\": \"tr-1\", \"request_time\": \"2025-01-01T00:00:00Z\"}, "
                        + "\"data\": {\"spans\": []}}");

        assertThat(r.only().spans()).isEmpty();
        assertThat(r.warningsOf("tr-1")).contains("no spans");
    }

    @Test
    void trace_without_an_id_is_a_problem_and_its_neighbours_are_imported() {
        String noId = "{\"info\": {\"request_time\": \"2025-01-01T00:00:00Z\"}, \"data\": {\"spans\": []}}";

        Recorder r = Recorder.read("a.json",
                "[" + trace(T1, "00000000000000a1") + ", " + noId + ", " + trace(T2, "00000000000000a2") + "]");

        assertThat(r.traceIds()).containsExactly(T1, T2);
        assertThat(r.problems).containsExactly(new Recorder.Problem("trace #2",
                "no trace id: neither the trace info nor the spans' mlflow.traceRequestId names the trace"));
    }

    @Test
    void orphans_cycles_and_duplicate_ids_are_repaired_and_named_and_no_span_is_dropped() {
        String traceId = "tr-abcdefabcdefabcdefabcdefabcdef12";
        Recorder r = Recorder.readFixture("hand-written/tree-defects.json");

        Trace trace = r.only();
        assertThat(trace.spans()).extracting(Span::name)
                .containsExactly("root", "orphan", "loop-a", "loop-b", "dup-first", "dup-second", "dup-third",
                        "no-start");
        // every span of a duplicated id is kept (the failed one may be among them), the later ones under synthetic ids
        assertThat(trace.spans()).extracting(Span::spanId).contains("1000000000000005", "1000000000000005~2",
                "1000000000000005~3");
        assertThat(trace.tree().roots()).extracting(Span::name).containsExactlyInAnyOrder("root", "orphan", "loop-a",
                "loop-b");
        assertThat(trace.tree().root()).map(Span::name).hasValue("root");
        assertThat(trace.spans().get(7).startTimeUnixNano()).isEqualTo(1765000000000000000L); // the request time
        assertThat(r.warningsOf(traceId)).containsExactlyInAnyOrder(
                "span #9 is not a JSON object and was skipped",
                "span #10 'no-id' has no span_id and was skipped",
                "span id 1000000000000005 appears 3 times; kept every span, the later ones as 1000000000000005~2…1000000000000005~3",
                "1 span has no start time; used the trace's request time: 'no-start' (1000000000000006)",
                "1 span points to a parent that is not in the trace, shown as extra roots: "
                        + "'orphan' (1000000000000002) → missing parent 10000000000000ff",
                "2 spans are on a parent cycle, shown as extra roots: 'loop-a' (1000000000000003), 'loop-b' (1000000000000004)");
    }

    @Test
    void a_span_that_is_its_own_parent_is_reported_as_a_cycle() {
        Recorder r = Recorder.read("t.json", """
                {"info": {"trace_id": "tr-self", "request_time": "2025-01-01T00:00:00Z"},
                 "data": {"spans": [{"span_id": "00000000000000a1", "parent_span_id": "00000000000000a1", "name": "me",
                   "start_time_unix_nano": 1}]}}""");

        assertThat(r.only().tree().roots()).extracting(Span::name).containsExactly("me");
        assertThat(r.warningsOf("tr-self"))
                .contains("1 span is on a parent cycle, shown as extra roots: 'me' (00000000000000a1)");
    }

    @Test
    void invalid_utf8_in_json_lines_costs_only_its_line() {
        byte[] content = concat(line(trace(T1, "00000000000000a1")),
                line(trace(T2, "00000000000000a2").replace("turn", "t\u00ffrn")),
                line(trace(T3, "00000000000000a3")));
        // the second line has a lone 0xff byte where "ÿ" should have been encoded as c3 bf
        byte[] broken = replaceFirst(content, new byte[]{(byte) 0xc3, (byte) 0xbf}, new byte[]{(byte) 0xff});

        Recorder r = Recorder.read("export.jsonl", broken);

        assertThat(r.traceIds()).containsExactly(T1, T3);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("line 2");
            assertThat(p.message()).matches(
                    "invalid UTF-8 \\(byte 0xff\\) at byte offset \\d+ \\(line 2, column \\d+\\): the line is not UTF-8 text");
        });
    }

    @Test
    void invalid_utf8_inside_a_document_stops_the_file_but_keeps_earlier_traces() {
        String json = "[\n" + trace(T1, "00000000000000a1") + ",\n"
                + trace(T2, "00000000000000a2").replace("turn", "t@rn") + "\n]";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        bytes[json.indexOf("t@rn") + 1] = (byte) 0xfe;

        Recorder r = Recorder.read("a.json", bytes);

        assertThat(r.traceIds()).containsExactly(T1);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("trace #2");
            assertThat(p.message()).isEqualTo(
                    "reading stopped here: invalid UTF-8 (byte 0xfe) at byte offset " + (json.indexOf("t@rn") + 1)
                            + " (line 3, column "
                            + (json.indexOf("t@rn") + 1 - json.lastIndexOf('\n', json.indexOf("t@rn"))) + ")"
                            + ": the file is not UTF-8 text; the rest of the file was not read");
        });
    }

    @Test
    void absurd_nesting_is_refused_with_a_message_instead_of_a_stack_overflow() {
        Recorder r = Recorder.read("deep.json", "[".repeat(100_000));

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isNull();
            assertThat(p.message()).startsWith("nested more than 1000 levels deep at line 1")
                    .endsWith(": not an MLflow trace export");
        });
    }

    @Test
    void absurd_nesting_inside_an_attribute_value_is_refused_too() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        String json = "[" + trace(T1, "00000000000000a1") + ", {\"info\": {\"trace_id\": \"tr-deep\", \"x\": " + deep
                + "}}]";

        Recorder r = Recorder.read("a.json", json);

        assertThat(r.traceIds()).containsExactly(T1);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("trace #2");
            assertThat(p.message()).startsWith("reading stopped here: nested more than 1000 levels deep")
                    .endsWith("; the rest of the file was not read");
        });
    }

    @Test
    void broken_line_in_json_lines_is_reported_and_the_next_lines_are_read() {
        String jsonl = trace(T1, "00000000000000a1") + "\n"
                + trace(T2, "00000000000000a2").substring(0, 80) + "\n" // cut off mid-trace
                + "\n"
                + "{\"info\": oops}\n"
                + trace(T3, "00000000000000a3") + "\n";

        Recorder r = Recorder.read("export.json", jsonl);

        assertThat(r.traceIds()).containsExactly(T1, T3);
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("line 2", "line 4");
        assertThat(r.problems.get(0).message()).isEqualTo(
                "not JSON: a line break inside a text value at line 2, column 81 (the line looks truncated)");
        assertThat(r.problems.get(1).message()).isEqualTo("not JSON: unrecognized word 'oops' at line 4, column 10");
    }

    @Test
    void json_lines_after_leading_blank_lines_still_cost_only_the_broken_line() {
        String jsonl = "\n\n" + trace(T1, "00000000000000a1") + "\n{broken\n" + trace(T2, "00000000000000a2") + "\n";

        Recorder r = Recorder.read("export.json", jsonl);

        assertThat(r.traceIds()).containsExactly(T1, T2);
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("line 4");
    }

    @Test
    void a_broken_first_line_is_skipped_when_the_file_is_named_as_json_lines() {
        String jsonl = "{\"info\": {\"trace_id\n" + trace(T2, "00000000000000a2") + "\n";

        Recorder r = Recorder.read("export.jsonl", jsonl);

        assertThat(r.traceIds()).containsExactly(T2);
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("line 1");
    }

    @Test
    void a_non_trace_line_in_json_lines_is_that_lines_problem() {
        Recorder r = Recorder.read("export.json", "{\"hello\": 1}\n" + trace(T1, "00000000000000a1") + "\n");

        assertThat(r.traceIds()).containsExactly(T1);
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("line 1");
    }

    @Test
    void wrongly_shaped_fields_are_ignored_with_warnings() {
        Recorder r = Recorder.read("t.json",
                """
                        {"info": {"trace_id": "tr-odd", "request_time": "2025-01-01T00:00:00Z", "assessments": [1, {"assessment_id": "a"}]},
                         "data": {"spans": "none"}}""");

        Trace trace = r.only();
        assertThat(trace.info().assessments()).extracting(a -> a.assessmentId()).containsExactly("a");
        assertThat(r.warningsOf("tr-odd")).contains("spans is not a list and was ignored",
                "assessment #1 is not a JSON object and was skipped", "no spans");
    }

    @Test
    void unreadable_request_time_is_named_and_the_earliest_span_start_used_instead() {
        Recorder r = Recorder.read("t.json",
                """
                        {"info": {"trace_id": "tr-when", "request_time": "yesterday"},
                         "data": {"spans": [{"span_id": "00000000000000a1", "name": "s", "start_time_unix_nano": 1000000}]}}""");

        assertThat(r.only().info().requestTime()).isEqualTo(java.time.Instant.ofEpochMilli(1));
        assertThat(r.warningsOf("tr-when")).startsWith("request time \"yesterday\" is not a date and was ignored",
                "no request time; used the earliest span start, 1970-01-01T00:00:00.001Z");
    }

    @Test
    void trace_info_without_request_time_and_without_spans_is_a_problem() {
        Recorder r = Recorder.read("t.json", "{\"info\": {\"trace_id\": \"tr-when\"}}");

        assertThat(r.problems).containsExactly(
                new Recorder.Problem("tr-when", "no request time, and no span start time to take it from"));
    }

    @Test
    void utf16_export_from_windows_powershell_is_read() {
        String json = Recorder.fixtureText("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json");
        byte[] utf16 = concat(new byte[]{(byte) 0xff, (byte) 0xfe}, json.getBytes(StandardCharsets.UTF_16LE));

        assertThat(Recorder.read("out.json", utf16).only().traceId()).isEqualTo("tr-ee17184669c265ffdcf9299b36f6dccc");
    }

    @Test
    void a_failing_listener_is_not_mistaken_for_bad_content() {
        ReadListener failing = new ReadListener() {
            @Override
            public void trace(Trace trace, List<String> warnings) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void problem(@Nullable String traceRef, String message) {}
        };

        assertThatThrownBy(() -> new ExportReader().read("a.json",
                new ByteArrayInputStream(Recorder.fixture("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json")),
                failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("database is down");
    }

    @Test
    void wrong_types_in_the_trace_info_are_warned_about_not_dropped_silently() {
        String t = ExportReaderContainersTest.trace("tr-00000000000000000000000000000c01", "00000000000000a1").replace(
                "\"state\":\"OK\"", "\"state\":\"OK\",\"trace_metadata\":[{\"mlflow.trace.session\":\"s-1\"}],"
                        + "\"tags\":\"chat\",\"request_preview\":{\"q\":1},\"client_request_id\":[1]");

        Recorder r = Recorder.read("a.json", t);

        assertThat(r.warningsOf("tr-00000000000000000000000000000c01")).contains(
                "trace_metadata is a list, and 1 of its 1 entries are not {key, value} pairs; they were ignored (a session id or user in them is lost)",
                "tags is text, not an object, and was ignored",
                "request_preview is an object, not text, and was ignored",
                "client_request_id is a list, not text, and was ignored");
    }

    @Test
    void a_default_experiment_is_used_for_traces_that_name_none() {
        Recorder r = Recorder.read("t.json", "{\"info\": {\"trace_id\": \"tr-1\", \"request_time\": 0}}");

        assertThat(r.only().info().experimentId()).isEqualTo(TraceInfo.DEFAULT_EXPERIMENT);
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] replaceFirst(byte[] content, byte[] what, byte[] with) {
        for (int i = 0; i <= content.length - what.length; i++) {
            if (java.util.Arrays.equals(content, i, i + what.length, what, 0, what.length)) {
                return concat(java.util.Arrays.copyOfRange(content, 0, i), with,
                        java.util.Arrays.copyOfRange(content, i + what.length, content.length));
            }
        }
        throw new AssertionError("not found");
    }
}
