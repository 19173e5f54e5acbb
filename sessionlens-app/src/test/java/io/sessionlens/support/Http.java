package io.sessionlens.support;

import io.sessionlens.base.security.Role;
import io.sessionlens.trace.json.SharedJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the JSON API, as automation would use it: it sends the test admin's HTTP Basic credentials
 * unless told otherwise ({@link #as(Role)}, {@link #as(String, String)}, {@link #withToken}, {@link #anonymous()}).
 */
public final class Http {
    public static final JsonMapper JSON = SharedJson.MAPPER;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final @Nullable String authorization;

    public Http(String base) {
        this(base, basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
    }

    private Http(String base, @Nullable String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API as the test user of that role (made on first use). */
    public Http as(Role role) {
        TestUsers.ensure(base);
        var login = TestUsers.of(role);
        return as(login.username(), login.password());
    }

    public Http as(String username, String password) {
        return new Http(base, basic(username, password));
    }

    public Http withToken(String token) {
        return new Http(base, "Bearer " + token);
    }

    /** No credentials at all. */
    public Http anonymous() {
        return new Http(base, null);
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer postJson(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Answer putJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer patchJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** A request of any method, with or without a JSON body. */
    public Answer send(String method, String path, @Nullable String jsonBody) {
        var b = request(path);
        if (jsonBody != null) b.header("Content-Type", "application/json");
        return send(b.method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    /** A POST as a browser page at {@code origin} would send it. */
    public Answer send(String path, String body, String contentType, String origin) {
        return send(request(path).header("Content-Type", contentType).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method (PUT, DELETE, PATCH…) with a body of that type. */
    public Answer request(String method, String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The headers of a GET's answer. */
    public java.net.http.HttpHeaders headers(String path) {
        try {
            return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET as a browser navigating to a page sends it. */
    public Answer getPage(String path) {
        return send(request(path).header("Accept", "text/html").GET().build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        var b = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest r) {
        try {
            HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(resp.statusCode(), resp.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
