package dev.mxj.testing;

import dev.mxj.MatrixClient;
import dev.mxj.RetryConfig;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.store.SessionStore;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

/**
 * A small typed mock homeserver over MockWebServer, for protocol shape and fault injection.
 * Responses are served in the order they are queued.
 *
 * <p>One kind of request is answered apart from the queue: the check a client makes before sending
 * into a room its store does not hold as joined, {@code GET /rooms/{roomId}/state/m.room.encryption/}.
 * The mock says the room is not encrypted (404), unless {@link #encryptedRoom} said otherwise; these
 * checks are left out of {@link #take()} and {@link #requestCount()} and counted by
 * {@link #encryptionChecks()}.
 */
public final class MockHomeserver implements AutoCloseable {
    public static final String ACCESS_TOKEN = "syt_mock_access_token_SECRET";
    public static final UserId USER = UserId.of("@alice:example.org");
    public static final DeviceId DEVICE = DeviceId.of("ALICEDEVICE");

    private static final String ENCRYPTION_STATE = "/state/m.room.encryption/";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> encryptedRooms = new ConcurrentHashMap<>();
    private final AtomicInteger encryptionChecks = new AtomicInteger();

    private MockHomeserver() {
        server.setDispatcher(new QueueDispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (!isEncryptionCheck(request)) {
                    return super.dispatch(request);
                }
                encryptionChecks.incrementAndGet();
                List<String> segments = request.getUrl().pathSegments();
                String content = encryptedRooms.get(segments.get(segments.size() - 4));
                return content != null ? response(200, content)
                        : response(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Event not found.\"}");
            }
        });
    }

    /** {@code room}'s state check answers that it is encrypted with {@code content}. */
    public MockHomeserver encryptedRoom(String roomId, String content) {
        encryptedRooms.put(roomId, content);
        return this;
    }

    /** How many {@code m.room.encryption} state checks the mock answered. */
    public int encryptionChecks() {
        return encryptionChecks.get();
    }

    private static boolean isEncryptionCheck(RecordedRequest request) {
        return request.getMethod().equals("GET") && request.getUrl().encodedPath().endsWith(ENCRYPTION_STATE);
    }

    private static MockResponse response(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    public static MockHomeserver start() {
        MockHomeserver mock = new MockHomeserver();
        try {
            mock.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mock;
    }

    public URI url() {
        return server.url("/").uri();
    }

    public MockWebServer server() {
        return server;
    }

    /** Fast retries so fault tests run quickly. */
    public static RetryConfig fastRetries() {
        return new RetryConfig(3, Duration.ofMillis(1), Duration.ofMillis(20));
    }

    /** A client with no session. */
    public MatrixClient client() {
        return builder().build();
    }

    public MatrixClient.Builder builder() {
        return MatrixClient.builder().homeserverUrl(url()).retryConfig(fastRetries());
    }

    /** A session on this server, with {@link #ACCESS_TOKEN}. */
    public Session session() {
        return Session.of(url(), USER, DEVICE, ACCESS_TOKEN);
    }

    /** A client already logged in with {@link #session()}. */
    public MatrixClient loggedInClient() {
        SessionStore store = new MemorySessionStore();
        store.saveSession(session());
        return builder().sessionStore(store).build();
    }

    public MockHomeserver enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    public MockHomeserver json(int status, String json) {
        return enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    public MockHomeserver ok(String json) {
        return json(200, json);
    }

    public MockHomeserver error(int status, String errcode, String message) {
        return json(status, "{\"errcode\":\"" + errcode + "\",\"error\":\"" + message + "\"}");
    }

    /** The next request the server received (waits up to 5 s). */
    public RecordedRequest take() {
        try {
            RecordedRequest r;
            do {
                r = server.takeRequest(5, TimeUnit.SECONDS);
                if (r == null) {
                    throw new AssertionError("The mock homeserver received no request within 5 s");
                }
            } while (isEncryptionCheck(r));
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int requestCount() {
        return server.getRequestCount() - encryptionChecks.get();
    }

    /** A test resource as text, e.g. a spec example under {@code /spec-examples/}. */
    public static String resource(String path) {
        try (InputStream in = MockHomeserver.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
