package io.sessionlens.trace.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A span event. Attribute values are kept raw: MLflow does not JSON-encode event attributes. */
public record SpanEvent(String name, long timeUnixNano, Map<String, String> attributes) {
    public SpanEvent {
        attributes = Map.copyOf(attributes);
    }

    public boolean isException() { return MlflowKeys.EXCEPTION_EVENT.equals(name); }

    public @Nullable String attribute(String key) {
        return attributes.get(key);
    }
}
