package io.sessionlens.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sessionlens.Application;
import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (surefire skips bench/): how long a 120-turn session takes to paint its first turns in headless Chromium,
 * and how much server heap each open session page costs. Same classpath command as {@link TraceViewBench}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.sessionlens.bench.SessionViewBench [turns]
 * </pre>
 */
public final class SessionViewBench {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        if (args.length > 1) {   // a running SessionLens, e.g. the production jar: import over the API, time the page
            var bytes = new ByteArrayOutputStream();
            new BenchExports(7, Instant.parse("2026-01-05T08:00:00Z")).writeLongSession(bytes, "bench-long", turns);
            var http = java.net.http.HttpClient.newHttpClient();
            var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(args[1] + "/api/imports"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println("import: HTTP " + resp.statusCode());
            String exp = resp.body()
                    .replaceAll("(?s).*\\{\"experimentId\":\"([^\"]*)\",\"sessionId\":\"bench-long\"}.*", "$1");
            try (Playwright pw = Playwright
                    .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = chromium(pw)) {
                timeFirstPaint(browser, args[1] + "/sessions/" + exp + "/bench-long", turns);
                // How an analyst opens a session: a click in the sessions list (router navigation, no page load)
                try (var context = browser.newContext()) {
                    Page page = context.newPage();
                    long[] click = new long[RUNS];
                    for (int i = -1; i < RUNS; i++) {
                        page.navigate(args[1] + "/sessions?q=bench-long");
                        page.waitForSelector("#sessions-grid a:has-text('bench-long')");
                        long t0 = System.nanoTime();
                        page.locator("#sessions-grid a:has-text('bench-long')").first().click();
                        page.waitForSelector("#turn-1 .sl-bubble.user");
                        if (i >= 0) click[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                    Arrays.sort(click);
                    System.out.printf("%d-turn session opened from the sessions list: median %d ms (min %d, max %d)%n",
                            turns,
                            click[RUNS / 2], click[0], click[RUNS - 1]);
                }
                // the same page shell without a session: what Vaadin's bootstrap alone costs in this browser
                long[] base = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    try (var context = browser.newContext()) {
                        Page page = context.newPage();
                        long t0 = System.nanoTime();
                        page.navigate(args[1] + "/sessions/" + exp + "/no-such-session");
                        page.waitForSelector("text=Session not found");
                        base[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
                Arrays.sort(base);
                System.out.printf("baseline (session-not-found page): median %d ms%n", base[RUNS / 2]);
            }
            return;
        }
        Path dataDir = Files.createTempDirectory("sessionlens-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run(
                "--sessionlens.data-dir=" + dataDir,
                "--sessionlens.demo-data=false", "--server.port=0", "--logging.level.root=WARN",
                "--vaadin.devmode.devTools.enabled=false")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "8080"));
            var bytes = new ByteArrayOutputStream();
            new BenchExports(7, Instant.parse("2026-01-05T08:00:00Z")).writeLongSession(bytes, "bench-long", turns);
            ImportReport r = ctx.getBean(ImportService.class).importFile("long.json",
                    new ByteArrayInputStream(bytes.toByteArray()));
            var s = r.sessions().getFirst();
            System.out.printf("imported %d traces (%.1f MB) into session %s / %s%n", r.tracesImported(),
                    bytes.size() / 1e6,
                    s.experimentId(), s.sessionId());
            String url = "http://localhost:" + port + "/sessions/" + s.experimentId() + "/" + s.sessionId();

            try (Playwright pw = Playwright
                    .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = chromium(pw)) {
                timeFirstPaint(browser, url, turns);

                // Heap per open UI: open 20 session pages and keep them open, compare heap after GC.
                var mem = ManagementFactory.getMemoryMXBean();
                System.gc();
                long before = mem.getHeapMemoryUsage().getUsed();
                var open = new java.util.ArrayList<com.microsoft.playwright.BrowserContext>();
                for (int i = 0; i < 20; i++) {
                    var c = browser.newContext();
                    c.newPage().navigate(url);
                    c.pages().getFirst().waitForSelector("#turn-1 .sl-bubble.user");
                    open.add(c);
                }
                System.gc();
                long after = mem.getHeapMemoryUsage().getUsed();
                System.out.printf("server heap per open %d-turn session page: %.1f MB (20 pages: %.0f MB → %.0f MB)%n",
                        turns,
                        (after - before) / 20 / 1e6, before / 1e6, after / 1e6);
                open.forEach(com.microsoft.playwright.BrowserContext::close);
            }
        }
    }

    static void timeFirstPaint(Browser browser, String url, int turns) {
        long[] ms = new long[RUNS];
        for (int i = -1; i < RUNS; i++) {   // run -1 warms up the JIT and the browser cache
            try (var context = browser.newContext()) {
                Page page = context.newPage();
                long t0 = System.nanoTime();
                page.navigate(url);
                page.waitForSelector("#turn-1 .sl-bubble.user");
                long t = (System.nanoTime() - t0) / 1_000_000;
                if (i >= 0) ms[i] = t;
                if (i == RUNS - 1) System.out.printf("turn cards in the page: %d%n", page.locator(".sl-turn").count());
            }
        }
        Arrays.sort(ms);
        System.out.printf(
                "%d-turn session, cold browser cache, navigation → first turn painted: median %d ms (min %d, max %d)%n",
                turns, ms[RUNS / 2], ms[0], ms[RUNS - 1]);
        // An analyst's browser has Vaadin's client bundle cached after the first page: one context, repeated opens.
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url);
            page.waitForSelector("#turn-1 .sl-bubble.user");
            for (int i = 0; i < RUNS; i++) {
                page.navigate("about:blank");
                long t0 = System.nanoTime();
                page.navigate(url);
                page.waitForSelector("#turn-1 .sl-bubble.user");
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%d-turn session, warm browser cache: median %d ms (min %d, max %d)%n", turns, ms[RUNS / 2],
                ms[0],
                ms[RUNS - 1]);
    }

    /** Debian's Chromium, headless, never a downloaded browser. */
    private static Browser chromium(Playwright pw) {
        return pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }
}
