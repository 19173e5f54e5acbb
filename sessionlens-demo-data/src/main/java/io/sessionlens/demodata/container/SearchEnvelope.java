package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * What {@code mlflow traces search --output json} prints: {@code {"traces":[…],"next_page_token":…}}. A page
 * that is not the last carries a token; the last page has {@code null}.
 */
public final class SearchEnvelope implements TraceContainer {
    private final @Nullable String nextPageToken;

    public SearchEnvelope(@Nullable String nextPageToken) {
        this.nextPageToken = nextPageToken;
    }

    public static SearchEnvelope lastPage() {
        return new SearchEnvelope(null);
    }

    @Override
    public String name() {
        return "traces-search";
    }

    @Override
    public void write(OutputStream out, Dialect dialect, Iterable<DemoTrace> traces) {
        try (JsonGenerator g = JsonOutput.pythonPretty(out)) {
            g.writeStartObject();
            g.writeName("traces");
            g.writeStartArray();
            JsonOutput.writeEach(g, dialect, traces);
            g.writeEndArray();
            g.writeName("next_page_token");
            if (nextPageToken == null) g.writeNull();
            else
                g.writeString(nextPageToken);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
