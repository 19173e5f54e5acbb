package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/** The two outer shapes of a v3 trace: the CLI's {@code {info, data}} and the REST/UI payload's {@code {data, info}}. */
final class TraceDocument {
    private TraceDocument() {}

    static void writeCli(JsonGenerator g, DemoTrace t, Consumer<DemoSpan> spanWriter) {
        g.writeStartObject();
        TraceInfoV3Json.write(g, t, TraceInfoV3Json.Style.CLI);
        writeData(g, t, spanWriter);
        g.writeEndObject();
    }

    static void writeRest(JsonGenerator g, DemoTrace t, Consumer<DemoSpan> spanWriter) {
        g.writeStartObject();
        writeData(g, t, spanWriter);
        TraceInfoV3Json.write(g, t, TraceInfoV3Json.Style.REST);
        g.writeEndObject();
    }

    private static void writeData(JsonGenerator g, DemoTrace t, Consumer<DemoSpan> spanWriter) {
        g.writeName("data");
        g.writeStartObject();
        g.writeName("spans");
        g.writeStartArray();
        for (DemoSpan s : t.spans()) spanWriter.accept(s);
        g.writeEndArray();
        g.writeEndObject();
    }
}
