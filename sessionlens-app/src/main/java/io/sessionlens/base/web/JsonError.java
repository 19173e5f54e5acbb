package io.sessionlens.base.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's error answer, {@code {"error": "…"}}, written by a filter that answers before any controller. (Jackson's
 * shared default mapper: {@code base} knows no feature, so not {@code trace.json.SharedJson}.)
 */
public final class JsonError {
    private JsonError() {}

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonMapper.shared().writeValueAsString(Map.of("error", message)));
    }
}
