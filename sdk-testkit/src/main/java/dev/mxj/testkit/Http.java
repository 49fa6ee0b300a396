package dev.mxj.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tiny JSON-over-HTTP client for the homeserver's own endpoints. */
final class Http {

    /** A response: status code, raw body and the body parsed as a JSON object (empty if not). */
    record Response(int status, String body, Map<String, Object> json) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** A string member of the JSON body, or {@code null}. */
        String string(String name) {
            Object value = json.get(name);
            return value instanceof String s ? s : null;
        }
    }

    private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    /** GET {@code path} (relative to the base URL), with an optional access token. */
    Response get(String path, String accessToken, Duration timeout) throws IOException {
        return send(request(path, accessToken, timeout).GET().build());
    }

    /** POST a JSON object to {@code path}, with an optional access token. */
    Response post(String path, String accessToken, Map<String, ?> body) throws IOException {
        String json = JSON.toJson(Map.copyOf(body));
        return send(request(path, accessToken, Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder request(String path, String accessToken, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private Response send(HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri().getPath(), e);
        }
        return new Response(response.statusCode(), response.body(), parse(response.body()));
    }

    static Map<String, Object> parse(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return Map.of();
        }
        try {
            Map<String, Object> map = JSON.fromJson(body);
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
