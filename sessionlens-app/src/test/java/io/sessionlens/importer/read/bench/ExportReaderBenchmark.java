package io.sessionlens.importer.read.bench;

import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.trace.json.TraceJsonWriter;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints how fast {@link ExportReader} reads large generated exports. Not a test (excluded from surefire by the
 * {@code bench} package); run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.sessionlens.importer.read.bench.ExportReaderBenchmark
 * </pre>
 *
 * The first round includes JIT warm-up; on a shared machine the later rounds vary by a factor of two or more.
 */
public final class ExportReaderBenchmark {

    public static void main(String[] args) {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) traces.add(trace(i, 25));
        byte[] pretty = prettyEnvelope(traces);
        byte[] jsonl = jsonLines(traces);
        byte[] big = TraceJsonWriter.toJson(trace(999_999, 20_000)).getBytes(StandardCharsets.UTF_8);
        for (int round = 1; round <= 5; round++) {
            System.out.printf("round %d%n", round);
            time("pretty search envelope", pretty);
            time("JSON Lines", jsonl);
            time("one trace, 20,000 spans", big);
        }
    }

    private static void time(String what, byte[] content) {
        long[] counts = new long[2];
        long start = System.nanoTime();
        new ExportReader().read(what, new ByteArrayInputStream(content), new ReadListener() {
            @Override
            public void trace(Trace trace, List<String> warnings) {
                counts[0]++;
                counts[1] += trace.spans().size();
            }

            @Override
            public void problem(@Nullable String traceRef, String message) {
                throw new IllegalStateException(message);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-26s %7.1f MB  %6d traces %8d spans  %6.2f s  %6.1f MB/s%n", what, content.length / 1e6,
                counts[0], counts[1], seconds, content.length / 1e6 / seconds);
    }

    private static byte[] prettyEnvelope(List<Trace> traces) {
        StringBuilder b = new StringBuilder("{\n  \"traces\": [\n");
        for (int i = 0; i < traces.size(); i++) {
            if (i > 0) b.append(",\n");
            b.append(TraceJsonWriter.toJson(traces.get(i)));
        }
        return b.append("\n  ],\n  \"next_page_token\": null\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonLines(List<Trace> traces) {
        JsonMapper mapper = JsonMapper.builder().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Trace t : traces) {
            StringWriter line = new StringWriter();
            try (JsonGenerator gen = mapper.createGenerator(line)) {
                TraceJsonWriter.write(t, gen);
            }
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static Trace trace(int n, int spanCount) {
        String traceHex = "%032x".formatted(n + 1);
        long start = 1_763_633_730_250_000_000L + n * 60_000_000_000L;
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < spanCount; i++) {
            String id = HexFormat.of().toHexDigits(((long) n << 20) + i + 1);
            String parent = i == 0 ? null : HexFormat.of().toHexDigits(((long) n << 20) + (i - 1) / 2 + 1);
            spans.add(new Span(id, parent, "step-" + i, start + i * 1_000L, start + 1_000_000_000L, SpanStatus.OK, "",
                    Map.of("mlflow.spanType", "\"CHAIN\"", "mlflow.spanInputs",
                            "{\"messages\": [{\"role\": \"user\", \"content\": \""
                                    + "lorem ipsum dolor sit amet ".repeat(40) + "\"}]}"),
                    List.of()));
        }
        TraceInfo info = new TraceInfo("tr-" + traceHex, "1", Instant.EPOCH.plusNanos(start), 1_000L, TraceState.OK,
                "hi", "hello",
                null, Map.of("mlflow.trace.session", "s-" + n / 10), Map.of(), List.of());
        return new Trace(info, spans);
    }
}
