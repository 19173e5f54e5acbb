package io.sessionlens.overview;

import io.sessionlens.trace.json.SharedJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A session's session-level judges as the index lists them ({@code [{name, value, verdict}]}): each judge that passed
 * or failed (neutral or undecidable values are no evaluation), failed if any of its values failed.
 */
public final class JudgeOutcomes {
    private JudgeOutcomes() {}

    /** Judge name to "failed"; empty for no list or an unreadable one. */
    public static Map<String, Boolean> read(@Nullable String json) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) return out;
        JsonNode list;
        try {
            list = SharedJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return out;
        }
        for (JsonNode j : list) {
            String name = j.path("name").asString("");
            String verdict = j.path("verdict").asString("");
            if (name.isEmpty() || !(verdict.equals("PASS") || verdict.equals("FAIL"))) continue;
            out.merge(name, verdict.equals("FAIL"), Boolean::logicalOr);
        }
        return out;
    }
}
