package dev.mxj.internal.http;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.MatrixNetworkException;
import dev.mxj.RetryConfig;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error paths of the transport: rate limits, 5xx, bad bodies, broken connections, timeouts, cancel. */
class TransportFaultTest {
    private final MockHomeserver mock = MockHomeserver.start();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        mock.close();
    }

    private Transport transport(RetryConfig retry) {
        return transport(http, retry);
    }

    private Transport transport(OkHttpClient client, RetryConfig retry) {
        return new Transport(client, mock.url(), retry, scheduler, "mxj-test");
    }

    private static Throwable failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return e.getCause();
    }

    private static ApiRequest<RawJson> get() {
        return ApiRequest.get("/_matrix/client/v3/thing").unauthenticated().raw();
    }

    private static ApiRequest<RawJson> post() {
        return ApiRequest.post("/_matrix/client/v3/thing").unauthenticated().body(RawJson.parse("{\"a\":1}")).raw();
    }

    @Test
    void rateLimitHonoursRetryAfterMs() {
        mock.json(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow down\",\"retry_after_ms\":300}")
                .ok("{\"ok\":true}");
        long start = System.nanoTime();
        RawJson body = transport(new RetryConfig(2, Duration.ofMillis(1), Duration.ofSeconds(5))).send(get()).join();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(true, body.bool("ok").orElseThrow());
        assertEquals(2, mock.requestCount());
        assertTrue(elapsedMs >= 300, "waited only " + elapsedMs + " ms");
    }

    @Test
    void rateLimitHonoursRetryAfterHeaderAndRetriesEvenPost() {
        mock.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                        .body("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow\"}").build())
                .ok("{\"ok\":true}");
        long start = System.nanoTime();
        transport(new RetryConfig(2, Duration.ofMillis(1), Duration.ofSeconds(5))).send(post()).join();
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1000);
        assertEquals(2, mock.requestCount());
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() {
        mock.error(429, "M_LIMIT_EXCEEDED", "slow").error(429, "M_LIMIT_EXCEEDED", "slow").ok("{}");
        transport(MockHomeserver.fastRetries()).send(get()).join();
        assertEquals(3, mock.requestCount());
    }

    @Test
    void retryAfterLongerThanTheCapIsReportedNotRetried() {
        mock.json(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow\",\"retry_after_ms\":60000}");
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(transport(MockHomeserver.fastRetries()).send(get())));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.errorCode());
        assertEquals(Duration.ofMinutes(1), e.retryAfter().orElseThrow());
        assertEquals(1, mock.requestCount());
    }

    @Test
    void serverErrorsRetryIdempotentRequestsUntilSuccess() {
        mock.error(502, "M_UNKNOWN", "bad gateway").error(503, "M_UNKNOWN", "busy").ok("{\"n\":1}");
        assertEquals(1L, transport(MockHomeserver.fastRetries()).send(get()).join().longValue("n").orElseThrow());
        assertEquals(3, mock.requestCount());
    }

    @Test
    void serverErrorsDoNotRetryPost() {
        mock.error(500, "M_UNKNOWN", "oops").ok("{}");
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(transport(MockHomeserver.fastRetries()).send(post())));
        assertEquals(500, e.httpStatus());
        assertEquals(1, mock.requestCount());
    }

    @Test
    void retriesStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            mock.error(503, "M_UNKNOWN", "down");
        }
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(transport(MockHomeserver.fastRetries()).send(get())));
        assertEquals(503, e.httpStatus());
        assertEquals(4, mock.requestCount(), "1 attempt + 3 retries");
    }

    @Test
    void clientErrorsAreNotRetried() {
        mock.error(403, "M_FORBIDDEN", "no");
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(transport(MockHomeserver.fastRetries()).send(get())));
        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertEquals("no", e.error());
        assertEquals(1, mock.requestCount());
    }

    @Test
    void malformedJsonBodyIsAnInvalidResponse() {
        mock.ok("{\"unterminated\": ");
        Throwable e = failure(transport(RetryConfig.none()).send(get()));
        assertInstanceOf(InvalidResponseException.class, e);
        assertTrue(e.getMessage().contains("GET /_matrix/client/v3/thing"), e.getMessage());
    }

    @Test
    void htmlErrorPageGivesStatusAndExcerpt() {
        mock.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><head><style>b{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>")
                .build());
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(transport(RetryConfig.none()).send(get())));
        assertEquals(502, e.httpStatus());
        assertEquals(ErrorCode.UNKNOWN, e.errorCode());
        assertTrue(e.error().contains("502 Bad Gateway nginx"), e.error());
        assertFalse(e.getMessage().contains("<h1>"), e.getMessage());
    }

    @Test
    void connectionResetMidBodyRetriesGet() {
        mock.enqueue(new MockResponse.Builder().body("{\"long\":\"" + "x".repeat(100_000) + "\"}")
                        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build())
                .ok("{\"fine\":true}");
        RawJson body = transport(MockHomeserver.fastRetries()).send(get()).join();
        assertTrue(body.bool("fine").orElseThrow());
        assertEquals(2, mock.requestCount());
    }

    @Test
    void connectionResetMidBodyFailsPostWithNetworkError() {
        mock.enqueue(new MockResponse.Builder().body("{\"long\":\"" + "x".repeat(100_000) + "\"}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        assertInstanceOf(MatrixNetworkException.class, failure(transport(MockHomeserver.fastRetries()).send(post())));
        assertEquals(1, mock.requestCount());
    }

    @Test
    void readTimeoutIsANetworkError() {
        mock.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        Throwable e = failure(transport(impatient, RetryConfig.none()).send(get()));
        assertInstanceOf(MatrixNetworkException.class, e);
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void perRequestReadTimeoutOverridesTheClients() {
        mock.enqueue(new MockResponse.Builder().headersDelay(600, TimeUnit.MILLISECONDS).body("{\"late\":1}").build());
        OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        ApiRequest<RawJson> longPoll = ApiRequest.get("/_matrix/client/v3/sync").unauthenticated()
                .readTimeout(Duration.ofSeconds(5)).raw();
        assertEquals(1L, transport(impatient, RetryConfig.none()).send(longPoll).join().longValue("late").orElseThrow());
    }

    @Test
    void cancellingTheFutureCancelsTheCall() throws Exception {
        mock.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());
        CompletableFuture<RawJson> future = transport(RetryConfig.defaults()).send(get());
        mock.take();
        assertEquals(1, http.dispatcher().runningCallsCount());
        assertTrue(future.cancel(true));
        assertThrows(CancellationException.class, future::join);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, http.dispatcher().runningCallsCount(), "the HTTP call is still running");
        assertEquals(1, mock.requestCount(), "a cancelled request must not be retried");
    }

    @Test
    void cancellingDuringBackOffStopsTheRetry() throws Exception {
        mock.error(503, "M_UNKNOWN", "down").ok("{}");
        CompletableFuture<RawJson> future = transport(new RetryConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .send(get());
        mock.take();
        Thread.sleep(100);
        future.cancel(true);
        Thread.sleep(1500);
        assertEquals(1, mock.requestCount());
    }

    @Test
    void tokenOnlyInAuthorizationHeaderAndUserAgentNamesMxj() {
        mock.ok("{\"user_id\":\"@alice:example.org\"}");
        try (MatrixClient client = mock.loggedInClient()) {
            client.account().whoami().join();
        }
        RecordedRequest r = mock.take();
        assertEquals("Bearer " + MockHomeserver.ACCESS_TOKEN, r.getHeaders().get("Authorization"));
        assertFalse(r.getUrl().toString().contains(MockHomeserver.ACCESS_TOKEN));
        assertTrue(r.getHeaders().get("User-Agent").startsWith("mxj/"), r.getHeaders().get("User-Agent"));
    }

    @Test
    void pathSegmentsAreEncoded() {
        mock.ok("{}");
        transport(RetryConfig.none()).send(ApiRequest.get("/_matrix/client/v3/user").segment("@bob:example.org")
                .segment("filter").segment("a/b").unauthenticated().raw()).join();
        assertEquals("/_matrix/client/v3/user/@bob:example.org/filter/a%2Fb", mock.take().getUrl().encodedPath());
    }
}
