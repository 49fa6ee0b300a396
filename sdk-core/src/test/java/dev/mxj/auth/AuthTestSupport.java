package dev.mxj.auth;

import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the auth protocol tests. */
final class AuthTestSupport {
    private AuthTestSupport() {
    }

    /** A spec example body from {@code /spec-examples/auth/}. */
    static String spec(String name) {
        return MockHomeserver.resource("/spec-examples/auth/" + name);
    }

    /** The JSON body the mock server received. */
    static RawJson body(RecordedRequest request) {
        return RawJson.parse(request.getBody() == null ? "" : request.getBody().utf8());
    }

    /** Compares JSON values, ignoring key order. */
    static void assertJson(String expected, RawJson actual) {
        assertEquals(RawJson.parse(expected), actual, () -> "expected " + expected + " but was " + actual.json());
    }

    /** {@code json} with {@code key} set to {@code value} (a tree value: String, Long, Boolean, Map). */
    static RawJson with(RawJson json, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) json.tree());
        copy.put(key, value);
        return RawJson.ofTree(copy);
    }

    /** Waits for a future that must fail, and returns its cause, checked to be a {@code type}. */
    static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> future.orTimeout(5, TimeUnit.SECONDS).join());
        Throwable cause = e.getCause();
        assertTrue(type.isInstance(cause), () -> "expected " + type.getSimpleName() + " but was " + cause);
        return type.cast(cause);
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(5, TimeUnit.SECONDS).join();
    }
}
