package io.sessionlens.trace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.util.Locale;

/**
 * Preformatted text that shows the first {@value #LIMIT} characters and a "Show all" button: one span can carry megabytes
 * of retrieved documents, and sending all of it to the browser for every click would stall the page. Always text,
 * never HTML: the content comes from a trace.
 */
final class TruncatedText extends Div {
    static final int LIMIT = 20_000;

    TruncatedText(String text) {
        addClassName("truncated-text");
        var pre = new Pre(text.length() > LIMIT ? text.substring(0, LIMIT) : text);
        pre.addClassName("span-pre");
        add(pre);
        if (text.length() > LIMIT) {
            var all = new Button("Show all (" + size(text.length()) + ")");
            all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            all.addClassName("show-all");
            all.addClickListener(e -> {
                pre.setText(text);
                remove(all);
            });
            add(all);
        }
    }

    private static String size(int chars) {
        return chars < 1_000_000
                ? Math.round(chars / 1000.0) + " K characters"
                : String.format(Locale.ROOT, "%.1f M characters", chars / 1e6);
    }
}
