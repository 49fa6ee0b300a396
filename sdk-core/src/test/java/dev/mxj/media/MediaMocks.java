package dev.mxj.media;

import dev.mxj.MatrixClient;
import dev.mxj.id.MxcUri;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared bits of the media protocol tests: /versions answers, clients, waiting. */
final class MediaMocks {
    /** A server with authenticated media (Matrix v1.11). */
    static final String VERSIONS_V1_11 = "{\"versions\":[\"v1.1\",\"v1.11\"]}";
    /** A server with only MSC3916's unstable flag, as Dendrite v0.13.8 answers. */
    static final String VERSIONS_MSC3916 = "{\"versions\":[\"v1.1\",\"v1.2\"],"
            + "\"unstable_features\":{\"org.matrix.msc3916.stable\":true}}";
    /** A server without authenticated media. */
    static final String VERSIONS_LEGACY = "{\"versions\":[\"r0.6.1\",\"v1.1\",\"v1.2\"],"
            + "\"unstable_features\":{\"org.matrix.msc3916.stable\":false}}";

    static final MxcUri URI = MxcUri.of("mxc://example.org/AbCdEf123");

    private MediaMocks() {
    }

    /** A logged-in client of {@code mock}, after {@code customize}. */
    static MatrixClient client(MockHomeserver mock, UnaryOperator<MatrixClient.Builder> customize) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(mock.session());
        return customize.apply(mock.builder().sessionStore(store)).build();
    }

    static OkHttpClient http() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Throwable failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return e.getCause();
    }

    static void assertAuthenticated(RecordedRequest r) {
        assertEquals("Bearer " + MockHomeserver.ACCESS_TOKEN, r.getHeaders().get("Authorization"), r.toString());
    }

    static void assertNoToken(RecordedRequest r) {
        assertNull(r.getHeaders().get("Authorization"), r.toString());
        assertTrue(!r.getUrl().toString().contains(MockHomeserver.ACCESS_TOKEN), r.toString());
    }

    /** Waits up to 5 s for {@code condition}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The last element of a list that others append to. */
    static <T> T last(List<T> list) {
        synchronized (list) {
            return list.get(list.size() - 1);
        }
    }
}
