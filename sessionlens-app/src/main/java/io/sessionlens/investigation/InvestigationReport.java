package io.sessionlens.investigation;

import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.ui.component.SafeMarkdown;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An investigation as a document: Markdown, or one self-contained HTML page (inline CSS, no script, no external
 * resource, printable) for the export and the read-only share link (decision record 037). Everything that comes from a
 * trace or a person is escaped; the conclusion is Markdown rendered through {@link SafeMarkdown}'s sanitizer.
 */
public final class InvestigationReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private InvestigationReport() {}

    /**
     * Links from the report into the app, or none (the share page: its reader has no account).
     */
    public interface Links {
        String session(Pin pin);

        String evidence(Pin pin);
    }

    public static String markdown(Investigation inv, Instant exportedAt) {
        var md = new StringBuilder();
        md.append("# ").append(line(inv.title())).append("\n\n");
        md.append("- Status: ").append(inv.status().label()).append('\n');
        if (inv.rootCauseKind() != null)
            md.append("- Root cause: ").append(kindLabel(inv.rootCauseKind())).append('\n');
        md.append("- Owner: ").append(line(inv.owner())).append('\n');
        md.append("- Participants: ").append(line(String.join(", ", inv.participants()))).append('\n');
        md.append("- Opened: ").append(TIME.format(inv.createdAt())).append("; last change: ")
                .append(TIME.format(inv.updatedAt())).append(" by ").append(line(inv.updatedBy())).append("\n\n");
        md.append("## Hypothesis\n\n").append(inv.hypothesis().isBlank() ? "_none yet_" : inv.hypothesis())
                .append("\n\n");
        md.append("## Conclusion\n\n").append(inv.conclusion().isBlank() ? "_none yet_" : inv.conclusion())
                .append("\n\n");
        md.append("## Evidence\n\n");
        if (inv.pins().isEmpty()) md.append("_Nothing pinned yet._\n\n");
        bySession(inv.pins()).forEach((session, pins) -> {
            Pin first = pins.getFirst();
            md.append("### Session ").append(line(first.sessionId())).append(" (experiment ")
                    .append(line(first.experimentId())).append(")\n\n");
            for (Pin p : pins) {
                md.append("- **").append(line(p.what())).append("**, pinned by ").append(line(p.pinnedBy()))
                        .append(", ").append(TIME.format(p.pinnedAt())).append("\n\n");
                // trace text: quoted, and its HTML escaped so a Markdown renderer never runs it
                for (String l : p.quote().split("\\R", -1))
                    md.append("  > ").append(escape(l)).append('\n');
                md.append('\n');
            }
        });
        md.append("---\nExported from SessionLens, ").append(TIME.format(exportedAt)).append(".\n");
        return md.toString();
    }

    /**
     * @param links where pins link to in the app; null for none (the share page)
     * @param banner a line above the title ("Read-only view shared from SessionLens"), or null
     */
    public static String html(Investigation inv, Instant exportedAt, @Nullable Links links, @Nullable String banner) {
        var h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append("<title>").append(escape(inv.title())).append(" · SessionLens investigation</title>")
                .append("<style>").append(CSS).append("</style></head><body><main>");
        if (banner != null) h.append("<p class=\"banner\" id=\"banner\">").append(escape(banner)).append("</p>");
        h.append("<h1 id=\"title\">").append(escape(inv.title())).append("</h1>");
        h.append("<p class=\"facts\"><span class=\"status ").append(inv.status().wire()).append("\">")
                .append(escape(inv.status().label())).append("</span>");
        if (inv.rootCauseKind() != null)
            h.append(" <span class=\"kind\">root cause: ").append(escape(kindLabel(inv.rootCauseKind())))
                    .append("</span>");
        h.append("</p><dl class=\"meta\"><dt>Owner</dt><dd>").append(escape(inv.owner())).append("</dd>")
                .append("<dt>Participants</dt><dd>").append(escape(String.join(", ", inv.participants())))
                .append("</dd><dt>Opened</dt><dd>").append(TIME.format(inv.createdAt())).append("</dd>")
                .append("<dt>Last change</dt><dd>").append(TIME.format(inv.updatedAt())).append(" by ")
                .append(escape(inv.updatedBy())).append("</dd></dl>");
        h.append("<h2>Hypothesis</h2><p class=\"text\" id=\"hypothesis\">")
                .append(inv.hypothesis().isBlank() ? "<em>none yet</em>" : escape(inv.hypothesis())).append("</p>");
        h.append("<h2>Conclusion</h2><div class=\"conclusion\" id=\"conclusion\">")
                .append(inv.conclusion().isBlank()
                        ? "<p><em>none yet</em></p>"
                        : SafeMarkdown.toSafeHtml(
                                inv.conclusion()))
                .append("</div>");
        h.append("<h2>Evidence</h2>");
        if (inv.pins().isEmpty()) h.append("<p><em>Nothing pinned yet.</em></p>");
        bySession(inv.pins()).forEach((session, pins) -> {
            Pin first = pins.getFirst();
            h.append("<section class=\"session\"><h3>Session ");
            if (links != null)
                h.append("<a href=\"").append(escape(links.session(first))).append("\">")
                        .append(escape(first.sessionId())).append("</a>");
            else
                h.append(escape(first.sessionId()));
            h.append(" <small>experiment ").append(escape(first.experimentId())).append("</small></h3>");
            for (Pin p : pins) {
                h.append("<article class=\"pin\"><p class=\"what\">");
                if (links != null)
                    h.append("<a href=\"").append(escape(links.evidence(p))).append("\">").append(escape(p.what()))
                            .append("</a>");
                else
                    h.append(escape(p.what()));
                h.append(" <small>pinned by ").append(escape(p.pinnedBy())).append(", ")
                        .append(TIME.format(p.pinnedAt())).append("</small></p><blockquote class=\"quote\">")
                        .append(escape(p.quote())).append("</blockquote></article>");
            }
            h.append("</section>");
        });
        h.append("<footer>").append(banner == null ? "Exported from SessionLens, " : "Read from SessionLens, ")
                .append(TIME.format(exportedAt)).append(".</footer>");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    /** Pins grouped by session, sessions in the order first pinned. */
    public static Map<String, List<Pin>> bySession(List<Pin> pins) {
        Map<String, List<Pin>> out = new LinkedHashMap<>();
        for (Pin p : pins)
            out.computeIfAbsent(p.experimentId() + "\u0000" + p.sessionId(), k -> new java.util.ArrayList<>()).add(p);
        return out;
    }

    public static String kindLabel(String wire) {
        try {
            return RootCauseKind.ofWire(wire).label();
        } catch (IllegalArgumentException unknown) {
            return wire;
        }
    }

    public static String escape(String s) {
        var b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String line(String s) {
        return escape(s.replaceAll("\\R", " "));
    }

    private static final String CSS = """
            :root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--quote:#f6f8fa;\
            --open:#0969da;--done:#1a7f37;--wont:#59636e}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;\
            --quote:#151b23;--open:#4493f8;--done:#3fb950;--wont:#9198a1}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
            Roboto,sans-serif}
            main{max-width:860px;margin:0 auto;padding:24px 16px 48px}
            h1{font-size:1.7em;margin:.2em 0;overflow-wrap:anywhere}
            h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid var(--line);padding-bottom:.2em}
            h3{font-size:1.05em;margin:1.2em 0 .4em;overflow-wrap:anywhere}
            h3 small,p.what small{color:var(--muted);font-weight:normal}
            a{color:var(--open)}
            .banner{background:var(--quote);border:1px solid var(--line);border-radius:6px;padding:6px 10px;\
            color:var(--muted);font-size:.9em}
            .status{display:inline-block;border-radius:10px;padding:1px 10px;font-size:.85em;color:#fff;\
            background:var(--open)}
            .status.concluded{background:var(--done)}.status.wont_fix{background:var(--wont)}
            .kind{color:var(--muted)}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.6em 0}
            dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
            .text{white-space:pre-wrap;overflow-wrap:anywhere}
            .conclusion{overflow-wrap:anywhere}
            .conclusion pre{white-space:pre-wrap}
            section.session{border:1px solid var(--line);border-radius:8px;padding:4px 14px 10px;margin:12px 0;\
            break-inside:avoid}
            p.what{margin:.6em 0 .2em;font-weight:600}
            blockquote.quote{margin:0 0 .6em;padding:6px 12px;background:var(--quote);border-left:3px solid \
            var(--line);white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95em}
            footer{margin-top:2em;color:var(--muted);font-size:.85em}
            @media print{:root{--fg:#000;--bg:#fff;--quote:#f4f4f4}main{max-width:none;padding:0}\
            a{color:inherit;text-decoration:none}.banner{display:none}section.session{break-inside:avoid}}
            """;
}
