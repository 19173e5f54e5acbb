package io.sessionlens.support;

import io.sessionlens.trace.json.SharedJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API, as automation would use it. */
public final class Http {
    public static final JsonMapper JSON = SharedJson.MAPPER;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer postJson(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** A POST as a browser page at {@code origin} would send it. */
    public Answer send(String path, String body, String contentType, String origin) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method (PUT, DELETE, PATCH…) with a body of that type. */
    public Answer request(String method, String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The headers of a GET's answer. */
    public java.net.http.HttpHeaders headers(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    public Answer putJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET as a browser navigating to a page sends it. */
    public Answer getPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private Answer send(HttpRequest r) {
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(resp.statusCode(), resp.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
