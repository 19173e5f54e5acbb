package io.sessionlens.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo accounts: there (password = name, listed on the login page) with the demo on; after a start with the demo
 * off, none of them signs in, by password or by a token made while they were on (decision record 021).
 */
class DemoAccountsTest extends BrowserTestBase {
    @Autowired AccountSetup setup;

    @Test
    void demo_accounts_exist_with_the_demo_on_and_not_with_it_off() {
        var http = new Http(baseUrl());
        String token;
        try {
            setup.apply(true, null);
            assertThat(http.as("viewer", "viewer").get("/api/sessions").status()).isEqualTo(200);
            assertThat(http.as("analyst", "analyst").get("/api/sessions").status()).isEqualTo(200);
            assertThat(http.as("manager", "manager").get("/api/audit").status()).isEqualTo(200);
            assertThat(http.as("viewer", "viewer").postJson("/api/imports", "[]").status()).isEqualTo(403);
            // the test admin is a real account: the demo leaves it (and its password) alone
            assertThat(http.as("admin", "admin").get("/api/sessions").status()).isEqualTo(401);
            token = http.as("analyst", "analyst").postJson("/api/tokens", "{\"name\":\"demo\"}").json().get("token")
                    .asString();
            assertThat(http.anonymous().withToken(token).get("/api/sessions").status()).isEqualTo(200);

            openSignedOut();
            page.navigate(baseUrl() + "/login");
            assertThat(page.locator("#demo-accounts")).containsText("viewer");
            assertThat(page.locator("#demo-accounts")).containsText("analyst");
            assertThat(page.locator("#demo-accounts")).containsText("manager");
            assertThat(page.locator("#login-help")).containsText("the password is the user name");
            screenshot("login-demo-1440");
        } finally {
            setup.apply(false, null);
        }
        assertThat(http.as("viewer", "viewer").get("/api/sessions").status()).isEqualTo(401);
        assertThat(http.as("manager", "manager").get("/api/sessions").status()).isEqualTo(401);
        assertThat(http.anonymous().withToken(token).get("/api/sessions").status()).isEqualTo(401);
        var users = http.get("/api/users").json();
        assertThat(users.valueStream().filter(u -> u.get("username").asString().equals("viewer")).findFirst()
                .orElseThrow().get("enabled").asBoolean()).isFalse();

        page.navigate(baseUrl() + "/login");
        assertThat(page.locator("#login-help")).containsText("First start?");
        assertThat(page.locator("#demo-accounts")).hasCount(0);
        screenshot("login-no-demo-1440");
    }
}
