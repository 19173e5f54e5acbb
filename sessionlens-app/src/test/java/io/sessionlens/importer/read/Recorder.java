package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Trace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Test listener: what one read delivered, in order. */
final class Recorder implements ReadListener {

    record Problem(@Nullable String ref, String message) {}

    final List<Trace> traces = new ArrayList<>();
    final Map<String, List<String>> warnings = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();

    @Override
    public void trace(Trace trace, List<String> traceWarnings) {
        traces.add(trace);
        warnings.put(trace.traceId(), traceWarnings);
    }

    @Override
    public void problem(@Nullable String traceRef, String message) {
        problems.add(new Problem(traceRef, message));
    }

    static Recorder read(String fileName, byte[] content) {
        Recorder r = new Recorder();
        new ExportReader().read(fileName, new ByteArrayInputStream(content), r);
        return r;
    }

    static Recorder read(String fileName, String content) {
        return read(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static Recorder readFixture(String path) {
        return read(path.substring(path.lastIndexOf('/') + 1), fixture(path));
    }

    static byte[] fixture(String path) {
        try (InputStream in = Recorder.class.getResourceAsStream("/fixtures/" + path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    Trace only() {
        assertThat(problems).isEmpty();
        assertThat(traces).hasSize(1);
        return traces.getFirst();
    }

    Trace trace(String traceId) {
        return traces.stream().filter(t -> t.traceId().equals(traceId)).findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no trace " + traceId + " in " + traces.stream().map(Trace::traceId).toList()));
    }

    List<String> warningsOf(String traceId) {
        return warnings.getOrDefault(traceId, List.of());
    }

    List<String> traceIds() {
        return traces.stream().map(Trace::traceId).toList();
    }
}
