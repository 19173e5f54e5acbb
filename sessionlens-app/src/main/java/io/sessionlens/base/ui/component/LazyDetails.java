package io.sessionlens.base.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import java.util.function.Supplier;

/**
 * A collapsible section whose content is built the first time it is opened: a long session has hundreds of folded
 * sections, and most are never opened.
 */
public final class LazyDetails {
    private LazyDetails() {}

    public static Details of(String summary, boolean opened, Supplier<Component> content) {
        var d = new Details(summary);
        d.addClassName("sl-fold");
        Runnable fill = () -> {
            if (d.getContent().findAny().isEmpty()) d.add(content.get());
        };
        if (opened) {
            fill.run();
            d.setOpened(true);
        }
        d.addOpenedChangeListener(e -> {
            if (e.isOpened()) fill.run();
        });
        return d;
    }
}
