package io.sessionlens.trace;

import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.TokenUsage;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.TraceMapping.TraceFacts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Numbers the session index needs from a trace: error spans and tokens (metadata first, else summed over spans). */
final class TraceFactsCalculator {
    private TraceFactsCalculator() {}

    static TraceFacts of(Trace t) {
        int errors = 0;
        for (Span s : t.spans()) if (s.hasError()) errors++;
        TokenUsage tokens = parse(t.info().metadata().get(MlflowKeys.TOKEN_USAGE));
        if (tokens == null) {
            tokens = TokenUsage.NONE;
            for (Span s : t.spans()) {
                TokenUsage u = parse(s.attribute(MlflowKeys.CHAT_TOKEN_USAGE));
                if (u != null) tokens = tokens.plus(u);
            }
        }
        return new TraceFacts(errors, tokens);
    }

    private static @Nullable TokenUsage parse(@Nullable String json) {
        JsonNode n = JsonValues.decode(json);
        if (n.isString()) n = JsonValues.decode(n.stringValue());   // some exporters double-encode
        if (!n.isObject()) return null;
        long in = n.path("input_tokens").asLong(0), out = n.path("output_tokens").asLong(0);
        long total = n.path("total_tokens").asLong(in + out);
        return new TokenUsage(in, out, total);
    }
}
