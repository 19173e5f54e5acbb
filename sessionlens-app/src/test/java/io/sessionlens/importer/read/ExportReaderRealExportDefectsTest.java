package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import org.junit.jupiter.api.Test;

/**
 * Defects found on real exports (issue #9): redacted span ids, UI-era numeric status codes, 2.x event times. The JSON
 * here is hand-written after the shapes of those exports (the exports themselves are not redistributable).
 */
class ExportReaderRealExportDefectsTest {

    private static final String TWO_X = """
            {"info":{"request_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","experiment_id":"4","timestamp_ms":1765000000000,
            "execution_time_ms":900,"status":"ERROR","request_metadata":{},"tags":{}},
            "data":{"spans":[
             {"name":"chain","context":{"span_id":"<redacted>","trace_id":"<redacted>"},"parent_id":null,
              "start_time":1765000000000000000,"end_time":1765000000900000000,"status_code":1,"status_message":"",
              "attributes":{"mlflow.spanType":"\\"CHAIN\\""},"events":[]},
             {"name":"ChatOpenAI","context":{"span_id":"<redacted>","trace_id":"<redacted>"},"parent_id":"<redacted>",
              "start_time":1765000000100000000,"end_time":1765000000800000000,"status_code":"ERROR",
              "status_message":"BadRequestError: content filter","attributes":{"mlflow.spanType":"\\"CHAT_MODEL\\""},
              "events":[{"name":"exception","timestamp":1765000000700000,
                "attributes":{"exception.type":"BadRequestError","exception.message":"content filter"}}]}]}}""";

    @Test
    void spans_sharing_a_redacted_id_are_all_kept_with_stable_synthetic_ids_and_a_warning() {
        Recorder r = Recorder.read("redacted.json", TWO_X);
        Trace trace = r.only();

        assertThat(trace.spans()).extracting(Span::name).containsExactly("chain", "ChatOpenAI");
        assertThat(trace.spans()).extracting(Span::spanId).containsExactly("<redacted>", "<redacted>~2");
        assertThat(trace.spans().get(1).status()).isEqualTo(SpanStatus.ERROR);
        assertThat(trace.spans().get(1).parentSpanId()).isEqualTo("<redacted>");
        assertThat(r.warningsOf(trace.traceId())).anyMatch(w -> w.contains("appears 2 times; kept every span"));
        assertThat(Recorder.read("again.json", TWO_X).only().spans()).extracting(Span::spanId)
                .containsExactly("<redacted>", "<redacted>~2");
    }

    @Test
    void a_numeric_status_code_1_reads_as_ok() {
        Trace trace = Recorder.read("numeric.json", TWO_X).only();

        assertThat(trace.spans().getFirst().status()).isEqualTo(SpanStatus.OK);
    }

    @Test
    void mlflow_2_event_timestamps_in_microseconds_are_read_as_nanoseconds() {
        Trace trace = Recorder.read("events.json", TWO_X).only();

        long event = trace.spans().get(1).events().getFirst().timeUnixNano();
        assertThat(event).isEqualTo(1765000000700000000L);
        assertThat(event).isBetween(trace.spans().get(1).startTimeUnixNano(), trace.spans().get(1).endTimeUnixNano());
    }
}
