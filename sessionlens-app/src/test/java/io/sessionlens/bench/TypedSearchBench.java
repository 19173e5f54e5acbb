package io.sessionlens.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A search typed on the Sessions page, in real Chromium (Debian's /usr/bin/chromium, as the browser tests launch it):
 * sign in, open {@code /sessions} showing one session (searched by its id), type a word into the search field a key every 80 ms
 * (about a fast typist), and measure in the page from the last key down to the moment the grid's first row shows the
 * first session of the new query (known beforehand from the API, and never the row shown before). It includes
 * whatever the page waits before it asks (its debounce), the server's work and the grid's rendering: what the analyst
 * waits. Each search starts from a freshly loaded page, so no earlier answer is on screen. {@code -Dbench.debug=1}
 * prints the page's raw timestamps and the client's own wait beside each figure.
 */
final class TypedSearchBench {
    static final String CHROMIUM = System.getProperty("sessionlens.chromium", "/usr/bin/chromium");
    static final int KEY_MS = 80;
    /** Words the analyst types: common words of the chats, a two-word phrase, a session's id, a session id prefix. */
    static final String[] FIXED = {"password", "statements", "withdrawal limit", "abroad", "nickname", "freeze",
            "interest rate", "joint account", "travel notice", "dispute"};

    /** Records when a key went down in the search field, and finds the first row of the grid. */
    private static final String INSTALL = """
            () => {
              window.__slKey = 0;
              const input = document.querySelector('#session-search input');
              input.addEventListener('keydown', () => { window.__slKey = performance.now(); }, true);
            }""";
    /** True (noting the time) once the grid's row 0 is rendered, not loading, and holds the expected session id. */
    private static final String FIRST_ROW = """
            (expected) => {
              const grid = document.querySelector('#sessions-grid');
              if (!grid || !grid.shadowRoot || grid.hidden || grid.offsetParent === null) return false;
              for (const tr of grid.shadowRoot.querySelectorAll('#items tr')) {
                if (tr.index !== 0 || tr.hidden || tr.hasAttribute('loading')) continue;
                let text = '';
                for (const slot of tr.querySelectorAll('slot'))
                  for (const el of slot.assignedElements({flatten: true})) text += el.textContent + ' ';
                if (text.includes(expected)) { window.__slSeen = performance.now(); return true; }
              }
              return false;
            }""";

    /** The page's calls to the server after the last key: when each left and when its answer was in (debug). */
    private static final String ROUND_TRIPS = """
            () => performance.getEntriesByType('resource')
                .filter(e => e.name.includes('v-r=uidl') && e.startTime >= window.__slKey)
                .map(e => Math.round(e.startTime - window.__slKey) + '-' + Math.round(e.responseEnd - window.__slKey))
                .join(', ')""";

    private final String base;
    private final String password;
    private final ListTimings.Api api;
    private final ScaleBench.Options o;

    TypedSearchBench(String base, String password, ListTimings.Api api, ScaleBench.Options o) {
        this.base = base;
        this.password = password;
        this.api = api;
        this.o = o;
    }

    void run() throws Exception {
        long total = api.json("/api/sessions?size=1").path("total").asLong();
        var rnd = new Random(80);
        List<String> words = new ArrayList<>(Arrays.asList(FIXED));
        words.add(String.format("bulk-session-%06d", rnd.nextInt((int) Math.max(1, total))));   // one session's id
        words.add(String.format("bulk-session-%04d", rnd.nextInt((int) Math.max(1, total / 100))));
        System.out.printf("%nSearch typed on the Sessions page (Chromium, 1440 x 900, a key every %d ms), from the last"
                + " key down to the new query's first row in the grid; starts %s, load average %.1f%n", KEY_MS,
                Instant.now(), ScaleBench.loadAverage());
        System.out.println("| typed | ms | sessions matched |");
        System.out.println("|---|---|---|");
        List<Long> ms = new ArrayList<>();
        try (Playwright pw = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440,
                        900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(180_000);
            signIn(page);
            for (int i = 0; i < o.typingRuns(); i++) {
                String word = words.get(i % words.size());
                JsonNode answer = api.json("/api/sessions?size=1&q=" + ListTimings.enc(word));
                String expected = answer.path("items").path(0).path("sessionId").asString();
                if (expected.isEmpty()) {
                    System.out.printf("| %s | no session matches: skipped | |%n", word);
                    continue;
                }
                // Start from one customer's session, never the one this search shows first.
                String start;
                do {
                    start = String.format("bulk-session-%06d", rnd.nextInt((int) Math.max(1, total)));
                } while (start.equals(expected));
                page.navigate(base + "/sessions?q=" + start);
                page.waitForFunction(FIRST_ROW, start);
                page.evaluate(INSTALL);
                page.locator("#session-search input").click();
                page.keyboard().press("ControlOrMeta+A");
                for (char ch : word.toCharArray()) {
                    page.keyboard().press(String.valueOf(ch), new Keyboard.PressOptions().setDelay(10));
                    page.waitForTimeout(KEY_MS - 10);
                }
                long javaLast = System.nanoTime();
                page.waitForFunction(FIRST_ROW, expected, new Page.WaitForFunctionOptions().setTimeout(180_000));
                if (System.getProperty("bench.debug") != null)
                    System.out.println("debug: java " + (System.nanoTime() - javaLast) / 1_000_000 + " ms; page "
                            + page.evaluate("() => [window.__slKey, window.__slSeen, document.querySelector("
                                    + "'#session-search input').value]")
                            + "; server round trips after the last key"
                            + " (sent, answered, ms after it): " + page.evaluate(ROUND_TRIPS));
                long took = Math.round((Double.parseDouble(page.evaluate("() => window.__slSeen - window.__slKey")
                        .toString())));
                ms.add(took);
                if (ms.size() == 1)   // what was measured, to look at: the grid showing the new query's rows
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("sessionlens-app", "target",
                            "screenshots", "scale-typed-search.png")));
                System.out.printf("| %s | %d | %,d |%n", word, took, answer.path("total").asLong());
            }
        }
        if (ms.isEmpty()) return;
        long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("typed search: p50 %d ms, p95 %d ms, max %d ms over %d searches; ends %s, load average"
                + " %.1f%n", sorted[sorted.length / 2], sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.95) - 1)],
                sorted[sorted.length - 1], sorted.length, Instant.now(), ScaleBench.loadAverage());
    }

    private void signIn(Page page) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("#current-user").waitFor();
    }
}
