package io.sessionlens.analysis.evidence;

import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.support.Fixtures;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorSpansTest {

    @Test
    void fixture_04_span_with_error_status_and_no_event_uses_the_status_message() {
        var span = Fixtures.json("04-v3-span-error-status.json");
        Trace t = Fixtures.trace(Fixtures.JSON
                .readTree("{\"info\": {\"trace_id\": \"tr-4\", \"request_time\": \"2025-01-01T00:00:00Z\"},"
                        + " \"data\": {\"spans\": [" + span + "]}}"));

        assertThat(ErrorSpans.of(t)).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(span.get("name").asString());
            assertThat(e.message()).isEqualTo("Error occurred");
            assertThat(e.exceptionType()).isNull();
        });
    }

    @Test
    void an_exception_event_gives_type_message_and_stack() {
        Trace t = turn(1).span("r", null, "predict", "UNKNOWN")
                .exception("ValueError", "bad input", "Traceback (most recent call last): ...").build();

        assertThat(ErrorSpans.of(t)).singleElement().isEqualTo(
                new ErrorSpan("r", "predict", "bad input", "ValueError", "Traceback (most recent call last): ..."));
    }

    @Test
    void the_origin_of_a_failure_is_the_deepest_failed_span() {
        Trace t = turn(1).span("r", null, "predict", "CHAIN").exception("Exception", "Error!", "tb").done()
                .span("ok", "r", "with_ok_event", "UNKNOWN").done()
                .span("f", "r", "always_fail_name", "LLM").exception("Exception", "Error!", "tb").build();

        assertThat(ErrorSpans.of(t)).extracting(ErrorSpan::name).containsExactly("predict", "always_fail_name");
        assertThat(ErrorSpans.origins(t)).extracting(s -> s.name()).containsExactly("always_fail_name");
    }

    @Test
    void a_healthy_trace_has_no_error_spans() {
        assertThat(ErrorSpans.of(Fixtures.trace("01-v3-trace-to-dict-mlflow34-simple.json"))).isEqualTo(List.of());
    }
}
