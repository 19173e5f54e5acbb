package io.sessionlens.session.persistence;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.session.SessionRow.JudgeChip;
import io.sessionlens.session.SessionRow.TurnJudge;
import io.sessionlens.trace.json.SharedJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored forms of a session's analysis: the whole {@link SessionAnalysis} as JSON (read back on every view and API
 * call), its session-level judges as compact chips and its per-turn judges as one chip per value with the turns
 * that got it (both searchable with LIKE, shown in the list).
 */
public final class AnalysisJson {
    private static final JsonMapper JSON = SharedJson.MAPPER;

    private AnalysisJson() {}

    public static String write(SessionAnalysis a) {
        return JSON.writeValueAsString(a);
    }

    public static @Nullable SessionAnalysis read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, SessionAnalysis.class);
    }

    public static String writeJudges(List<AssessmentView> sessionAssessments) {
        return JSON.writeValueAsString(sessionAssessments.stream().map(AnalysisJson::chip).toList());
    }

    /**
     * The names of the failing session-level judges as {@code ,"a","b",} (null when none failed), searched with
     * {@link #failingNeedle}: inside a JSON string every quote is escaped, so {@code ,"a",} matches one whole name only.
     */
    public static @Nullable String writeFailing(List<AssessmentView> sessionAssessments) {
        var names = sessionAssessments.stream().map(AnalysisJson::chip).filter(JudgeChip::failing)
                .map(JudgeChip::name).distinct().map(JSON::writeValueAsString).toList();
        return names.isEmpty() ? null : "," + String.join(",", names) + ",";
    }

    /** What {@link #writeFailing} holds for this judge. */
    public static String failingNeedle(String name) {
        return "," + JSON.writeValueAsString(name) + ",";
    }

    /** The names {@link #writeFailing} wrote (none for null or an unreadable list). */
    public static List<String> failingNames(@Nullable String list) {
        if (list == null || list.length() < 2) return List.of();
        try {
            return JSON.readValue("[" + list.substring(1, list.length() - 1) + "]",
                    new TypeReference<List<String>>() {});
        } catch (tools.jackson.core.JacksonException unreadable) {
            return List.of();
        }
    }

    public static List<JudgeChip> readJudges(@Nullable String json) {
        if (json == null || json.isBlank()) return List.of();
        return JSON.readValue(json, new TypeReference<List<JudgeChip>>() {});
    }

    /** Per-turn judges, one entry per judge, value and verdict, in the order first seen, with the turns that got it. */
    public static String writeTurnJudges(List<TurnAnalysis> turns) {
        Map<JudgeChip, List<Integer>> seen = new LinkedHashMap<>();
        for (TurnAnalysis t : turns) {
            for (AssessmentView a : t.assessments()) {
                List<Integer> at = seen.computeIfAbsent(chip(a), c -> new ArrayList<>());
                if (!at.contains(t.index())) at.add(t.index());
            }
        }
        return JSON.writeValueAsString(seen.entrySet().stream()
                .map(e -> new TurnJudge(e.getKey().name(), e.getKey().value(), e.getKey().verdict(), e.getValue()))
                .toList());
    }

    public static List<TurnJudge> readTurnJudges(@Nullable String json) {
        if (json == null || json.isBlank()) return List.of();
        return JSON.readValue(json, new TypeReference<List<TurnJudge>>() {});
    }

    /**
     * The text a stored judge list holds for this judge and value, for a LIKE over the lists: both written the way
     * {@link #writeJudges} writes them (JSON-escaped), value case as given.
     */
    public static String judgeNeedle(String name, String value) {
        return "\"name\":" + JSON.writeValueAsString(name) + ",\"value\":" + JSON.writeValueAsString(value) + ",";
    }

    /** A judge value as a chip shows it: strings bare, everything else as JSON. */
    private static JudgeChip chip(AssessmentView a) {
        String value = a.value() == null ? "" : a.value() instanceof String s ? s : JSON.writeValueAsString(a.value());
        return new JudgeChip(a.name(), value, a.verdict().name());
    }
}
