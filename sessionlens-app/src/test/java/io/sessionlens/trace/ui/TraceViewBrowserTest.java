package io.sessionlens.trace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.sessionlens.support.TestTraces.T0_NANOS;
import static io.sessionlens.support.TestTraces.id;
import static io.sessionlens.support.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.TraceStore;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TraceViewBrowserTest extends BrowserTestBase {
    static final String EXPERIMENT = "exp-trace-view";
    static final String SESSION = "session-big";
    static final String BIG = "tr-big-5000";
    static final String SECOND = "tr-big-second";
    static final String XSS = "tr-xss";
    static final String IMG = "<img src=x onerror=window.__xss=1>";
    static final String SCRIPT = "<script>window.__xss=1</script>";
    /** 833 steps of 6 spans, the agent root and an orphan: 5,000 spans. Tool calls of steps 401 and 701 fail. */
    static final int STEPS = 833;
    private static boolean stored;

    @Autowired TraceStore store;

    @BeforeEach
    void storeTraces() {
        if (stored) return;
        Instant t0 = Instant.parse("2025-06-01T09:00:00Z");
        Trace run = TestTraces.agentRun(BIG, EXPERIMENT, SESSION, t0, STEPS, Set.of(400, 700));
        List<Span> spans = new ArrayList<>(run.spans());
        // A span whose parent was never exported: shown as a root of its own.
        spans.add(span(id(99_999), "0000000000abcdef", "late_callback", "UNKNOWN", T0_NANOS + 5, T0_NANOS + 10));
        store.store(List.of(new Trace(run.info(), spans)));
        store.store(List.of(TestTraces.agentRun(SECOND, EXPERIMENT, SESSION, t0.plusSeconds(90), 2, Set.of())));
        store.store(List.of(xssTrace()));
        stored = true;
    }

    private static Trace xssTrace() {
        String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + SCRIPT.replace("/", "\\/") + "\"}]}";
        var event = new SpanEvent(MlflowKeys.EXCEPTION_EVENT, T0_NANOS + 2,
                Map.of(MlflowKeys.EXCEPTION_TYPE, IMG, MlflowKeys.EXCEPTION_MESSAGE, SCRIPT,
                        MlflowKeys.EXCEPTION_STACKTRACE, IMG));
        Span evil = new Span(id(2), id(1), IMG, T0_NANOS + 1, T0_NANOS + 3, SpanStatus.ERROR, SCRIPT,
                Map.of(MlflowKeys.SPAN_TYPE, "\"LLM\"", MlflowKeys.SPAN_INPUTS, chat, MlflowKeys.SPAN_OUTPUTS,
                        "\"" + IMG + "\"", IMG, "\"" + SCRIPT.replace("/", "\\/") + "\""),
                List.of(event));
        TraceInfo info = TestTraces.info(XSS, EXPERIMENT, "session-" + IMG, Instant.parse("2025-06-02T09:00:00Z"),
                TraceState.ERROR);
        var judged = new Assessment("a-xss", IMG, Assessment.Kind.FEEDBACK, id(2),
                AssessmentSource.of("LLM_JUDGE", SCRIPT), null, null,
                "\"no\"", null, null, SCRIPT, Map.of(), null, true, "{}");
        info = new TraceInfo(info.traceId(), info.experimentId(), info.requestTime(), info.executionDurationMs(),
                info.state(),
                null, null, null, info.metadata(), info.tags(), List.of(judged));
        return new Trace(info, List.of(span(id(1), null, SCRIPT, "AGENT", T0_NANOS, T0_NANOS + 5), evil));
    }

    private Locator row(String name) {
        return page.locator("#span-tree .span-name[title='" + name + "']");
    }

    private Locator toggle(String name) {
        return page.locator("#span-tree vaadin-grid-tree-toggle",
                new com.microsoft.playwright.Page.LocatorOptions()
                        .setHas(page.locator(".span-name[title='" + name + "']")));
    }

    /** TabSheet keeps every tab's content in the page; only the selected one is shown. */
    private Locator shownPre() {
        return page.locator("#span-details .span-pre >> visible=true").first();
    }

    private void open(String path) {
        page.navigate(baseUrl() + "/" + path);
        waitForVaadin();
    }

    @Test
    void a_five_thousand_span_trace_opens_at_its_first_failure_and_expands_a_level_at_a_time() {
        open(TraceNavigation.traceUrl(BIG));

        assertThat(page.locator("#span-count")).containsText("5,000");
        assertThat(page.locator("#span-count")).containsText("2 with errors");
        // it opens where the first failure started: the path to step 401's tool call open, the call selected
        assertThat(page.locator("#span-details .span-title")).hasText("get_weather");
        assertThat(toggle("step 401")).hasAttribute("expanded", "");
        assertThat(toggle("step 402")).not().hasAttribute("expanded", "");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("traces/" + BIG + "$"));

        page.evaluate("() => document.querySelector('#span-tree').scrollToIndex(0)");
        assertThat(row("agent")).isVisible();
        assertThat(row("step 1")).isVisible();
        assertThat(row("embed_query")).hasCount(0);   // grandchildren wait for their own expand
        screenshot("trace-view-expanded");
        page.evaluate("() => document.querySelector('#span-tree').scrollToIndex(1)");   // the second root
        assertThat(row("late_callback")).isVisible();   // the orphan: a root of its own
    }

    @Test
    void next_error_opens_the_path_to_the_failed_tool_call_and_shows_its_stack_trace() {
        open(TraceNavigation.traceUrl(BIG, id(1)));   // the agent root selected
        assertThat(row("agent")).isVisible();

        page.locator("#next-error").click();

        Locator details = page.locator("#span-details");
        assertThat(details.locator(".span-title")).hasText("get_weather");
        assertThat(row("get_weather")).isVisible();
        page.locator("#tab-events").click();
        assertThat(details.locator(".exception-headline")).hasText("httpx.ReadTimeout: read timed out");
        assertThat(details.locator(".stack-trace"))
                .containsText("File \"/app/agent/tools.py\", line 42, in call_weather_api");
        assertThat(page.locator("vaadin-grid-cell-content .span-name[title='get_weather']").first()).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("traces/" + BIG + "\\?span="));
        screenshot("trace-view-error-events");

        page.locator("#tab-inputs").click();
        assertThat(shownPre()).hasText("{\n  \"city\" : \"Oslo\",\n  \"units\" : \"metric\"\n}");
        screenshot("trace-view-error-inputs");

        page.locator("#next-error").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("span=" + id(2 + 700 * 6 + 5) + "$"));
        assertThat(details.locator(".span-status-message")).hasText("httpx.ReadTimeout: read timed out");
    }

    @Test
    void a_link_to_a_span_expands_the_tree_down_to_it_and_selects_it() {
        // step 300 starts at span 2 + 299 × 6 = 1796; its retriever's second child is 1796 + 4
        open(TraceNavigation.traceUrl(BIG, id(1800)));

        Locator details = page.locator("#span-details");
        assertThat(details.locator(".span-title")).hasText("vector_search");
        // only the path down to it is open: one retriever's children in the whole tree
        assertThat(row("vector_search")).isVisible();
        assertThat(row("embed_query")).hasCount(1);
        screenshot("trace-view-deep-link");
    }

    @Test
    void a_model_call_shows_its_conversation_and_the_turn_buttons_move_through_the_session() {
        open(TraceNavigation.traceUrl(SECOND, id(3)));
        assertThat(page.locator("#turn-position")).containsText("2 of 2");
        assertThat(page.locator("#span-details .chat-line")).hasCount(3);
        assertThat(page.locator("#span-details .chat-content").nth(1)).hasText("What is the weather in Oslo? (step 1)");
        assertThat(page.locator("#next-turn")).isDisabled();
        assertThat(page.locator("#session-link")).hasAttribute("href", "sessions/" + EXPERIMENT + "/" + SESSION);
        screenshot("trace-view-chat");
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");   // what MainLayout's switch does
        screenshot("trace-view-chat-dark");

        page.locator("#previous-turn").click();
        assertThat(page.locator("#turn-position")).containsText("1 of 2");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("traces/" + BIG + "$"));
        assertThat(page.locator("#span-details .span-title")).hasText("get_weather");
    }

    @Test
    void expand_path_to_errors_opens_every_ancestor_of_the_error_spans() {
        open(TraceNavigation.traceUrl(BIG, id(1)));
        assertThat(row("agent")).isVisible();
        page.locator("#expand-errors").click();
        waitForVaadin();

        // the grid scrolls by index path: the agent root's 401st child, then its 701st
        page.evaluate("() => document.querySelector('#span-tree').scrollToIndex(0, 400)");
        assertThat(toggle("step 401")).hasAttribute("expanded", "");
        assertThat(toggle("step 402")).not().hasAttribute("expanded", "");
        page.evaluate("() => document.querySelector('#span-tree').scrollToIndex(0, 700)");
        assertThat(toggle("step 701")).hasAttribute("expanded", "");
        assertThat(row("get_weather").first()).isVisible();
        screenshot("trace-view-error-paths");
    }

    @Test
    void an_unknown_trace_says_so() {
        open(TraceNavigation.traceUrl("tr-never-imported"));
        assertThat(page.locator("#trace-missing")).hasText("No trace with id tr-never-imported has been imported.");
    }

    @Test
    void markup_in_trace_content_is_shown_as_text_and_never_runs() {
        open(TraceNavigation.traceUrl(XSS, id(2)));
        Locator details = page.locator("#span-details");
        assertThat(details.locator(".span-title")).hasText(IMG);
        assertThat(details.locator(".span-status-message")).hasText(SCRIPT);
        assertThat(row(IMG)).isVisible();
        assertThat(page.locator("#span-tree .span-name").first()).hasText(SCRIPT);

        page.locator("#tab-events").click();
        assertThat(details.locator(".exception-headline")).hasText(IMG + ": " + SCRIPT);
        assertThat(details.locator(".stack-trace")).hasText(IMG);
        page.locator("#tab-chat").click();
        assertThat(details.locator(".chat-content")).hasText(SCRIPT);
        page.locator("#tab-inputs").click();
        assertThat(shownPre()).containsText(SCRIPT);
        page.locator("#tab-outputs").click();
        assertThat(shownPre()).hasText(IMG);
        page.locator("#tab-attributes").click();
        assertThat(details.locator(".attr-key", new Locator.LocatorOptions().setHasText(IMG))).isVisible();
        screenshot("trace-view-xss");
        page.locator("#tab-assessments").click();
        assertThat(details.locator(".assessment-title")).containsText(IMG);
        assertThat(details.locator(".kv-row", new Locator.LocatorOptions().setHasText("rationale")))
                .containsText(SCRIPT);

        assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        assertThat(page.locator("#span-details img, #span-tree img, #trace-header img")).hasCount(0);
    }
}
