package dev.mxj.internal.http;

import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;
import okio.BufferedSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Client-Server API call, described without I/O: method, path (segments encoded when sent),
 * query, JSON body, how to read the answer, and whether it needs the access token and may be
 * repeated. Build with {@link #get(String)}, {@link #post(String)}, {@link #put(String)}, ...
 */
public final class ApiRequest<T> {
    /** Reads a successful response body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(BufferedSource body, String endpoint);
    }

    final String method;
    final String path;
    final List<String> extraSegments;
    final List<Map.Entry<String, String>> query;
    final String jsonBody;
    final BodyReader<T> reader;
    final boolean authenticated;
    final boolean idempotent;
    final Duration readTimeout;
    final URI baseUrl;

    private ApiRequest(Builder b, BodyReader<T> reader) {
        this.method = b.method;
        this.path = b.path;
        this.extraSegments = List.copyOf(b.segments);
        this.query = List.copyOf(b.query);
        this.jsonBody = b.jsonBody;
        this.reader = reader;
        this.authenticated = b.authenticated;
        this.idempotent = b.idempotent;
        this.readTimeout = b.readTimeout;
        this.baseUrl = b.baseUrl;
    }

    /** {@code METHOD /path/template} for logs and error messages: no query, no body, no token. */
    public String endpoint() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path);
        for (String s : extraSegments) {
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    public boolean idempotent() {
        return idempotent;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public static Builder get(String path) {
        return new Builder("GET", path).idempotent(true);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    /** A PUT. Matrix PUTs carry a transaction id or replace state, so they may be repeated. */
    public static Builder put(String path) {
        return new Builder("PUT", path).idempotent(true);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    /** Fluent description of a request; finish with {@link #parse}, {@link #raw()} or {@link #noContent()}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<String> segments = new ArrayList<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private String jsonBody;
        private boolean authenticated = true;
        private boolean idempotent;
        private Duration readTimeout;
        private URI baseUrl;

        private Builder(String method, String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
            this.method = method;
            this.path = path;
        }

        /** Appends one path segment; it is percent-encoded, so IDs with '/' or ':' are safe. */
        public Builder segment(String segment) {
            segments.add(Objects.requireNonNull(segment, "segment"));
            return this;
        }

        public Builder query(String name, String value) {
            query.add(Map.entry(name, value));
            return this;
        }

        /** The body: a record serialised with Moshi (nulls left out), or a {@link RawJson}. */
        public Builder body(Object body) {
            this.jsonBody = body instanceof RawJson raw ? raw.json() : Json.write(body);
            return this;
        }

        /** Sends no access token (login, register, discovery). */
        public Builder unauthenticated() {
            this.authenticated = false;
            return this;
        }

        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /** Overrides the read timeout, e.g. for long-polling. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Sends to another base URL than the client's (discovery). */
        public Builder baseUrl(URI url) {
            this.baseUrl = url;
            return this;
        }

        public <T> ApiRequest<T> parse(Class<T> type) {
            return new ApiRequest<>(this, (body, endpoint) -> Json.read(body, type, endpoint));
        }

        public ApiRequest<RawJson> raw() {
            return parse(RawJson.class);
        }

        public ApiRequest<Void> noContent() {
            return new ApiRequest<>(this, (body, endpoint) -> null);
        }

        public <T> ApiRequest<T> read(BodyReader<T> reader) {
            return new ApiRequest<>(this, reader);
        }
    }
}
