package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming generators that write what the tools write: the MLflow CLI prints
 * {@code json.dumps(..., indent=2)} (ASCII only, {@code "key": value}, one array element per line); JSON Lines
 * tools such as {@code jq -c} write one compact UTF-8 line per trace. Generators never close the caller's stream.
 */
public final class JsonOutput {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer()
            // Not ESCAPE_NON_ASCII: with it Jackson never asks the custom escapes about non-ASCII characters.
            .with(new PythonAsciiEscapes())
            .with(pythonIndent());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private JsonOutput() {}

    public static JsonGenerator pythonPretty(OutputStream out) {
        return PRETTY.createGenerator(out);
    }

    public static JsonGenerator compact(OutputStream out) {
        return COMPACT.createGenerator(out);
    }

    private static DefaultPrettyPrinter pythonIndent() {
        Separators s = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        // A fixed "\n" (not the platform line separator) keeps output byte-identical on every OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(s).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Writes the traces one after another, flushing each so the caller's stream sees a steady flow. */
    static void writeEach(JsonGenerator g, Dialect dialect, Iterable<DemoTrace> traces) {
        for (DemoTrace t : traces) {
            dialect.writer().write(g, t);
            g.flush();
        }
    }
}
