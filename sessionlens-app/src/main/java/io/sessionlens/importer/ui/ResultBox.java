package io.sessionlens.importer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.importer.ImportProblem;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.trace.SessionRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One file's result on the import page, and the total over a batch of files: text only, never HTML from a file. */
final class ResultBox {
    /** Up to this many sessions, a file's result links each; beyond, it links the list filtered by experiment. */
    static final int LINKED_SESSIONS = 5;

    private ResultBox() {}

    /** How a file went, as its colour says: nothing stored, some traces lost, or all of it stored. */
    enum Status {
        ERROR, WARNING, SUCCESS;

        static Status of(ImportReport.FileReport f) {
            if (f.traces() == 0 && f.experimentsNamed() > 0) return f.errors().isEmpty() ? SUCCESS : WARNING;
            if (f.traces() == 0) return ERROR;
            if (f.rejected() > 0 || f.stoppedReading() != null || !f.errors().isEmpty()) return WARNING;
            return SUCCESS;
        }
    }

    static Component of(ImportReport.FileReport f, ImportReport report, Function<String, String> experimentName) {
        Status status = Status.of(f);
        var box = new Div();
        box.addClassNames("import-result", "import-result--" + status.name().toLowerCase(java.util.Locale.ROOT));
        box.getElement().setAttribute("data-file", f.name());
        box.getElement().setAttribute("data-status", status.name().toLowerCase(java.util.Locale.ROOT));
        var title = new Span(f.name());
        title.addClassName("import-result-name");
        var badge = new Span(summary(f));   // a span, not a badge: a long summary wraps on a phone
        badge.addClassNames("import-status", "import-status--" + status.name().toLowerCase(java.util.Locale.ROOT));
        var head = new Div(title, badge);
        head.addClassName("import-result-head");
        box.add(head);
        if (f.traces() > 0 && !report.sessions().isEmpty())
            box.add(sessionLinks(report.sessions(), experimentName));
        if (!f.errors().isEmpty()) box.add(problems("Problems", f.errors(), "import-problems"));
        if (!f.warnings().isEmpty()) box.add(problems("Warnings", f.warnings(), "import-warnings"));
        return box;
    }

    static String summary(ImportReport.FileReport f) {
        if (f.traces() == 0 && f.experimentsNamed() > 0)
            return "names of " + plural(f.experimentsNamed(), "experiment") + " read (no traces in it)";
        if (f.traces() == 0) {
            if (f.read() > 0)
                return "nothing imported: " + (f.read() == 1
                        ? "its one trace was not stored"
                        : "none of its " + f.read() + " traces was stored");
            return f.errors().isEmpty() ? "nothing imported: no traces found" : "nothing imported";
        }
        return "%s stored: %d new, %d updated, %d unchanged, in %s".formatted(plural(f.traces(), "trace"),
                f.imported(), f.updated(), f.unchanged(), plural(f.sessions(), "session"))
                + (f.rejected() > 0 ? "; %s not stored".formatted(plural(f.rejected(), "trace")) : "")
                + (f.stoppedReading() != null ? "; the rest of the file was not read" : "");
    }

    /** The sessions one at a time when they are few, otherwise the sessions list of each experiment. */
    private static Component sessionLinks(List<SessionRef> sessions, Function<String, String> experimentName) {
        var links = new Div();
        links.addClassName("import-result-links");
        if (sessions.size() <= LINKED_SESSIONS) {
            links.add(new Span(sessions.size() == 1 ? "Open the session: " : "Open the sessions: "));
            for (SessionRef s : sessions) {
                var a = new Anchor("sessions/" + RouteIds.encode(s.experimentId()) + "/"
                        + RouteIds.encode(s.sessionId()), s.sessionId());
                a.addClassName("import-session-link");
                links.add(a);
            }
            return links;
        }
        Map<String, Integer> byExperiment = new LinkedHashMap<>();
        for (SessionRef s : sessions) byExperiment.merge(s.experimentId(), 1, Integer::sum);
        links.add(new Span(plural(sessions.size(), "session") + ": "));
        byExperiment.forEach((exp, n) -> {
            var a = new Anchor("sessions?experiment=" + URLEncoder.encode(exp, StandardCharsets.UTF_8),
                    n + " in " + experimentName.apply(exp));
            a.addClassName("import-experiment-link");
            a.setTitle("the sessions list filtered to experiment " + exp);
            links.add(a);
        });
        return links;
    }

    /** "3 files (1 imported nothing) · 40 new, 2 updated, 0 unchanged, 1 rejected traces · 12 sessions". */
    static Component total(List<ImportReport> batch) {
        int files = 0, failed = 0, imported = 0, updated = 0, unchanged = 0, rejected = 0;
        Set<SessionRef> sessions = new LinkedHashSet<>();
        for (ImportReport r : batch) {
            for (var f : r.files()) {
                files++;
                if (f.traces() == 0 && f.experimentsNamed() == 0) failed++;
                imported += f.imported();
                updated += f.updated();
                unchanged += f.unchanged();
                rejected += f.rejected();
            }
            sessions.addAll(r.sessions());
        }
        var label = new Span("This batch: ");
        label.addClassName("sl-import-total-label");
        var text = new Span(plural(files, "file")
                + (failed > 0 ? " (" + failed + " imported nothing)" : "")
                + " · traces: %d new, %d updated, %d unchanged, %d rejected · %s".formatted(imported, updated,
                        unchanged, rejected, plural(sessions.size(), "session")));
        var d = new Div(label, text);
        d.addClassName(failed > 0 || rejected > 0 ? "sl-import-total--problems" : "sl-import-total--ok");
        return d;
    }

    static Component code(String text) {
        var c = new Span(text);
        c.addClassName("sl-code");
        return c;
    }

    static String plural(int n, String noun) {
        return "%,d %s%s".formatted(n, noun, n == 1 ? "" : "s");
    }

    private static Component problems(String label, List<ImportProblem> list, String className) {
        var ul = new UnorderedList();
        list.stream().limit(50).forEach(p -> ul.add(new ListItem(p.describe())));   // text nodes: trace content is never HTML
        if (list.size() > 50) ul.add(new ListItem("… and " + (list.size() - 50) + " more"));
        var d = new Div(new Span(label + " (" + list.size() + ")"), ul);
        d.addClassName(className);
        return d;
    }
}
