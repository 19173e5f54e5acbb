package io.sessionlens.demodata.trace;

import java.util.Map;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text as Python's {@code json.dumps(value, ensure_ascii=False)} writes it ({@code {"x": 2, "y": 5}}),
 * because every JSON-encoded span attribute and metadata value in a real export was made that way.
 */
public final class PyJson {
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer().with(pythonSeparators());

    private PyJson() {}

    public static String dumps(JsonNode value) {
        return WRITER.writeValueAsString(value);
    }

    /** A flat {@code {"k": v}} object of numbers, e.g. token usage. */
    public static String dumps(Map<String, ? extends Number> numbers) {
        var node = Json.obj();
        numbers.forEach((k, v) -> node.put(k, v.longValue()));
        return dumps(node);
    }

    private static DefaultPrettyPrinter pythonSeparators() {
        Separators s = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayElementSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(s)
                .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
    }
}
