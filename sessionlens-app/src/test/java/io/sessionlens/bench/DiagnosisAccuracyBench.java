package io.sessionlens.bench;

import io.sessionlens.Application;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionReader;
import io.sessionlens.trace.SessionRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (surefire skips bench/): how right the diagnosis is on a labelled corpus ({@code ../shared/eval-dev/*},
 * written independently of SessionLens). Per corpus it starts the app on a scratch H2 directory (two corpora share
 * session ids, so never one database for both), imports every file of {@code CORPUS/exports/} as one import each
 * through the real import service, as {@code POST /api/imports} would, opens each labelled session as
 * {@code GET /api/sessions/{id}} does and compares its JSON with {@code truth.json} the way
 * {@code ../shared/tools/score-diagnosis.py} does. Prints a table; asserts nothing.
 * <pre>
 * java -cp $CP io.sessionlens.bench.DiagnosisAccuracyBench [--misses] ../shared/eval-dev/v1-seed5 ../shared/eval-dev/v2-seed7
 * </pre>
 */
public final class DiagnosisAccuracyBench {
    // Python's re \s in a str pattern is Unicode whitespace, like Java's with UNICODE_CHARACTER_CLASS
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final JsonMapper TRUTH_JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        boolean misses = List.of(args).contains("--misses");
        List<Path> corpora = Stream.of(args).filter(a -> !a.startsWith("--")).map(Path::of).toList();
        if (corpora.isEmpty()) {
            System.err.println("usage: DiagnosisAccuracyBench [--misses] CORPUS_DIR...");
            System.exit(2);
        }
        List<Score> scores = new ArrayList<>();
        for (Path corpus : corpora) scores.add(score(corpus));
        print(scores, misses);
        System.exit(0);   // the app's executors are not daemons
    }

    /** The figures of one corpus, as the Python scorer counts them. */
    static final class Score {
        final String corpus;
        int sessions, found, turns, textOk, judgesOk, scorerErrorsOk, rootCauseOk, faulty, kindOk, healthy, falseAlarms,
                flaggedOk;
        final Map<String, int[]> byGroup = new TreeMap<>();
        boolean byTrap;
        final List<String> misses = new ArrayList<>();
        final List<String> flagMisses = new ArrayList<>();
        long importMs, readMs;

        Score(String corpus) {
            this.corpus = corpus;
        }
    }

    static Score score(Path corpus) throws Exception {
        JsonNode truth = TRUTH_JSON.readTree(corpus.resolve("truth.json").toFile());
        if (truth.isObject() && truth.has("sessions")) truth = truth.get("sessions");
        Score s = new Score(corpus.getFileName().toString());
        Path dataDir = Files.createTempDirectory("sessionlens-diagnosis-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run(
                "--sessionlens.data-dir=" + dataDir,
                "--sessionlens.demo-data=false", "--server.port=0", "--logging.level.root=WARN",
                "--vaadin.devmode.devTools.enabled=false")) {
            ImportService imports = ctx.getBean(ImportService.class);
            SessionReader reader = ctx.getBean(SessionReader.class);
            JsonMapper api = ctx.getBean(JsonMapper.class);   // the mapper the JSON API writes with

            long t0 = System.nanoTime();
            List<Path> files;
            try (Stream<Path> list = Files.list(corpus.resolve("exports"))) {
                files = list.sorted().toList();
            }
            for (Path f : files) {
                ImportReport r = imports.importFiles(List.of(new ImportService.Upload(f.getFileName().toString(),
                        () -> Files.newInputStream(f))));
                if (r.nothingImportable())
                    System.out.println("import " + f.getFileName() + ": nothing importable: " + r.firstError());
            }
            long t1 = System.nanoTime();
            s.importMs = (t1 - t0) / 1_000_000;

            for (JsonNode want : truth) {
                s.sessions++;
                String group = firstNonEmpty(text(want, "primary_trap"), text(want, "root_cause_kind"), "none");
                s.byTrap |= text(want, "primary_trap") != null;
                int[] g = s.byGroup.computeIfAbsent(group, k -> new int[2]);
                g[1]++;
                JsonNode turnsWanted = want.path("turns");
                s.turns += turnsWanted.size();
                Optional<SessionDocument> opened = reader.open(new SessionRef(want.path("experiment_id").asString(),
                        want.path("session_id").asString()));
                if (opened.isEmpty()) {
                    s.misses.add(missLine(want, "session not found"));
                    continue;
                }
                JsonNode doc = api.valueToTree(opened.get());
                s.found++;

                Map<String, JsonNode> gotTurns = new HashMap<>();
                doc.path("turns").forEach(t -> gotTurns.put(tid(t.path("traceId").asString("")), t));
                for (JsonNode tt : turnsWanted) {
                    JsonNode dt = gotTurns.get(tid(tt.path("trace_id").asString("")));
                    if (dt != null && dt.path("index").asInt(-1) == tt.path("index").asInt()
                            && norm(dt.path("userText")).equals(norm(tt.path("user_text")))
                            && norm(dt.path("assistantText")).equals(norm(tt.path("assistant_text")))) {
                        s.textOk++;
                    }
                }

                if (pairs(want.path("session_assessments"), "name", "value", false)
                        .equals(pairs(doc.path("sessionAssessments"), "name", "value", false)))
                    s.judgesOk++;
                if (pairs(want.path("scorer_errors"), "trace_id", "name", true)
                        .equals(pairs(doc.path("scorerErrors"), "traceId", "name", true)))
                    s.scorerErrorsOk++;

                JsonNode rc = doc.path("rootCause").isObject() ? doc.path("rootCause") : null;
                Integer gotTurn = rc == null || !rc.path("turn").isNumber() ? null : rc.path("turn").asInt();
                Integer wantTurn = want.path("root_cause_turn").isNumber()
                        ? want.path("root_cause_turn").asInt()
                        : null;
                String gotKind = rc == null ? null : text(rc, "kind");
                if (wantTurn == null) {
                    s.healthy++;
                    if (gotTurn != null) s.falseAlarms++;
                } else {
                    s.faulty++;
                    if (wantTurn.equals(gotTurn) && Objects.equals(gotKind, text(want, "root_cause_kind"))) {
                        s.kindOk++;
                        Integer wantFlagged = want.path("flagged_turn").isNumber()
                                ? want.path("flagged_turn").asInt()
                                : null;
                        Integer gotFlagged = rc.path("flaggedTurn").isNumber() ? rc.path("flaggedTurn").asInt() : null;
                        if (Objects.equals(wantFlagged, gotFlagged)) s.flaggedOk++;
                        else
                            s.flagMisses.add(missLine(want, "flagged turn " + wantFlagged + ", got " + gotFlagged));
                    }
                }
                if (Objects.equals(gotTurn, wantTurn)) {
                    s.rootCauseOk++;
                    g[0]++;
                } else {
                    String evidence = rc == null ? "null" : rc.path("evidence").asString("");
                    s.misses.add(missLine(want, "got turn " + gotTurn + " (" + gotKind + "): "
                            + evidence.substring(0, Math.min(220, evidence.length()))));
                }
            }
            s.readMs = (System.nanoTime() - t1) / 1_000_000;
        }
        return s;
    }

    static void print(List<Score> scores, boolean misses) {
        var out = new StringBuilder();
        out.append(String.format("%n%-42s", "corpus"));
        scores.forEach(s -> out.append(String.format(" | %-16s", s.corpus)));
        row(out, "sessions found", scores, s -> s.found + "/" + s.sessions);
        row(out, "turn texts exact", scores, s -> frac(s.textOk, s.turns));
        row(out, "session judges exact", scores, s -> s.judgesOk + "/" + s.sessions);
        row(out, "scorer errors exact", scores, s -> s.scorerErrorsOk + "/" + s.sessions);
        row(out, "root-cause turn top-1", scores, s -> frac(s.rootCauseOk, s.sessions));
        row(out, "faulty: turn and kind right", scores, s -> frac(s.kindOk, s.faulty));
        row(out, "  …and the flagged turn too (not in .py)", scores, s -> s.flaggedOk + "/" + s.faulty);
        row(out, "healthy sessions accused (false alarms)", scores, s -> s.falseAlarms + "/" + s.healthy);
        row(out, "import / open every session", scores,
                s -> String.format("%.1f s / %.1f s", s.importMs / 1e3, s.readMs / 1e3));
        out.append('\n');
        for (Score s : scores) {
            out.append(String.format("%n%s: top-1 by %s%n", s.corpus, s.byTrap ? "trap" : "fault kind"));
            s.byGroup.forEach((g, n) -> out.append(String.format("  %-20s %d/%d%n", g, n[0], n[1])));
            if (misses) s.misses.forEach(m -> out.append("MISS ").append(m).append('\n'));
            if (misses) s.flagMisses.forEach(m -> out.append("FLAG ").append(m).append('\n'));
        }
        System.out.print(out);
    }

    private interface Figure {
        String of(Score s);
    }

    private static void row(StringBuilder out, String name, List<Score> scores, Figure f) {
        out.append(String.format("%n%-42s", name));
        scores.forEach(s -> out.append(String.format(" | %-16s", f.of(s))));
    }

    private static String frac(int x, int y) {
        return y == 0 ? x + "/0" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", x, y, 100.0 * x / y);
    }

    private static String missLine(JsonNode want, String why) {
        return want.path("experiment_id").asString() + "/" + want.path("session_id").asString() + " want turn "
                + (want.path("root_cause_turn").isNumber() ? want.path("root_cause_turn").asInt() : "None") + " ("
                + text(want, "root_cause_kind") + ", trap " + firstNonEmpty(text(want, "primary_trap"), "-") + "): "
                + why;
    }

    /** (a, b) pairs sorted, values compared as JSON (the scorer compares {@code json.dumps} of each). */
    private static List<String> pairs(JsonNode list, String a, String b, boolean traceIds) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : list) {
            String first = traceIds ? tid(x.path(a).asString("")) : x.path(a).asString("");
            out.add(first + "\u0000" + TRUTH_JSON.writeValueAsString(x.get(b)));
        }
        out.sort(null);
        return out;
    }

    /** Unicode NFC, runs of whitespace as one space, trimmed: the scorer's {@code norm}. */
    static String norm(JsonNode t) {
        String s = t == null || t.isNull() || t.isMissingNode() ? "" : t.isString() ? t.asString() : t.toString();
        return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    static String tid(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("tr-") ? s.substring(3) : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) if (v != null && !v.isEmpty()) return v;
        return "";
    }
}
