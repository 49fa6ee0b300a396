package dev.mxj.room;

import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the room management protocol tests. */
final class RoomManagementSupport {
    static final String V3 = "/_matrix/client/v3";

    private RoomManagementSupport() {
    }

    static String spec(String name) {
        return MockHomeserver.resource("/spec-examples/rooms/" + name);
    }

    static RawJson body(RecordedRequest request) {
        return RawJson.parse(request.getBody() == null ? "" : request.getBody().utf8());
    }

    /** Asserts the method and decoded path (with a trailing slash kept) of the next request. */
    static RecordedRequest expect(MockHomeserver server, String method, String path) {
        RecordedRequest request = server.take();
        String actual = "/" + String.join("/", request.getUrl().pathSegments());
        assertEquals(method + " " + path, request.getMethod() + " " + actual);
        return request;
    }

    static void assertJson(String expected, RawJson actual) {
        assertEquals(RawJson.parse(expected), actual, () -> "expected " + expected + " but was " + actual.json());
    }

    static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> future.orTimeout(5, TimeUnit.SECONDS).join());
        assertTrue(type.isInstance(e.getCause()), () -> "expected " + type.getSimpleName() + " but was " + e.getCause());
        return type.cast(e.getCause());
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(5, TimeUnit.SECONDS).join();
    }
}
