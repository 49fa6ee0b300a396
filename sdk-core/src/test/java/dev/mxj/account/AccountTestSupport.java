package dev.mxj.account;

import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the account protocol tests. */
final class AccountTestSupport {
    /** {@link MockHomeserver#USER}, as it shows in decoded paths. */
    static final String ME = "@alice:example.org";

    private AccountTestSupport() {
    }

    /** A spec example body from {@code /spec-examples/account/}. */
    static String spec(String name) {
        return MockHomeserver.resource("/spec-examples/account/" + name);
    }

    /** The JSON body the mock server received. */
    static RawJson body(RecordedRequest request) {
        return RawJson.parse(request.getBody() == null ? "" : request.getBody().utf8());
    }

    /** The decoded path of a request. */
    static String path(RecordedRequest request) {
        return String.join("/", request.getUrl().pathSegments()).replaceFirst("^", "/");
    }

    /** Asserts the method and decoded path of the next request, and returns it. */
    static RecordedRequest expect(MockHomeserver server, String method, String path) {
        RecordedRequest request = server.take();
        assertEquals(method + " " + path, request.getMethod() + " " + path(request));
        return request;
    }

    /** Compares JSON values, ignoring key order. */
    static void assertJson(String expected, RawJson actual) {
        assertEquals(RawJson.parse(expected), actual, () -> "expected " + expected + " but was " + actual.json());
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
