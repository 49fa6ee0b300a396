package dev.mxj.media;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static dev.mxj.media.MediaMocks.URI;
import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.bytes;
import static dev.mxj.media.MediaMocks.failure;
import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An expired token during a transfer is refreshed once; no token reaches the debug log. */
class MediaTokenTest {
    private static final String EXPIRED = "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"expired\",\"soft_logout\":true}";

    private static MatrixClient client(MockHomeserver mock) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(new Session(mock.url(), UserId.of("@alice:example.org"), DeviceId.of("DEV"),
                "access_SECRET_1", Optional.of("refresh_SECRET_2"), Optional.empty()));
        return mock.builder().sessionStore(store).build();
    }

    private static String refreshed(int n) {
        return "{\"access_token\":\"access_SECRET_" + n + "\",\"refresh_token\":\"refresh_SECRET_" + n + "\"}";
    }

    @Test
    void expiredTokensAreRefreshedForDownloadsAndReplayableUploadsAndNeverLogged() throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        byte[] data = bytes(100_000, 50);
        try (MockHomeserver mock = MockHomeserver.start(); MatrixClient client = client(mock)) {
            mock.ok(VERSIONS_V1_11).json(401, EXPIRED).ok(refreshed(3))
                    .enqueue(new MockResponse.Builder().body(new Buffer().write(data)).build());
            try (MediaDownload d = client.media().download(URI).join()) {
                assertArrayEquals(data, d.stream().readAllBytes());
            }
            mock.take();
            assertEquals("Bearer access_SECRET_1", mock.take().getHeaders().get("Authorization"));
            mock.take();
            assertEquals("Bearer access_SECRET_3", mock.take().getHeaders().get("Authorization"));

            mock.ok("{}").json(401, EXPIRED).ok(refreshed(4)).ok(resource("/spec-examples/media/upload.json"));
            client.media().upload(UploadRequest.of(data, "image/png")).join();
            mock.take();
            mock.take();
            mock.take();
            assertArrayEquals(data, mock.take().getBody().toByteArray(), "the upload was sent again, whole");

            mock.json(401, EXPIRED).ok(refreshed(5));
            MatrixApiException e = assertInstanceOf(MatrixApiException.class, failure(client.media().upload(
                    UploadRequest.of(new ByteArrayInputStream(data), data.length, "image/png"))));
            assertEquals(401, e.httpStatus());
            assertEquals(10, mock.requestCount(), "the token was refreshed, the stream not sent again");
            assertEquals("access_SECRET_5", client.session().orElseThrow().accessToken());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("/_matrix/client/v1/media/download"), "debug logging was not captured:\n" + log);
        assertFalse(log.contains("SECRET"), "a secret reached the log:\n" + log);
    }
}
