package io.sessionlens.bench;

import io.sessionlens.trace.json.SharedJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Every question the Sessions page asks, over the JSON API with a personal token (a password would cost a BCrypt check
 * per request): page 0 and a deep page for every sort key ascending and descending, every filter alone, the text
 * search, a session by id; each with its parameters varied so no result cache answers, beside the same question in
 * hand-written SQL over one JDBC connection (the database's ceiling). Times are measured by the client on loopback
 * (the request, the server's work and reading the whole answer): server-side time plus well under a millisecond.
 *
 * <p>Prints a Markdown table to paste into BENCHMARKS.md. A hand SQL that the schema no longer answers (the tables
 * changed) prints "—" and its error once; the API times never depend on it.
 */
final class ListTimings {
    static final int PAGE = 50;
    /** Runs a query gets whatever its budget (fewer only when --runs asks for fewer). */
    static final int MIN_RUNS = 5;
    /** Words of the generator's topics: every bulk session's questions hold some of them. */
    static final String[] COMMON = {"password", "statements", "transfer", "card", "account", "fee", "limit"};
    /** Two words that stand next to each other in a topic's question: a phrase search and an AND search both find them. */
    static final String[] TWO_WORDS = {"banking password", "withdrawal limit", "travel notice", "paper statements",
            "joint account", "card transaction", "interest rate", "domestic transfer"};
    static final String[] KINDS = {"tool_error", "outdated_retrieval", "hallucination", "context_loss", "other"};
    static final String[] JUDGES = {"correctness=no", "user_frustration=none"};
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TOTAL = Pattern.compile("^\\{\"total\":(\\d+)");

    /** One request: the API path and, where meaningful, the hand-written SQL of the same question. */
    record Case(String path, @Nullable String sql) {}

    /** A question, asked {@code runs} times with parameters varied by the run's number. */
    record Query(String name, IntFunction<Case> at) {}

    private final Api api;
    private final DataSource db;
    private final ScaleBench.Options o;
    private final Random rnd = new Random(14);
    private final List<String> sqlErrors = new ArrayList<>();
    private String experiment = "1";
    private Instant firstStart = Instant.parse("2025-06-01T00:00:00Z");
    private long days = 1;
    private long total;

    ListTimings(Api api, DataSource db, ScaleBench.Options o) {
        this.api = api;
        this.db = db;
        this.o = o;
    }

    void run() throws Exception {
        learnTheData();
        System.out.printf(
                "%nJSON API, %d runs per query (fewer when a query has used %d s after 5 runs), client-measured"
                        + " on loopback with a personal token; hand SQL = the same question on one JDBC connection%n",
                o.runs(), o.budgetSeconds());
        System.out.printf("timing phase starts %s, load average %.1f%n%n", Instant.now(), ScaleBench.loadAverage());
        System.out.println("| query | runs | app p50 / p95 / max (ms) | hand SQL p50 (ms) | sessions matched |");
        System.out.println("|---|---|---|---|---|");
        long t0 = System.nanoTime();
        for (Query q : queries()) {
            if (q.name().matches(o.only())) time(q);
        }
        for (Query q : cursorQueries()) {
            if (q.name().matches(o.only())) time(q);
        }
        System.out.printf("%ntiming phase ends %s after %.0f s, load average %.1f%n", Instant.now(),
                (System.nanoTime() - t0) / 1e9, ScaleBench.loadAverage());
        sqlErrors.forEach(e -> System.out.println("hand SQL not run: " + e));
    }

    /** The experiment and the time span of the sessions, read through the API (the schema may change under it). */
    private void learnTheData() throws Exception {
        JsonNode first = api.json("/api/sessions?size=1&sort=first_request").path("items").path(0);
        JsonNode last = api.json("/api/sessions?size=1&sort=first_request,desc").path("items").path(0);
        total = api.json("/api/sessions?size=1").path("total").asLong();
        if (!first.isMissingNode()) {
            experiment = first.path("experimentId").asString();
            firstStart = Instant.parse(first.path("firstRequestTime").asString());
            days = Math.max(1, (Instant.parse(last.path("firstRequestTime").asString()).getEpochSecond()
                    - firstStart.getEpochSecond()) / 86_400);
        }
        System.out.printf("%d sessions listed, experiment %s, started over %d days from %s%n", total, experiment, days,
                firstStart);
    }

    List<Query> queries() {
        List<Query> q = new ArrayList<>();
        int deep = (int) Math.max(2 * o.runs() + 1, total * 7 / 8 / PAGE);   // near the end: offset 87,500 of 100,000
        // The list as it opens, then each sort key both ways: page 0 (page sizes 50–54: no cached result answers) and a
        // deep page (a different page each run). Every key the API sorts by; the page's columns offer all but
        // first_request.
        q.add(list("default sort (newest activity), page 0", i -> "", i -> null, "last_request_time DESC", i -> 0));
        q.add(list("default sort, deep page (offset " + deep * PAGE + ")", i -> "", i -> null,
                "last_request_time DESC", i -> deep - i));
        for (String key : List.of("session", "state", "root_cause", "turns", "errors", "first_request", "last_request",
                "latency", "user", "experiment")) {
            for (boolean desc : new boolean[]{false, true}) {
                String sort = "&sort=" + key + (desc ? ",desc" : "");
                String order = column(key) + (desc ? " DESC" : " ASC");
                q.add(list("sort " + key + (desc ? " desc" : " asc") + ", page 0", i -> sort, i -> null, order,
                        i -> 0));
                q.add(list("sort " + key + (desc ? " desc" : " asc") + ", deep page", i -> sort, i -> null, order,
                        i -> deep - i));
            }
        }
        // Every filter alone, newest first; pages 0–4 in turn where the filter keeps many sessions.
        q.add(list("experiment", i -> "&experiment=" + enc(experiment), i -> "experiment_id = " + lit(experiment),
                null, i -> Math.floorMod(i, 5)));
        q.add(filter("user (a customer id)", () -> {
            String u = "cust-" + (10_000 + rnd.nextInt((int) Math.max(1, total)));
            return new String[]{"&user=" + u, "user_id = " + lit(u)};
        }));
        for (String state : List.of("ERROR", "OK", "IN_PROGRESS"))
            q.add(list("state=" + state, i -> "&state=" + state, i -> "worst_state = " + lit(state), null,
                    i -> Math.floorMod(i, 5)));
        q.add(list("errors only", i -> "&errors=true", i -> "error_turns > 0", null, i -> Math.floorMod(i, 5)));
        q.add(list("verdict=root_cause", i -> "&verdict=root_cause", i -> "root_cause_turn IS NOT NULL", null,
                i -> Math.floorMod(i, 5)));
        String analysed = "(verdict_source = 'human' OR (analysis_version = " + analyserVersion()
                + " AND analysis_json IS NOT NULL))";
        q.add(list("verdict=healthy", i -> "&verdict=healthy", i -> "root_cause_turn IS NULL AND " + analysed, null,
                i -> Math.floorMod(i, 5)));
        q.add(list("verdict=not_analysed", i -> "&verdict=not_analysed",
                i -> "root_cause_turn IS NULL AND NOT " + analysed, null, i -> Math.floorMod(i, 5)));
        for (String kind : KINDS)
            q.add(list("root-cause kind=" + kind, i -> "&kind=" + kind, i -> "root_cause_kind = " + lit(kind), null,
                    i -> Math.floorMod(i, 5)));
        for (String judge : JUDGES) {
            String[] nv = judge.split("=", 2);
            String needle = ("%\"name\":\"" + nv[0] + "\",\"value\":\"" + nv[1] + "\",%").toLowerCase(Locale.ROOT);
            q.add(list("judge " + judge, i -> "&judge=" + enc(judge), i -> "(LOWER(session_judges) LIKE "
                    + lit(needle) + " OR LOWER(turn_judges) LIKE " + lit(needle) + ")", null,
                    i -> Math.floorMod(i, 5)));
        }
        q.add(filter("date range, one week (from/to)", () -> {
            LocalDate from = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).plusDays(rnd.nextLong(days));
            return new String[]{"&from=" + from + "&to=" + from.plusDays(6),
                    "last_request_time >= " + ts(from) + " AND first_request_time <= " + ts(from.plusDays(7))};
        }));
        q.add(filter("started on a day (startedFrom/To)", () -> {
            LocalDate day = LocalDate.ofInstant(firstStart, ZoneOffset.UTC).plusDays(rnd.nextLong(days));
            return new String[]{"&startedFrom=" + day + "&startedTo=" + day,
                    "first_request_time >= " + ts(day) + " AND first_request_time < " + ts(day.plusDays(1))};
        }));
        q.add(list("verdictSource=human", i -> "&verdictSource=human", i -> "verdict_source = 'human'", null,
                i -> 0));
        q.add(list("verdictSource=auto", i -> "&verdictSource=auto",
                i -> "(verdict_source IS NULL OR verdict_source <> 'human')", null, i -> Math.floorMod(i, 5)));
        q.add(list("failing judge (user_frustration)", i -> "&failing=user_frustration",
                i -> "failing_judges LIKE '%,\"user_frustration\",%'", null, i -> Math.floorMod(i, 5)));
        q.add(filter("rootCauseTurn=N", () -> {
            int n = 1 + rnd.nextInt(Math.max(1, o.turns()));
            return new String[]{"&rootCauseTurn=" + n, "root_cause_turn = " + n};
        }));
        // Text: what the search field sends as q=.
        q.add(filter("q= common word", () -> {
            String w = COMMON[rnd.nextInt(COMMON.length)];
            return new String[]{"&q=" + enc(w), "search_text LIKE " + lit("%" + w + "%")};
        }));
        // The generated chats rotate twelve topics: the one word a single session holds is its id.
        q.add(filter("q= rare word (one session's whole id)", () -> {
            String w = String.format("bulk-session-%06d", rnd.nextInt((int) Math.max(1, total)));
            return new String[]{"&q=" + enc(w), "search_text LIKE " + lit("%" + w + "%")};
        }));
        q.add(filter("q= a word no chat holds", () -> {
            String w = "zq" + Integer.toString(rnd.nextInt(1 << 20), 36);
            return new String[]{"&q=" + enc(w), "search_text LIKE " + lit("%" + w + "%")};
        }));
        q.add(filter("q= session id prefix", () -> {
            String w = String.format("bulk-session-%04d", rnd.nextInt((int) Math.max(1, total / 100)));
            return new String[]{"&q=" + enc(w), "session_key LIKE " + lit(w + "%")};   // the ceiling: the key's index
        }));
        q.add(filter("q= two words", () -> {
            String w = TWO_WORDS[rnd.nextInt(TWO_WORDS.length)];
            return new String[]{"&q=" + enc(w), "search_text LIKE " + lit("%" + w + "%")};
        }));
        // A session by id: the session page's own request.
        q.add(new Query("a session by id, with its experiment", i -> {
            String id = String.format("bulk-session-%06d", rnd.nextInt((int) Math.max(1, total)));
            return new Case("/api/sessions/" + id + "?experimentId=" + enc(experiment),
                    "SELECT analysis_json FROM session_index WHERE experiment_id = " + lit(experiment)
                            + " AND session_key = " + lit(id));
        }));
        q.add(new Query("a session by id, without its experiment", i -> {
            String id = String.format("bulk-session-%06d", rnd.nextInt((int) Math.max(1, total)));
            return new Case("/api/sessions/" + id,
                    "SELECT DISTINCT experiment_id FROM trace_record WHERE session_key = "
                            + lit(id));
        }));
        return q;
    }

    /**
     * Deep pages by a keyset cursor, if the API has one: a top-level text field of the list's answer named like a cursor
     * ({@code nextCursor}, {@code cursor}, {@code next}, {@code after}), sent back as the parameter
     * {@code --cursor-param} names (default: the field's name, or {@code cursor} for {@code next}/{@code nextCursor}).
     * The cursors are read from deep pages by offset first (untimed), then each is asked for as a user paging on would.
     */
    private List<Query> cursorQueries() throws Exception {
        JsonNode page0 = api.json("/api/sessions?size=" + PAGE);
        String field = null;
        List<String> names = new ArrayList<>();
        for (String name : page0.propertyNames()) {
            names.add(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (page0.get(name).isString()
                    && (lower.contains("cursor") || lower.equals("next") || lower.equals("after")))
                field = name;
        }
        if (field == null) {
            System.out.printf("| keyset cursor | — | none in GET /api/sessions (its fields: %s) | | |%n",
                    String.join(", ", names));
            return List.of();
        }
        String f = field;
        String param = o.cursorParam() != null
                ? o.cursorParam()
                : field.equalsIgnoreCase("next") || field.equalsIgnoreCase("nextCursor") ? "cursor" : field;
        int deep = (int) Math.max(2 * o.runs() + 1, total * 7 / 8 / PAGE);
        List<Query> out = new ArrayList<>();
        for (String sort : List.of("", "&sort=latency,desc")) {
            List<String> cursors = new ArrayList<>();
            for (int i = -1; i < o.runs(); i++) {
                JsonNode p = api.json("/api/sessions?page=" + (deep - i - 1) + "&size=" + PAGE + sort);
                cursors.add(p.path(f).asString());
            }
            out.add(new Query(
                    "keyset cursor (" + param + "=), deep page" + (sort.isEmpty() ? "" : ", " + sort.substring(1)),
                    i -> new Case("/api/sessions?size=" + PAGE + sort + "&" + param + "=" + enc(cursors.get(i + 1)),
                            null)));
        }
        return out;
    }

    /** A list query: {@code params} after page and size, the hand SQL's where clause and order, a page per run. */
    private Query list(String name, IntFunction<String> params, IntFunction<@Nullable String> where,
            @Nullable String order, IntFunction<Integer> page) {
        return new Query(name, i -> {
            int p = Math.max(0, page.apply(i));
            int size = p == 0 ? PAGE + Math.floorMod(i, 5) : PAGE;   // page 0 five sizes: never the cached result
            String w = where.apply(i);
            return new Case("/api/sessions?page=" + p + "&size=" + size + params.apply(i),
                    "SELECT session_key FROM session_index" + (w == null ? "" : " WHERE " + w) + " ORDER BY "
                            + (order == null ? "last_request_time DESC" : order)
                            + ", experiment_id, session_key LIMIT " + size + " OFFSET " + (long) p * size);
        });
    }

    /** A filter whose value is drawn anew each run: {param, where} from one draw, so both ask the same. */
    private Query filter(String name, java.util.function.Supplier<String[]> draw) {
        return new Query(name, i -> {
            String[] d = draw.get();
            return new Case("/api/sessions?page=0&size=" + PAGE + d[0], "SELECT session_key FROM session_index WHERE "
                    + d[1] + " ORDER BY last_request_time DESC, experiment_id, session_key LIMIT " + PAGE);
        });
    }

    private void time(Query q) throws Exception {
        Case warm = q.at().apply(-1);
        api.get(warm.path());   // warm-up
        long[] ms = new long[o.runs()];
        List<String> sql = new ArrayList<>();
        long budget = o.budgetSeconds() * 1_000_000_000L, start = System.nanoTime();
        long matched = -1;
        int n = 0;
        for (; n < o.runs(); n++) {
            if (n >= MIN_RUNS && System.nanoTime() - start > budget) break;
            Case c = q.at().apply(n);
            if (c.sql() != null) sql.add(c.sql());
            long t0 = System.nanoTime();
            Api.Response r = api.get(c.path());
            ms[n] = (System.nanoTime() - t0) / 1_000_000;
            if (r.status() != 200)
                throw new IllegalStateException(q.name() + ": HTTP " + r.status() + " for " + c.path() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            Matcher m = TOTAL.matcher(r.body());
            if (m.find()) matched = Math.max(matched, Long.parseLong(m.group(1)));
        }
        long[] app = Arrays.copyOf(ms, n);
        Arrays.sort(app);
        // -Dbench.no-hand-sql=true: a re-run of the app's figures on a database whose ceilings were printed before
        String hand = Boolean.getBoolean("bench.no-hand-sql") ? "(not run)" : handSql(sql, budget);
        System.out.printf("| %s | %d | %d / %d / %d | %s | %s |%n", q.name(), n, app[n / 2],
                app[Math.max(0, (int) Math.ceil(n * 0.95) - 1)], app[n - 1], hand,
                matched < 0 ? "" : String.format("%,d", matched));
    }

    /** The hand SQL's p50 over up to 10 of the same questions (at least 3 within the budget), or "—". */
    private String handSql(List<String> sql, long budget) {
        if (sql.isEmpty()) return "";
        List<Long> ms = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < Math.min(10, sql.size()); i++) {
                if (i >= 3 && System.nanoTime() - start > budget / 2) break;   // a slow scan: 3 are enough
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql.get(i))) {
                    while (rs.next()) rs.getString(1);
                }
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            if (sqlErrors.size() < 5) sqlErrors.add(msg + " [" + sql.getFirst() + "]");
            return "—";
        }
        ms.sort(null);
        return Long.toString(ms.get(ms.size() / 2));
    }

    private static String column(String key) {
        return switch (key) {
            case "session" -> "session_key";
            case "state" -> "worst_state";
            case "root_cause" -> "root_cause_turn";
            case "turns" -> "turn_count";
            case "errors" -> "error_turns";
            case "first_request" -> "first_request_time";
            case "last_request" -> "last_request_time";
            case "latency" -> "total_duration_ms";
            case "user" -> "user_id";
            case "experiment" -> "experiment_id";
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The analyser version of today's analyses (a healthy verdict needs one), as the session index stores it. */
    private int analyserVersion() {
        try {
            return (int) ScaleBench.count(db, "SELECT MAX(analysis_version) FROM session_index");
        } catch (Exception e) {
            return 0;
        }
    }

    static String ts(LocalDate day) {
        return "TIMESTAMP WITH TIME ZONE '" + SQL_TIME.format(day.atStartOfDay(ZoneOffset.UTC).toInstant()) + "'";
    }

    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The JSON API with a personal token (a password would cost a BCrypt check per request). */
    static final class Api {
        record Response(int status, String body) {}

        final String base;
        final HttpClient http = HttpClient.newHttpClient();
        final String token;

        Api(String base, String adminPassword) throws Exception {
            this.base = base;
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
            var created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"scale-bench-" + System.nanoTime() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() / 100 != 2)
                throw new IllegalStateException(
                        "no personal token: HTTP " + created.statusCode() + " " + created.body());
            this.token = SharedJson.MAPPER.readTree(created.body()).path("token").asString();
        }

        Response get(String path) throws Exception {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        }

        JsonNode json(String path) throws Exception {
            Response r = get(path);
            if (r.status() != 200)
                throw new IllegalStateException("HTTP " + r.status() + " for " + path + ": " + r.body());
            return SharedJson.MAPPER.readTree(r.body());
        }
    }
}
