package io.sessionlens.account.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.BackgroundAnalysisTest;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each role signed in through the login form in real Chromium, and what it may see and do. */
class RolesBrowserTest extends BrowserTestBase {
    static final String EXP = "exp-roles-ui";
    static final String SESSION_URL = "/sessions/" + EXP + "/s-roles";

    @BeforeEach
    void aSession() {
        var a = new Http(baseUrl()).postJson("/api/imports",
                BackgroundAnalysisTest.trace(EXP, "s-roles", "00000000000000000000000000a01e51"));
        assertThat(a.status()).isEqualTo(200);
    }

    Locator nav(String text) {
        return page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void a_viewer_reads_but_has_no_import_and_no_settings_save() {
        openAs(Role.VIEWER);
        page.navigate(baseUrl() + "/sessions");
        waitForVaadin();
        assertThat(page.locator("#current-user")).containsText("test-viewer · viewer");
        assertThat(nav("Sessions")).hasCount(1);
        assertThat(nav("Profile")).hasCount(1);
        assertThat(nav("Import")).hasCount(0);
        assertThat(nav("Audit log")).hasCount(0);
        assertThat(nav("Users")).hasCount(0);

        page.navigate(baseUrl() + SESSION_URL);
        waitForVaadin();
        page.getByText("Which judge values are failures?").click();
        assertThat(page.locator("#polarity-editor")).isVisible();
        assertThat(page.locator("#polarity-save")).isHidden();
        assertThat(page.locator("#polarity-editor")).containsText("Only managers and admins change these.");
        assertThat(page.locator("#polarity-editor vaadin-text-field").first()).hasAttribute("readonly", "");
        screenshot("roles-viewer-session");

        for (String path : new String[]{"/import", "/audit", "/users"}) {
            page.navigate(baseUrl() + path);
            assertThat(page.locator("#error-view")).containsText("Page not found");
        }
        assertThat(page.locator("#import-upload")).hasCount(0);
    }

    @Test
    void an_analyst_imports_but_does_not_change_settings_or_read_the_audit() {
        openAs(Role.ANALYST);
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        assertThat(page.locator("#import-upload")).isVisible();
        assertThat(nav("Import")).hasCount(1);
        assertThat(nav("Audit log")).hasCount(0);
        page.navigate(baseUrl() + SESSION_URL);
        waitForVaadin();
        page.getByText("Which judge values are failures?").click();
        assertThat(page.locator("#polarity-editor")).isVisible();
        assertThat(page.locator("#polarity-save")).isHidden();
    }

    @Test
    void a_manager_changes_settings_after_confirming_and_reads_it_in_the_audit_log() {
        openAs(Role.MANAGER);
        page.navigate(baseUrl() + SESSION_URL);
        waitForVaadin();
        assertThat(nav("Audit log")).hasCount(1);
        assertThat(nav("Users")).hasCount(0);
        page.getByText("Which judge values are failures?").click();
        page.locator("#polarity-editor vaadin-text-field input").first().fill("no, nope");
        page.locator("#polarity-save").click();
        assertThat(page.locator("#reanalyse-confirm")).containsText("Re-analyse 1 session?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        assertThat(new Http(baseUrl()).get("/api/experiments/" + EXP + "/settings").json().get("failingValues"))
                .isEmpty();   // cancelled: nothing saved
        page.locator("#polarity-save").click();
        page.waitForResponse(r -> r.url().contains(SESSION_URL) && r.request().isNavigationRequest(),
                () -> page.getByRole(AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save and re-analyse 1 session")).click());   // reloads
        waitForVaadin();
        assertThat(new Http(baseUrl()).get("/api/experiments/" + EXP + "/settings").json().get("failingValues"))
                .isNotEmpty();

        page.navigate(baseUrl() + "/audit?kind=experiment-settings");
        waitForVaadin();
        var row = page.locator("#audit vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("settings of experiment " + EXP)).first();
        assertThat(row).isVisible();
        assertThat(page.locator("#audit")).not().containsText("new traces");   // imports filtered out
        screenshot("audit-filtered");
        row.click();
        assertThat(page.locator(".sl-audit-details").first()).containsText("Before");
        assertThat(page.locator(".sl-audit-details").first()).containsText("nope");
        screenshot("audit-1440");
        page.setViewportSize(400, 800);
        screenshot("audit-400");
    }

    @Test
    void an_admin_manages_users_on_the_users_page() {
        page.navigate(baseUrl() + "/users");
        waitForVaadin();
        assertThat(nav("Users")).hasCount(1);
        page.locator("#new-username input").fill("carol");
        page.locator("#new-password input").fill("short");
        page.locator("#user-create").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("at least 10 characters");
        page.locator("#new-password input").fill("carol-password-1");
        page.locator("#user-create").click();
        assertThat(page.locator("#users")).containsText("carol");
        assertThat(new Http(baseUrl()).as("carol", "carol-password-1").get("/api/sessions").status()).isEqualTo(200);
        screenshot("users-1440");
        page.setViewportSize(400, 800);
        screenshot("users-400");
        assertThat(new Http(baseUrl()).delete("/api/users/carol").status()).isEqualTo(204);
    }

    @Test
    void a_token_made_on_the_profile_page_is_shown_once_works_and_stops_when_revoked() {
        openAs(Role.ANALYST);
        page.navigate(baseUrl() + "/profile");
        waitForVaadin();
        assertThat(page.locator("#profile-who")).containsText("test-analyst");
        page.locator("#token-name input").fill("laptop script");
        page.locator("#token-create").click();
        String token = page.locator("#token-value").textContent().strip();
        assertThat(token).startsWith("sl_");
        assertThat(page.locator("#tokens")).containsText("laptop script");
        screenshot("profile-token-1440");
        var bearer = new Http(baseUrl()).anonymous().withToken(token);
        assertThat(bearer.get("/api/sessions").status()).isEqualTo(200);

        page.reload();
        waitForVaadin();
        assertThat(page.locator("#token-value")).hasCount(0);   // shown once only
        page.setViewportSize(400, 800);
        screenshot("profile-400");
        page.locator("vaadin-button[data-token='laptop script']").click();
        assertThat(page.locator("#tokens")).not().containsText("laptop script");
        assertThat(page.locator("#tokens")).containsText("No tokens yet");
        assertThat(bearer.get("/api/sessions").status()).isEqualTo(401);
    }

    @Test
    void the_login_page_refuses_a_wrong_password_and_signing_out_returns_to_it() {
        openSignedOut();
        page.navigate(baseUrl() + SESSION_URL);
        page.waitForURL("**/login");
        page.getByLabel("Username").fill(TestUsers.ADMIN);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("wrong-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/login?error");
        assertThat(page.locator("#login-form")).containsText("Incorrect username or password");

        signInFresh(Role.ANALYST);
        page.navigate(baseUrl() + SESSION_URL);
        waitForVaadin();
        page.locator("#sign-out").click();
        page.waitForURL("**/login");
        page.navigate(baseUrl() + "/sessions");
        page.waitForURL("**/login");
    }

    @Test
    void the_login_page_in_light_and_dark_at_phone_and_desktop_width() {
        for (boolean dark : new boolean[]{false, true}) {
            openSignedOut();
            if (dark) context.addInitScript("localStorage.setItem('sessionlens-theme','dark')");
            for (int width : new int[]{400, 1440}) {
                page.setViewportSize(width, 900);
                page.navigate(baseUrl() + "/login");
                waitForVaadin();
                assertThat(page.locator("#login-form")).isVisible();
                if (dark) assertThat(page.locator("html")).hasAttribute("theme", "dark");
                screenshot("login-" + (dark ? "dark" : "light") + "-" + width);
            }
        }
    }
}
