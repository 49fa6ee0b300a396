package dev.mxj.internal.http;

import dev.mxj.RetryConfig;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends {@link ApiRequest}s with OkHttp: the access token in the Authorization header only, the
 * User-Agent, retries as {@link RetryClassifier} decides, and cancellation from the returned
 * future down to the HTTP call. One per client; thread-safe.
 */
public final class Transport {
    static final MediaType JSON = MediaType.get("application/json");

    final OkHttpClient http;
    final URI baseUrl;
    final RetryClassifier retry;
    private final RetryConfig retryConfig;
    final ScheduledExecutorService scheduler;
    final String userAgent;
    private volatile AccessTokenSource tokens = AccessTokenSource.NONE;

    public Transport(OkHttpClient http, URI baseUrl, RetryConfig retryConfig, ScheduledExecutorService scheduler,
                     String userAgent) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = baseUrl;
        this.retry = new RetryClassifier(retryConfig);
        this.retryConfig = retryConfig;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.userAgent = userAgent;
    }

    public void setTokenSource(AccessTokenSource source) {
        this.tokens = Objects.requireNonNull(source, "source");
    }

    AccessTokenSource tokens() {
        return tokens;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The client's retry settings (the send queue paces its own rounds of attempts by them). */
    public RetryConfig retryConfig() {
        return retryConfig;
    }

    /** Sends the request; the future completes with the parsed body or a {@link dev.mxj.MatrixException}. */
    public <T> CompletableFuture<T> send(ApiRequest<T> request) {
        Exchange<T> exchange = Exchange.json(this, request);
        exchange.start();
        return exchange.result;
    }

    Request toHttpRequest(ApiRequest<?> request, String accessToken) {
        URI base = request.baseUrl != null ? request.baseUrl : baseUrl;
        if (base == null) {
            throw new IllegalStateException("No homeserver URL for " + request.endpoint());
        }
        HttpUrl parsed = HttpUrl.get(base.toString());
        HttpUrl.Builder url = parsed.newBuilder().addPathSegments(request.path.substring(1));
        for (String segment : request.extraSegments) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        Request.Builder builder = new Request.Builder().url(url.build()).header("User-Agent", userAgent)
                .header("Accept", "application/json");
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        RequestBody body = request.jsonBody != null ? RequestBody.create(request.jsonBody, JSON)
                : requiresBody(request.method) ? RequestBody.create("{}", JSON) : null;
        builder.method(request.method, body);
        return builder.build();
    }

    OkHttpClient clientFor(ApiRequest<?> request) {
        if (request.readTimeout == null) {
            return http;
        }
        return http.newBuilder().readTimeout(request.readTimeout).build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
}
