package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Big exports: a huge trace reads whole, and a file of many traces is delivered while it is still being read. */
class ExportReaderLargeInputTest {

    private static final String PARAGRAPH = "The quick brown fox jumps over the lazy dog; ".repeat(30);

    @Test
    void a_30_mb_trace_with_20000_spans_reads_with_every_span() {
        byte[] json = bigTrace("tr-0123456789abcdef0123456789abcdef", 20_000).getBytes(StandardCharsets.UTF_8);
        assertThat(json.length).isGreaterThan(30_000_000);

        Recorder r = Recorder.read("big.json", json);

        Trace trace = r.only();
        assertThat(r.warningsOf(trace.traceId())).isEmpty();
        assertThat(trace.spans()).hasSize(20_000);
        assertThat(trace.tree().roots()).hasSize(1);
        assertThat(trace.tree().preorder()).hasSize(20_000);
        Span last = trace.spans().getLast();
        assertThat(last.spanId()).isEqualTo(spanHex(19_999));
        assertThat(last.parentSpanId()).isEqualTo(spanHex(9_999));
        assertThat(last.attribute("mlflow.spanInputs")).isEqualTo("\"" + PARAGRAPH + "\"");
    }

    @Test
    void traces_of_a_large_search_envelope_arrive_before_the_file_is_read_to_the_end() {
        StringBuilder envelope = new StringBuilder("{\"traces\": [\n");
        for (int i = 0; i < 200; i++) {
            if (i > 0) envelope.append(",\n");
            envelope.append(bigTrace("tr-%032x".formatted(i), 40));
        }
        byte[] bytes = envelope.append("\n], \"next_page_token\": null}").toString().getBytes(StandardCharsets.UTF_8);
        CountingInput in = new CountingInput(new ByteArrayInputStream(bytes));
        List<Long> bytesReadAtEachTrace = new ArrayList<>();

        new ExportReader().read("search.json", in, new ReadListener() {
            @Override
            public void trace(Trace trace, List<String> warnings) {
                bytesReadAtEachTrace.add(in.count);
            }

            @Override
            public void problem(@Nullable String traceRef, String message) {
                throw new AssertionError(message);
            }
        });

        assertThat(bytesReadAtEachTrace).hasSize(200);
        // Streaming: the first trace is handed over when only about its own share of the file has been read.
        assertThat(bytesReadAtEachTrace.getFirst()).isLessThan(bytes.length / 20);
    }

    /** A trace whose spans form a binary tree, each span carrying about 1.4 KB of input text. */
    static String bigTrace(String traceId, int spans) {
        StringBuilder b = new StringBuilder(spans * 1_600);
        b.append("{\"info\":{\"trace_id\":\"").append(traceId)
                .append("\",\"trace_location\":{\"type\":\"MLFLOW_EXPERIMENT\",")
                .append("\"mlflow_experiment\":{\"experiment_id\":\"1\"}},\"request_time\":\"2025-11-20T10:15:30.250Z\",")
                .append("\"state\":\"OK\",\"execution_duration_ms\":1000},\"data\":{\"spans\":[");
        long start = 1_763_633_730_250_000_000L;
        for (int i = 0; i < spans; i++) {
            if (i > 0) b.append(',');
            b.append("{\"trace_id\":\"ASNFZ4mrze8BI0VniavN7w==\",\"span_id\":\"").append(Templates.base64(spanHex(i)))
                    .append("\",\"parent_span_id\":")
                    .append(i == 0 ? "null" : "\"" + Templates.base64(spanHex((i - 1) / 2)) + "\"")
                    .append(",\"name\":\"step-").append(i).append("\",\"start_time_unix_nano\":").append(start + i)
                    .append(",\"end_time_unix_nano\":").append(start + 1_000_000_000L - i)
                    .append(",\"events\":[],\"status\":{\"code\":\"STATUS_CODE_OK\",\"message\":\"\"},\"attributes\":{")
                    .append("\"mlflow.spanType\":\"\\\"CHAIN\\\"\",\"mlflow.spanInputs\":\"\\\"").append(PARAGRAPH)
                    .append("\\\"\"}}");
        }
        return b.append("]}}").toString();
    }

    static String spanHex(int i) {
        return "%016x".formatted(0x1000_0000_0000_0000L + i);
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
