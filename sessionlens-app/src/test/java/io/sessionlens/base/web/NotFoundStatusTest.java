package io.sessionlens.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: an address that is no page answers HTTP 404 (Vaadin's not-found view answered 200), for a signed-in user as
 * the browser sees it; known pages and the favicon answer 200, and a signed-out visitor is sent to the sign-in page.
 */
class NotFoundStatusTest extends BrowserTestBase {

    int status(String path) {
        var response = page.navigate(baseUrl() + path);
        assertThat(response).isNotNull();
        return response.status();
    }

    @Test
    void unknown_pages_answer_404_and_known_ones_200() {
        assertThat(status("/no-such-page")).isEqualTo(404);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByText("Page not found").first())
                .isVisible();
        assertThat(status("/import/nothing-here")).isEqualTo(404);
        assertThat(status("/")).isEqualTo(200);
        assertThat(status("/sessions")).isEqualTo(200);
        assertThat(status("/import")).isEqualTo(200);
        assertThat(status("/sessions/some-exp/some.session-id")).isEqualTo(200);

        var http = new Http(baseUrl());
        assertThat(http.get("/favicon.svg").status()).isEqualTo(200);
        assertThat(http.get("/favicon.svg").body()).contains("<svg");
        assertThat(http.get("/styles/sessionlens.css").status()).isEqualTo(200);
        assertThat(http.get("/api/sessions?size=1").status()).isEqualTo(200);
        assertThat(http.anonymous().getPage("/no-such-page").status()).as("signed out: to the sign-in page")
                .isEqualTo(302);
    }
}
