package io.sessionlens.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.sessionlens.Application;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.SpanTreeService;
import io.sessionlens.trace.TraceStore;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (surefire skips {@code **}/bench/**): how long a 50,000-span trace takes to show its first rows.
 * Starts the app on a fresh H2 file in a temp dir (demo data off, random port), stores two 50,000-span traces —
 * an agent run (one root, 8,333 steps of 6 spans) and a flat worst case (50,000 orphan roots) — then opens each in
 * headless Chromium 1 + 5 times and prints the median time from navigation until the first span rows are visible.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.sessionlens.bench.TraceViewBench
 * </pre>
 */
public final class TraceViewBench {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("sessionlens-bench");
        var app = new SpringApplication(Application.class);
        try (ConfigurableApplicationContext ctx = app.run("--sessionlens.data-dir=" + dataDir,
                "--sessionlens.demo-data=false",
                "--server.port=0", "--logging.level.root=WARN")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "8080"));
            TraceStore store = ctx.getBean(TraceStore.class);
            SpanTreeService tree = ctx.getBean(SpanTreeService.class);

            Instant at = Instant.parse("2025-06-01T09:00:00Z");
            Trace agent = TestTraces.agentRun("tr-bench-agent", "bench", "bench-session", at, 8_333,
                    Set.of(1_000, 5_000, 8_000));
            List<Span> withOrphan = new ArrayList<>(agent.spans());
            withOrphan.add(TestTraces.span(TestTraces.id(900_000), "00000000000fffff", "late_callback", "UNKNOWN",
                    TestTraces.T0_NANOS + 5,
                    TestTraces.T0_NANOS + 9));
            agent = new Trace(agent.info(), withOrphan);
            List<Span> flat = new ArrayList<>(50_000);
            for (int i = 0; i < 50_000; i++) {
                flat.add(TestTraces.span(TestTraces.id(1_000_000 + i), TestTraces.id(5_000_000 + i), "orphan " + i,
                        "TOOL",
                        TestTraces.T0_NANOS + i * 1_000L, TestTraces.T0_NANOS + i * 1_000L + 500));
            }
            Trace orphans = new Trace(
                    TestTraces.info("tr-bench-flat", "bench", "bench-session", at.plusSeconds(60), TraceState.OK),
                    flat);

            long t = System.nanoTime();
            store.store(List.of(agent));
            System.out.printf(Locale.ROOT, "stored agent trace (%,d spans) in %.1f s%n", agent.spans().size(),
                    (System.nanoTime() - t) / 1e9);
            store.store(List.of(TestTraces.agentRun("tr-bench-small", "bench", "bench-small", at, 2, Set.of(1))));
            t = System.nanoTime();
            store.store(List.of(orphans));
            System.out.printf(Locale.ROOT, "stored flat trace (%,d spans) in %.1f s%n", orphans.spans().size(),
                    (System.nanoTime() - t) / 1e9);

            serviceTimes("agent", () -> tree.header("tr-bench-agent").isPresent() ? 1 : 0,
                    () -> tree.childCount("tr-bench-agent", null),
                    () -> tree.children("tr-bench-agent", null, 0, 50).size(),
                    () -> tree.children("tr-bench-agent", TestTraces.id(1), 0, 50).size(),
                    () -> tree.nextErrorAfter("tr-bench-agent", null).isPresent() ? 1 : 0);
            serviceTimes("flat", () -> tree.header("tr-bench-flat").isPresent() ? 1 : 0,
                    () -> tree.childCount("tr-bench-flat", null),
                    () -> tree.children("tr-bench-flat", null, 0, 50).size(),
                    () -> tree.children("tr-bench-flat", null, 25_000, 50).size(), () -> 0);

            if (Boolean.getBoolean("bench.service-only")) return;   // -Dbench.service-only=true: no browser
            try (Playwright pw = Playwright
                    .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = pw.chromium()
                            .launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                                    .setHeadless(true)
                                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")))) {
                String base = "http://localhost:" + port + "/traces/";
                // Baseline: the same page for a trace that does not exist (app shell and dev bundle, no rows). The pages
                // take turns within each round, so JIT warm-up and machine load fall on all of them alike.
                List<Target> targets = List.of(new Target(base + "tr-bench-missing", "#trace-missing", null),
                        new Target(base + "tr-bench-small", rowSelector("agent"), "step 1"),
                        new Target(base + "tr-bench-agent", rowSelector("agent"), "step 1"),
                        new Target(base + "tr-bench-flat", rowSelector("orphan 0"), null));
                for (int round = 0; round <= RUNS; round++) {   // round 0 warms up the dev-mode bundle and the JIT
                    for (Target target : targets) measure(browser, target, round);
                }
                targets.forEach(TraceViewBench::report);
            }
        }
    }

    private static void serviceTimes(String label, LongSupplier... calls) {
        String[] names = {"header (incl. span time window)", "root count", "first root page",
                "second level page / deep root page", "next error"};
        for (int i = 0; i < calls.length; i++) {
            long first = System.nanoTime();
            calls[i].getAsLong();   // the first call also pays for parsing and planning the query
            long firstMs = (System.nanoTime() - first) / 1_000_000;
            long[] ms = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long t = System.nanoTime();
                calls[i].getAsLong();
                ms[r] = (System.nanoTime() - t) / 1_000_000;
            }
            System.out.printf(Locale.ROOT, "service %-5s %-36s first %4d ms, then median %4d ms  %s%n", label, names[i],
                    firstMs,
                    median(ms), Arrays.toString(ms));
        }
    }

    private static String rowSelector(String name) {
        return "#span-tree .span-name[title='" + name + "']";
    }

    /** A page to open, what shows that its first rows are there, and (optionally) a child row to expand to. */
    private record Target(String url, String firstRow, String childRow, long[] header, long[] open, long[] expand) {
        Target(String url, String firstRow, String childRow) {
            this(url, firstRow, childRow, new long[RUNS + 1], new long[RUNS + 1], new long[RUNS + 1]);
        }

        String name() {
            return url.replaceAll(".*/", "");
        }
    }

    private static void measure(Browser browser, Target target, int round) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            long t = System.nanoTime();
            page.navigate(target.url());
            page.waitForSelector("#trace-header h2",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            target.header()[round] = (System.nanoTime() - t) / 1_000_000;
            page.waitForSelector(target.firstRow(),
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            target.open()[round] = (System.nanoTime() - t) / 1_000_000;
            if (target.childRow() != null) {
                t = System.nanoTime();
                page.locator("#span-tree vaadin-grid-tree-toggle", new Page.LocatorOptions()
                        .setHas(page.locator(target.firstRow().replace("#span-tree ", "")))).click();
                page.waitForSelector(rowSelector(target.childRow()),
                        new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
                target.expand()[round] = (System.nanoTime() - t) / 1_000_000;
            }
        }
    }

    private static void report(Target target) {
        long[] header = Arrays.copyOfRange(target.header(), 1, RUNS + 1);
        long[] open = Arrays.copyOfRange(target.open(), 1, RUNS + 1);
        System.out.printf(Locale.ROOT,
                "browser %-18s header visible: median %5d ms %s; first rows visible: warm-up %d ms, median %5d ms %s%n",
                target.name(), median(header), Arrays.toString(header), target.open()[0], median(open),
                Arrays.toString(open));
        if (target.childRow() != null) {
            long[] expand = Arrays.copyOfRange(target.expand(), 1, RUNS + 1);
            System.out.printf(Locale.ROOT, "browser %-18s expand the root: median %d ms %s%n", target.name(),
                    median(expand),
                    Arrays.toString(expand));
        }
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
