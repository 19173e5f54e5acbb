package io.sessionlens.session;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The session-level judges stored on an index row as compact JSON (searchable with LIKE, read back as chips). */
final class SessionJudges {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SessionJudges() {}

    static List<SessionRow.JudgeChip> parse(@Nullable String json) {
        if (json == null || json.isBlank()) return List.of();
        return JSON.readValue(json, new TypeReference<List<SessionRow.JudgeChip>>() {});
    }

    static String write(List<SessionRow.JudgeChip> chips) {
        return JSON.writeValueAsString(chips);
    }
}
