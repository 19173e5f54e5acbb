package io.sessionlens.trace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Preformatted text that shows the first {@value #LIMIT} characters: one span can carry megabytes of retrieved
 * documents, and sending all of it to the browser for every click would stall the page. Up to {@value #SHOW_ALL_LIMIT}
 * characters a "Show all" button shows the rest in place; a longer value (the import takes up to 32 M characters) is
 * offered as a download instead, which the browser saves without rendering. Always text, never HTML: the content comes
 * from a trace.
 */
final class TruncatedText extends Div {
    static final int LIMIT = 20_000;
    static final int SHOW_ALL_LIMIT = 1_000_000;

    TruncatedText(String text) {
        this(text, null);
    }

    /** @param download where the whole value can be downloaded (see {@link #download}), or null */
    TruncatedText(String text, @Nullable String download) {
        addClassName("truncated-text");
        var pre = new Pre(text.length() > LIMIT ? text.substring(0, LIMIT) : text);
        pre.addClassName("span-pre");
        add(pre);
        if (text.length() <= LIMIT) return;
        var more = new Div();
        more.addClassName("truncated-actions");
        if (text.length() <= SHOW_ALL_LIMIT) {
            var all = new Button("Show all (" + size(text.length()) + ")");
            all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            all.addClassName("show-all");
            all.addClickListener(e -> {
                pre.setText(text);
                remove(more);
            });
            more.add(all);
        } else {
            more.add(new com.vaadin.flow.component.html.Span(
                    "Showing the first " + size(LIMIT) + " of " + size(text.length()) + "."));
        }
        if (download != null) {
            var link = new Anchor(download, "Download the whole value");
            link.getElement().setAttribute("download", true);
            link.getElement().setAttribute("router-ignore", true);
            link.addClassName("download-value");
            more.add(link);
        }
        add(more);
    }

    /** The API address of one span attribute's whole value. */
    static String download(String traceId, String spanId, String key) {
        return "api/span-value?traceId=" + enc(traceId) + "&spanId=" + enc(spanId) + "&key=" + enc(key);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String size(int chars) {
        return chars < 1_000_000
                ? Math.round(chars / 1000.0) + " K characters"
                : String.format(Locale.ROOT, "%.1f M characters", chars / 1e6);
    }
}
