package io.sessionlens.base.ui.component;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Chat text from a trace rendered as Markdown, safely: CommonMark escapes raw HTML in the text and drops unsafe link
 * schemes, then jsoup's allow-list cleaner removes anything that could still run script. Trace text is untrusted.
 */
public final class SafeMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed().removeTags("img")
            .addAttributes("a", "rel").addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private SafeMarkdown() {}

    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(html, ALLOWED);
    }

    /** A component showing the rendered text; {@code Html} needs one root element, hence the wrapping div. */
    public static Div render(String markdown) {
        var div = new Div();
        div.addClassName("sl-markdown");
        div.add(new Html("<div>" + toSafeHtml(markdown) + "</div>"));
        return div;
    }
}
