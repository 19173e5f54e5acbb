package io.sessionlens.demodata.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A span event. Attribute values are plain strings: MLflow never JSON-encodes event attributes. */
public record DemoEvent(String name, long timeUnixNano, Map<String, String> attributes) {
    public DemoEvent {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The {@code exception} event MLflow records when a span fails (fixture 03). */
    public static DemoEvent exception(long timeUnixNano, String type, String message, String stacktrace) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("exception.message", message);
        attrs.put("exception.type", type);
        attrs.put("exception.stacktrace", stacktrace);
        return new DemoEvent("exception", timeUnixNano, attrs);
    }
}
