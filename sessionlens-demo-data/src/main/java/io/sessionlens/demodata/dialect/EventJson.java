package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoEvent;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Span events; only the name of the time key differs (2.x {@code timestamp}, 3.x {@code time_unix_nano}). */
final class EventJson {
    private EventJson() {}

    static void writeArray(JsonGenerator g, String property, List<DemoEvent> events, String timeKey) {
        g.writeName(property);
        g.writeStartArray();
        for (DemoEvent e : events) {
            g.writeStartObject();
            g.writeStringProperty("name", e.name());
            g.writeNumberProperty(timeKey, e.timeUnixNano());
            g.writeName("attributes");
            g.writeStartObject();
            e.attributes().forEach(g::writeStringProperty);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
