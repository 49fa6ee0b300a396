package dev.mxj.spi;

import dev.mxj.json.RawJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call of an {@link EncryptionModule}, e.g.
 * {@code CryptoRequest.post("/_matrix/client/v3/keys/query", body)} or
 * {@code CryptoRequest.put("/_matrix/client/v3/sendToDevice", body, "m.room.encrypted", txnId)}.
 *
 * @param method     {@code GET}, {@code POST} or {@code PUT}
 * @param path       the fixed part of the path, from {@code /_matrix/...}; sent as written
 * @param segments   path segments appended after {@code path}, each percent-encoded (IDs are safe here)
 * @param query      query parameters, in order
 * @param body       the JSON body, for POST and PUT
 * @param repeatable true if the call may be sent again after a network failure or 5xx (GET and PUT
 *                   are; a POST only if the module says so, e.g. a key query). A 429 is always retried.
 */
public record CryptoRequest(String method, String path, List<String> segments, Map<String, String> query,
                            Optional<RawJson> body, boolean repeatable) {
    public CryptoRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("PUT")) {
            throw new IllegalArgumentException("A crypto request is a GET, POST or PUT, was " + method);
        }
        if (!path.startsWith("/_matrix/")) {
            throw new IllegalArgumentException("A crypto request path starts with /_matrix/, was " + path);
        }
        segments = List.copyOf(segments);
        query.forEach((k, v) -> Objects.requireNonNull(v, "query parameter " + k));
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Objects.requireNonNull(body, "body");
        if (body.isPresent() && !body.get().isObject()) {
            throw new IllegalArgumentException("A crypto request body must be a JSON object");
        }
    }

    /** A GET, with query parameters. */
    public static CryptoRequest get(String path, Map<String, String> query, String... segments) {
        return new CryptoRequest("GET", path, List.of(segments), query, Optional.empty(), true);
    }

    /** A POST, not repeated after a network failure or 5xx (see {@link #asRepeatable()}). */
    public static CryptoRequest post(String path, RawJson body, String... segments) {
        return new CryptoRequest("POST", path, List.of(segments), Map.of(), Optional.of(body), false);
    }

    /** A PUT, which may be repeated (Matrix PUTs carry a transaction ID). */
    public static CryptoRequest put(String path, RawJson body, String... segments) {
        return new CryptoRequest("PUT", path, List.of(segments), Map.of(), Optional.of(body), true);
    }

    /** This request, allowed to be repeated after a network failure or 5xx. */
    public CryptoRequest asRepeatable() {
        return new CryptoRequest(method, path, segments, query, body, true);
    }

    /** {@code METHOD /path/...} for logs: no query and no body. */
    public String endpoint() {
        return method + " " + path + (segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }

    /** No body in the text form: it may hold keys. */
    @Override
    public String toString() {
        return "CryptoRequest[" + endpoint() + "]";
    }
}
