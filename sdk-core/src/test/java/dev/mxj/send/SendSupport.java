package dev.mxj.send;

import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import dev.mxj.testing.Pause;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers for the send queue protocol tests. */
final class SendSupport {
    static final RoomId ROOM = RoomId.of("!room:example.org");
    static final String ROOM_PATH = "/_matrix/client/v3/rooms/" + ROOM.value();

    private SendSupport() {
    }

    /** A request as {@code METHOD /decoded/path}. */
    static String line(RecordedRequest request) {
        return request.getMethod() + " /" + String.join("/", request.getUrl().pathSegments());
    }

    static RawJson body(RecordedRequest request) {
        return RawJson.parse(request.getBody() == null ? "" : request.getBody().utf8());
    }

    /** The transaction ID: the last path segment. */
    static String txn(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        return segments.get(segments.size() - 1);
    }

    static void eventId(MockHomeserver server, String eventId) {
        server.ok("{\"event_id\":\"" + eventId + "\"}");
    }

    /** An event ID answer that arrives only after {@code delay}. */
    static void slowEventId(MockHomeserver server, String eventId, Duration delay) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"event_id\":\"" + eventId + "\"}").headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .build());
    }

    static void assertJson(String expected, RawJson actual) {
        assertEquals(RawJson.parse(expected), actual, () -> "expected " + expected + " but was " + actual.json());
    }

    static void eventually(String what, BooleanSupplier condition) {
        Pause.assertEventually(what, Duration.ofSeconds(5), condition);
    }
}
