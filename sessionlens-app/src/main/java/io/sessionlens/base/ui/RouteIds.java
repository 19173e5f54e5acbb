package io.sessionlens.base.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Ids in route parameters arrive as the browser sent them: navigating inside the app keeps escapes such as {@code %2F}
 * and {@code %3A} that links need for MLflow ids like {@code trace:/catalog.schema/<hex>} or {@code team-a/chat-7}.
 */
public final class RouteIds {
    private RouteIds() {}

    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEscaped) {   // a literal '%' in an id that was never escaped
            return raw;
        }
    }
}
