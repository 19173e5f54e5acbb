package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.trace.SessionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scrolling a long sessions list in real Chromium: the grid reads the pages after the first by the cursor where the
 * previous page ended (decision 045), a jump by the scroll bar by position; either way every row is the one the list's
 * order puts there, none twice, none missing.
 */
class SessionsScrollBrowserTest extends BrowserTestBase {
    private static final String EXP = "scroll-exp";
    private static final int SESSIONS = 420;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** Row index → the session id the grid shows there, for the rows rendered and loaded. */
    private static final String RENDERED = """
            () => {
              const grid = document.querySelector('#sessions-grid');
              const out = {};
              for (const tr of grid.shadowRoot.querySelectorAll('#items tr')) {
                if (tr.hidden || tr.hasAttribute('loading') || tr.index === undefined) continue;
                let text = '';
                for (const slot of tr.querySelectorAll('slot'))
                  for (const el of slot.assignedElements({flatten: true})) text += el.textContent + ' ';
                const m = text.match(/scroll-s-\\d{3}/);
                if (m) out[tr.index] = m[0];
              }
              return out;
            }""";

    @Autowired SessionIndexRepository index;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void manySessions() {
        List<SessionIndexEntity> rows = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            // every third pair shares its last activity: ties ordered by key
            Instant last = T0.plusSeconds(60L * (i - i % 3 / 2));
            String id = "scroll-s-%03d".formatted(i);
            var e = new SessionIndexEntity(new SessionRef(EXP, id));
            e.setSessionId(id);
            e.setTurnCount(1 + i % 7);
            e.setFirstRequestTime(last.minusSeconds(30));
            e.setLastRequestTime(last);
            e.setWorstState("OK");
            e.setTotalDurationMs(100 + i % 11);
            e.setFirstInput("question " + i);
            e.setSearchText(id + "\nquestion " + i);
            e.setUpdatedAt(last);
            e.setAnalysisJson("{}");
            e.markAnalysed();
            rows.add(e);
        }
        new TransactionTemplate(transactions).executeWithoutResult(s -> index.saveAll(rows));
    }

    @AfterEach
    void removeThem() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> index.findAll().stream()
                .filter(e -> e.ref().experimentId().equals(EXP)).forEach(index::delete));
    }

    @Test
    void scrolling_to_the_end_and_jumping_to_the_middle_show_each_session_where_the_order_puts_it() {
        List<String> expected = new ArrayList<>();
        var http = new io.sessionlens.support.Http(baseUrl());
        http.get("/api/sessions?size=500&experiment=" + EXP).json().get("items")
                .forEach(i -> expected.add(i.get("sessionId").asString()));
        assertThat(expected).hasSize(SESSIONS).doesNotHaveDuplicates();

        page.navigate(baseUrl() + "/sessions?experiment=" + EXP);
        waitForVaadin();
        Map<Integer, String> seen = new java.util.TreeMap<>();
        for (int row = 0; row < SESSIONS; row += 40) {   // the analyst scrolling down, a screen at a time
            page.evaluate("i => document.querySelector('#sessions-grid').scrollToIndex(i)", row);
            collect(row, seen);
        }
        page.evaluate("i => document.querySelector('#sessions-grid').scrollToIndex(i)", SESSIONS - 1);
        collect(SESSIONS - 1, seen);
        screenshot("sessions-scrolled-to-the-end");
        seen.forEach((i, id) -> assertThat(id).as("row " + i).isEqualTo(expected.get(i)));
        assertThat(seen).containsKey(SESSIONS - 1);
        assertThat(seen.size()).as("rows checked").isGreaterThan(SESSIONS / 2);

        // a fresh page, dragged straight to the middle: read by position
        page.navigate(baseUrl() + "/sessions?experiment=" + EXP + "&sort=latency,desc");
        waitForVaadin();
        List<String> byLatency = new ArrayList<>();
        http.get("/api/sessions?size=500&sort=latency,desc&experiment=" + EXP).json().get("items")
                .forEach(i -> byLatency.add(i.get("sessionId").asString()));
        page.evaluate("i => document.querySelector('#sessions-grid').scrollToIndex(i)", SESSIONS / 2);
        Map<Integer, String> middle = new java.util.TreeMap<>();
        collect(SESSIONS / 2, middle);
        middle.forEach((i, id) -> assertThat(id).as("row " + i + " by latency").isEqualTo(byLatency.get(i)));
    }

    /** Waits until the row asked for is rendered and loaded, then notes every loaded row. */
    @SuppressWarnings("unchecked")
    private void collect(int row, Map<Integer, String> seen) {
        page.waitForFunction("i => { const r = (" + RENDERED + ")(); return r[i] !== undefined; }", row);
        Map<String, Object> rendered = (Map<String, Object>) page.evaluate(RENDERED);
        rendered.forEach((k, v) -> seen.put(Integer.parseInt(k), (String) v));
    }
}
