package io.sessionlens.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sessionlens.demodata.BenchExports;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a 50,000-span trace opened in a running SessionLens (the production jar), imported through the API. Prints
 * the time from navigation until the first span rows are visible, with a cold and a warm browser cache.
 * <pre>
 * java -jar target/sessionlens-*.jar --server.port=8095 --sessionlens.data-dir=/tmp/sl-prod --sessionlens.demo-data=false
 * java -cp $CP io.sessionlens.bench.TraceViewProdBench http://localhost:8095 [spans]
 * </pre>
 */
public final class TraceViewProdBench {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int spans = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        String traceId = "tr-5000000000000000000000000000beef";
        var bytes = new ByteArrayOutputStream();
        new BenchExports(3, Instant.parse("2026-01-07T08:00:00Z")).writeHugeTrace(bytes, traceId, spans);
        long t0 = System.nanoTime();
        var resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/imports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("import of a %d-span trace (%.1f MB): HTTP %d in %d ms%n", spans, bytes.size() / 1e6,
                resp.statusCode(),
                (System.nanoTime() - t0) / 1_000_000);
        String url = base + "/traces/" + traceId;
        try (Playwright pw = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium()
                        .launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setHeadless(true).setArgs(
                                        List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")))) {
            long[] cold = new long[RUNS];
            for (int i = -1; i < RUNS; i++) {
                try (var context = browser.newContext()) {
                    long t = open(context.newPage(), url);
                    if (i >= 0) cold[i] = t;
                }
            }
            long[] warm = new long[RUNS];
            try (var context = browser.newContext()) {
                Page page = context.newPage();
                open(page, url);
                for (int i = 0; i < RUNS; i++) {
                    page.navigate("about:blank");
                    warm[i] = open(page, url);
                }
            }
            // How an analyst opens it: the turn's "Span tree" link on the session page (router navigation, no page load)
            long[] click = new long[RUNS];
            try (var context = browser.newContext()) {
                Page page = context.newPage();
                page.setDefaultTimeout(60_000);
                String exp = resp.body().replaceAll(
                        "(?s).*\\{\"experimentId\":\"([^\"]*)\",\"sessionId\":\"" + traceId + "\"}.*", "$1");
                for (int i = -1; i < RUNS; i++) {
                    page.navigate(base + "/sessions/" + exp + "/" + traceId);
                    page.waitForSelector("#turn-1 .sl-span-link");
                    long t = System.nanoTime();
                    page.locator("#turn-1 .sl-span-link").click();
                    page.waitForSelector("#span-tree vaadin-grid-tree-toggle");
                    if (i >= 0) click[i] = (System.nanoTime() - t) / 1_000_000;
                }
            }
            Arrays.sort(click);
            System.out.printf("%d-span trace opened from its session page: median %d ms %s%n", spans, click[RUNS / 2],
                    Arrays.toString(click));
            Arrays.sort(cold);
            Arrays.sort(warm);
            System.out.printf(
                    "%d-span trace, first span rows visible: cold cache median %d ms %s, warm cache median %d ms %s%n",
                    spans,
                    cold[RUNS / 2], Arrays.toString(cold), warm[RUNS / 2], Arrays.toString(warm));
        }
    }

    private static long open(Page page, String url) {
        page.setDefaultTimeout(60_000);
        long t = System.nanoTime();
        page.navigate(url);
        page.waitForSelector("#span-tree vaadin-grid-tree-toggle");
        return (System.nanoTime() - t) / 1_000_000;
    }
}
