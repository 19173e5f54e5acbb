package io.sessionlens.base.ui.component;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/**
 * Vaadin 25 badges in the few tones SessionLens uses, so a kind of fact always gets the same colour (a trace state:
 * {@code trace.ui.TraceStateBadge}).
 */
public final class Badges {
    private Badges() {}

    public enum Tone {
        NEUTRAL, SUCCESS, WARNING, ERROR
    }

    public static Badge of(String text, Tone tone) {
        var b = new Badge(text);
        switch (tone) {
            case SUCCESS -> b.addThemeVariants(BadgeVariant.SUCCESS);
            case WARNING -> b.addThemeVariants(BadgeVariant.WARNING);
            case ERROR -> b.addThemeVariants(BadgeVariant.ERROR);
            case NEUTRAL -> b.addThemeVariants(BadgeVariant.CONTRAST);
        }
        return b;
    }
}
