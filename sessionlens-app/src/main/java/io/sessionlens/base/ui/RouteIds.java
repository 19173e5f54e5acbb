package io.sessionlens.base.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * MLflow ids in route paths, both ways: the one encoder every {@code *Navigation} class builds its links with, and the
 * one decoder every view reads its route parameters with. Ids arrive as the browser sent them: navigating inside the
 * app keeps escapes such as {@code %2F} and {@code %3A} that links need for MLflow ids like
 * {@code trace:/catalog.schema/<hex>} or {@code team-a/chat-7}.
 */
public final class RouteIds {
    private RouteIds() {}

    /** Escapes everything but letters, digits and {@code .-*_}; a space becomes {@code %20}, never {@code +}. */
    public static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEscaped) {   // a literal '%' in an id that was never escaped
            return raw;
        }
    }
}
