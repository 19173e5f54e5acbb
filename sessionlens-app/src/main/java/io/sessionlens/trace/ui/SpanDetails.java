package io.sessionlens.trace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The selected span: a summary line and tabs for its conversation, inputs, outputs, attributes, events and
 * assessments. Every value from the trace is set as text, never as HTML.
 */
final class SpanDetails extends Div {
    private final Div summary = new Div();
    private @Nullable String selectedTab;

    SpanDetails() {
        setId("span-details");
        addClassName("span-details");
        summary.addClassName("span-summary");
        showNothing();
    }

    void showNothing() {
        summary.removeAll();
        summary.add(new Paragraph("Select a span to see its inputs, outputs, attributes and events."));
        removeAll();
        add(summary);
    }

    /** Another feature's part of the span (its annotations), under the summary line. */
    void addToSummary(com.vaadin.flow.component.Component part) {
        summary.add(part);
    }

    /** {@code title}: the span's name, or the label that tells it from its same-named siblings. */
    void show(String traceId, io.sessionlens.trace.model.Span span, String title, List<Assessment> assessments,
            boolean turnJudgesAbove) {
        summary.removeAll();
        var name = new H3(title);
        name.addClassName("span-title");
        var meta = new Div();
        meta.addClassName("span-meta");
        meta.add(badge(span.spanType(), null));
        meta.add(span.hasError()
                ? badge("ERROR", BadgeVariant.ERROR)
                : badge(span.status().name(), span.status() == SpanStatus.OK ? BadgeVariant.SUCCESS : null));
        meta.add(new Span(DurationFormat.ofNanos(span.durationNanos())));
        var id = new Span("span " + span.spanId());
        id.addClassName("span-id");
        meta.add(id);
        summary.add(name, meta);
        if (!span.statusMessage().isBlank()) {
            var message = new Paragraph(span.statusMessage());
            message.addClassName("span-status-message");
            summary.add(message);
        }

        // A fresh sheet per span: tabs come and go (Chat), and the analyst's last chosen tab is kept by id.
        TabSheet sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.addClassName("span-tabs");
        sheet.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        List<Tab> added = new ArrayList<>();
        List<ChatLines.Line> chat = ChatLines.of(span);
        if (!chat.isEmpty()) added.add(sheet.add(tab("chat", "Chat"), chat(chat)));
        added.add(
                sheet.add(tab("inputs", "Inputs"), value(traceId, span, SpanIo.inputKey(span), "No inputs recorded.")));
        added.add(sheet.add(tab("outputs", "Outputs"),
                value(traceId, span, SpanIo.outputKey(span), "No outputs recorded.")));
        added.add(sheet.add(tab("attributes", counted("Attributes", span.attributes().size())),
                attributes(traceId, span)));
        added.add(sheet.add(tab("events", counted("Events", span.events().size())), events(span)));
        added.add(sheet.add(tab("assessments", counted("Judges", assessments.size())),
                assessments(assessments, turnJudgesAbove)));
        // First look: an error span opens on its exception, a model call on its conversation.
        String firstLook = span.hasError() ? "tab-events" : chat.isEmpty() ? "tab-inputs" : "tab-chat";
        find(added, selectedTab).or(() -> find(added, firstLook)).ifPresent(sheet::setSelectedTab);
        sheet.addSelectedChangeListener(e -> {
            if (e.isFromClient() && e.getSelectedTab() != null) selectedTab = e.getSelectedTab().getId().orElse(null);
        });
        removeAll();
        add(summary, sheet);
    }

    /** The next span opens on its exception, whichever tab the analyst looked at before. */
    void preferEvents() {
        selectedTab = "tab-events";
    }

    private static Optional<Tab> find(List<Tab> tabs, @Nullable String id) {
        return id == null
                ? Optional.empty()
                : tabs.stream().filter(t -> t.getId().filter(id::equals).isPresent()).findFirst();
    }

    /** "Events 2", or just "Events" when there are none: the tabs must fit a narrow pane. */
    private static String counted(String label, int count) {
        return count == 0 ? label : label + " " + count;
    }

    private static Tab tab(String id, String label) {
        var t = new Tab(label);
        t.setId("tab-" + id);
        return t;
    }

    private static Badge badge(String text, @Nullable BadgeVariant variant) {
        var b = new Badge(text);
        b.addThemeVariants(BadgeVariant.SMALL);
        if (variant != null) b.addThemeVariants(variant);
        return b;
    }

    private static Component value(String traceId, io.sessionlens.trace.model.Span span, Optional<String> key,
            String none) {
        return key.<Component>map(k -> new TruncatedText(JsonValues.readable(Objects.requireNonNull(span.attribute(k))),
                TruncatedText.download(traceId, span.spanId(), k))).orElseGet(() -> empty(none));
    }

    private static Component empty(String text) {
        var p = new Paragraph(text);
        p.addClassName("empty-note");
        return p;
    }

    private static Component chat(List<ChatLines.Line> lines) {
        var list = new Div();
        list.addClassName("chat-lines");
        for (ChatLines.Line l : lines) {
            var role = new Span(l.role());
            role.addClassName("chat-role");
            role.addClassName("chat-role-" + l.role().replaceAll("[^a-z]", ""));
            var content = new Div();
            content.setText(l.content().length() > TruncatedText.LIMIT
                    ? l.content().substring(0, TruncatedText.LIMIT) + " …"
                    : l.content());
            content.addClassName("chat-content");
            var line = new Div(role, content);
            line.addClassName("chat-line");
            list.add(line);
        }
        return list;
    }

    private static Component attributes(String traceId, io.sessionlens.trace.model.Span span) {
        Map<String, String> attributes = span.attributes();
        if (attributes.isEmpty()) return empty("No attributes.");
        var body = new NativeTableBody();
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            var key = new NativeTableHeaderCell(e.getKey());
            key.addClassName("attr-key");
            var value = new NativeTableCell(new TruncatedText(JsonValues.readable(e.getValue()),
                    TruncatedText.download(traceId, span.spanId(), e.getKey())));
            body.add(new NativeTableRow(key, value));
        });
        var table = new NativeTable(body);
        table.addClassName("attribute-table");
        return table;
    }

    private static Component events(io.sessionlens.trace.model.Span span) {
        if (span.events().isEmpty()) return empty("No events.");
        var list = new Div();
        list.addClassName("event-list");
        for (SpanEvent ev : span.events()) {
            var card = new Div();
            card.addClassName("event-card");
            if (ev.isException()) card.addClassName("event-exception");
            var title = new Div(new Span(ev.name()),
                    new Span("+" + DurationFormat.ofNanos(Math.max(0, ev.timeUnixNano() - span.startTimeUnixNano()))));
            title.addClassName("event-title");
            card.add(title);
            if (ev.isException()) {
                String type = ev.attribute(MlflowKeys.EXCEPTION_TYPE),
                        message = ev.attribute(MlflowKeys.EXCEPTION_MESSAGE);
                var headline = new Paragraph(
                        (type == null ? "Exception" : type) + (message == null ? "" : ": " + message));
                headline.addClassName("exception-headline");
                card.add(headline);
                String stack = ev.attribute(MlflowKeys.EXCEPTION_STACKTRACE);
                if (stack != null && !stack.isBlank()) {
                    var pre = new Pre(stack);
                    pre.addClassName("span-pre");
                    pre.addClassName("stack-trace");
                    card.add(pre);
                }
            }
            ev.attributes().entrySet().stream()
                    .filter(a -> !ev.isException() || !a.getKey().startsWith("exception."))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(a -> card.add(keyValue(a.getKey(), a.getValue())));
            list.add(card);
        }
        return list;
    }

    private static Component assessments(List<Assessment> assessments, boolean turnJudgesAbove) {
        if (assessments.isEmpty())
            return empty(turnJudgesAbove
                    ? "No judge on this span: the turn's judges are at the top of the page."
                    : "No judge on this span.");
        var list = new Div();
        list.addClassName("assessment-list");
        for (Assessment a : assessments) {
            var card = new Div();
            card.addClassName("assessment-card");
            var title = new Div(new Span(a.name()), badge(a.kind().name(), null), badge(a.source().type(), null));
            title.addClassName("assessment-title");
            if (!a.valid()) title.add(badge("overridden", BadgeVariant.CONTRAST));
            card.add(title);
            if (a.valueJson() != null) card.add(keyValue("value", a.valueJson()));
            if (a.serializedValue() != null) card.add(keyValue("value", a.serializedValue().value()));
            if (a.rationale() != null) card.add(keyValue("rationale", a.rationale()));
            if (a.error() != null) {
                card.add(keyValue("scorer error", (a.error().errorCode() == null ? "" : a.error().errorCode() + ": ")
                        + (a.error().errorMessage() == null ? "" : a.error().errorMessage())));
            }
            if (a.source().id() != null) card.add(keyValue("source", a.source().id()));
            list.add(card);
        }
        return list;
    }

    private static Component keyValue(String key, String raw) {
        var k = new Span(key);
        k.addClassName("kv-key");
        var row = new Div(k, new TruncatedText(JsonValues.readable(raw)));
        row.addClassName("kv-row");
        return row;
    }
}
