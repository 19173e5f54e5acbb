package io.sessionlens.session.ui;

import com.vaadin.flow.component.html.Span;

/** Secondary, extra-small text beside a heading or under a value ({@code .sl-small} in sessionlens.css). */
final class SmallText extends Span {
    SmallText(String text) {
        super(text);
        addClassName("sl-small");
    }
}
