package io.sessionlens.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sessionlens.base.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Real Chromium (Debian's /usr/bin/chromium, never a downloaded one) against the running app. Screenshots go to
 * target/screenshots/ and are meant to be looked at. Each test's page is signed in as {@link #role()} (the test admin
 * unless a test class says otherwise): each role signs in once through the login form, and later contexts reuse that
 * browser session ({@link #openAs}). {@link #openSignedOut()} opens a page with no session, {@link #signInFresh} a new
 * session of its own (for a test that signs out).
 */
public abstract class BrowserTestBase extends AppTestBase {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CHROMIUM = System.getProperty("sessionlens.chromium", "/usr/bin/chromium");

    protected static Playwright playwright;
    protected static Browser browser;
    protected BrowserContext context;
    protected Page page;
    /** Signed-in browser state (the session cookie) per app and role. */
    private static final Map<String, String> SIGNED_IN = new ConcurrentHashMap<>();

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** The role each test's page is signed in as. */
    protected Role role() {
        return Role.ADMIN;
    }

    @BeforeEach
    void openPage() {
        openAs(role());
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
    }

    /** Replaces this test's page with one signed in as {@code role} (the browser session of that role is reused). */
    protected void openAs(Role role) {
        String state = SIGNED_IN.computeIfAbsent(baseUrl() + " " + role, k -> signIn(role));
        open(new Browser.NewContextOptions().setStorageState(state));
    }

    /** Options for a further browser context signed in as {@code role} (a colleague's browser, a colour scheme…). */
    protected Browser.NewContextOptions signedIn(Role role) {
        String state = SIGNED_IN.computeIfAbsent(baseUrl() + " " + role, k -> signIn(role));
        return new Browser.NewContextOptions().setStorageState(state);
    }

    /** Replaces this test's page with one that has no session at all. */
    protected void openSignedOut() {
        open(new Browser.NewContextOptions());
    }

    /** Replaces this test's page with one signed in through the login form in a session of its own. */
    protected void signInFresh(Role role) {
        openSignedOut();
        fillLoginForm(role);
    }

    private void open(Browser.NewContextOptions options) {
        if (context != null) context.close();
        context = browser.newContext(options.setViewportSize(1440, 900));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
    }

    private String signIn(Role role) {
        if (role != Role.ADMIN) TestUsers.ensure(baseUrl());
        try (var c = browser.newContext()) {
            Page p = c.newPage();
            p.setDefaultTimeout(20_000);
            Page mine = page;
            page = p;
            try {
                fillLoginForm(role);
            } finally {
                page = mine;
            }
            return c.storageState();
        }
    }

    /** Opens the login page, signs in as the test user of {@code role} and waits for the first page behind it. */
    protected void fillLoginForm(Role role) {
        var login = TestUsers.of(role);
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Username").fill(login.username());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(login.password());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("#current-user").waitFor();
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Vaadin finishes rendering asynchronously; wait until no server round trip is pending. */
    protected void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }
}
