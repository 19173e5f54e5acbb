package io.sessionlens.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.Test;

/** A page address no route matches answers 404 (with the "Page not found" page); real pages and files answer 200. */
class NotFoundStatusTest extends AppTestBase {

    @Test
    void unknown_pages_answer_404_and_known_ones_200() {
        var http = new Http(baseUrl());
        assertThat(http.getPage("/no-such-page").status()).isEqualTo(404);
        assertThat(http.getPage("/import/nothing-here").status()).isEqualTo(404);
        assertThat(http.getPage("/").status()).isEqualTo(200);
        assertThat(http.getPage("/sessions").status()).isEqualTo(200);
        assertThat(http.getPage("/import").status()).isEqualTo(200);
        assertThat(http.getPage("/sessions/some-exp/some.session-id").status()).isEqualTo(200);
        assertThat(http.get("/favicon.svg").status()).isEqualTo(200);
        assertThat(http.get("/favicon.svg").body()).contains("<svg");
        assertThat(http.get("/styles/sessionlens.css").status()).isEqualTo(200);
        assertThat(http.get("/api/sessions?size=1").status()).isEqualTo(200);
    }
}
