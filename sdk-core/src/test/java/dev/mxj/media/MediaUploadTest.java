package dev.mxj.media;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.MatrixNetworkException;
import dev.mxj.id.MxcUri;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.assertAuthenticated;
import static dev.mxj.media.MediaMocks.assertNoToken;
import static dev.mxj.media.MediaMocks.bytes;
import static dev.mxj.media.MediaMocks.failure;
import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads against a mock homeserver: request shapes, progress, the size limit, 413, replays. */
class MediaUploadTest {
    private static final MxcUri SPEC_URI = MxcUri.of("mxc://example.com/AQwafuaFswefuhsfAFAgsw");

    private final MockHomeserver mock = MockHomeserver.start();
    private final MatrixClient client = mock.loggedInClient();

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    /** Queues /versions, an answer to /config, and the upload's answer. */
    private void serve(String config, String upload) {
        mock.ok(VERSIONS_V1_11).ok(config).ok(upload);
    }

    private RecordedRequest takeUpload() {
        RecordedRequest versions = mock.take();
        assertEquals("/_matrix/client/versions", versions.getUrl().encodedPath());
        assertNoToken(versions);
        RecordedRequest config = mock.take();
        assertEquals("GET", config.getMethod());
        assertEquals("/_matrix/client/v1/media/config", config.getUrl().encodedPath());
        assertAuthenticated(config);
        return mock.take();
    }

    @Test
    void uploadsBytesWithContentTypeFilenameAndToken() {
        serve("{}", resource("/spec-examples/media/upload.json"));
        byte[] data = bytes(3000, 1);

        MxcUri uri = client.media().upload(UploadRequest.of(data, "image/png").withFilename("cat photo.png")).join();

        assertEquals(SPEC_URI, uri);
        RecordedRequest upload = takeUpload();
        assertEquals("POST", upload.getMethod());
        assertEquals("/_matrix/media/v3/upload", upload.getUrl().encodedPath());
        assertEquals("cat photo.png", upload.getUrl().queryParameter("filename"));
        assertEquals("image/png", upload.getHeaders().get("Content-Type"));
        assertEquals("3000", upload.getHeaders().get("Content-Length"));
        assertAuthenticated(upload);
        assertFalse(upload.getUrl().toString().contains(MockHomeserver.ACCESS_TOKEN));
        assertArrayEquals(data, upload.getBody().toByteArray());
    }

    @Test
    void uploadsFilesAndStreamsUnchanged(@TempDir Path dir) throws IOException {
        byte[] data = bytes(300_000, 2);
        Path file = Files.write(dir.resolve("data.bin"), data);
        serve("{}", resource("/spec-examples/media/upload.json"));
        mock.ok(resource("/spec-examples/media/upload.json"));

        client.media().upload(UploadRequest.of(file, "application/octet-stream")).join();
        client.media().upload(UploadRequest.of(new ByteArrayInputStream(data), data.length, "text/plain")).join();

        RecordedRequest fromFile = takeUpload();
        assertArrayEquals(data, fromFile.getBody().toByteArray());
        assertFalse(fromFile.getUrl().queryParameterNames().contains("filename"));
        RecordedRequest fromStream = mock.take();
        assertEquals("text/plain", fromStream.getHeaders().get("Content-Type"));
        assertArrayEquals(data, fromStream.getBody().toByteArray());
        assertEquals(4, mock.requestCount(), "/versions and /config are asked once");
    }

    @Test
    void progressGoesUpToTheTotalOnTheCallbackExecutor() {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        byte[] data = bytes(1_000_000, 3);
        serve("{}", resource("/spec-examples/media/upload.json"));
        try (MatrixClient c = MediaMocks.client(mock, b -> b.callbackExecutor(callbacks))) {
            InputStream paced = new ByteArrayInputStream(data) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    MediaMocks.sleep(java.time.Duration.ofMillis(3));
                    return super.read(b, off, len);
                }
            };
            c.media().upload(UploadRequest.of(paced, data.length, "application/octet-stream").withProgress((sent, total) -> {
                calls.add(new long[] {sent, total});
                threads.add(Thread.currentThread().getName());
            })).join();
        }

        MediaMocks.await(() -> !calls.isEmpty() && MediaMocks.last(calls)[0] == data.length, "the last progress call");
        callbacks.shutdown();
        long previous = -1;
        synchronized (calls) {
            for (long[] call : calls) {
                assertEquals(data.length, call[1]);
                assertTrue(call[0] >= previous, "progress went backwards");
                previous = call[0];
            }
        }
        assertTrue(calls.size() >= 2, "expected several progress calls, got " + calls.size());
        assertTrue(threads.stream().allMatch("test-callbacks"::equals), threads::toString);
    }

    @Test
    void aThrowingProgressListenerDoesNotStopTheUpload() {
        serve("{}", resource("/spec-examples/media/upload.json"));
        MxcUri uri = client.media().upload(UploadRequest.of(bytes(200_000, 4), "application/octet-stream")
                .withProgress((sent, total) -> {
                    throw new IllegalStateException("listener bug");
                })).join();
        assertEquals(SPEC_URI, uri);
    }

    @Test
    void overTheLimitIsRefusedBeforeSendingAndTheLimitIsRemembered() {
        mock.ok(VERSIONS_V1_11).ok("{\"m.upload.size\": 1000}");

        UploadTooLargeException e = assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(new byte[1001], "image/png"))));

        assertEquals(Optional.of(1000L), e.limit());
        assertEquals(Optional.empty(), e.serverRefusal());
        assertEquals(1001, e.size());
        assertTrue(e.getMessage().contains("at most 1000 bytes"), e.getMessage());
        assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(new byte[5000], "image/png"))));
        assertEquals(2, mock.requestCount(), "only /versions and /config: nothing was uploaded");
    }

    @Test
    void exactlyTheLimitIsSentAndConfigRefreshesTheLimit() {
        serve(resource("/spec-examples/media/config.json"), resource("/spec-examples/media/upload.json"));
        mock.ok(resource("/spec-examples/media/config.json")).ok("{\"m.upload.size\": 10}");

        client.media().upload(UploadRequest.of(new byte[10], "image/png")).join();
        assertEquals(50_000_000L, client.media().config().join().uploadSizeLimit().orElseThrow());
        assertEquals(10L, client.media().config().join().uploadSizeLimit().orElseThrow());
        assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(new byte[11], "image/png"))));
        assertEquals(5, mock.requestCount());
    }

    @Test
    void serverRefusalWith413IsTooLargeWithTheServersAnswer() {
        mock.ok(VERSIONS_V1_11).ok("{}").json(413, resource("/spec-examples/media/upload-413.json"));

        UploadTooLargeException e = assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(bytes(5000, 5), "image/png"))));

        assertEquals(5000, e.size());
        assertEquals(Optional.empty(), e.limit(), "the server's config named no limit");
        MatrixApiException refusal = e.serverRefusal().orElseThrow();
        assertEquals(413, refusal.httpStatus());
        assertEquals(ErrorCode.TOO_LARGE, refusal.errorCode());
        assertEquals("Cannot upload files larger than 100mb", refusal.error());
        assertEquals("POST /_matrix/media/v3/upload", refusal.endpoint());
        assertTrue(e.getMessage().contains("refused the upload of 5000 bytes as too large"), e.getMessage());
        assertEquals(3, mock.requestCount(), "a 413 is not retried");
    }

    @Test
    void aDendriteStyle413WithMUnknownIsTooLargeAndTheLimitIsAskedAgain() {
        // Dendrite answers an upload over max_file_size_bytes with 413 and M_UNKNOWN, not M_TOO_LARGE.
        mock.ok(VERSIONS_V1_11).ok("{\"m.upload.size\": 100000}")
                .json(413, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"HTTP Content-Length is greater than the"
                        + " maximum allowed upload size (4000).\"}")
                .ok("{\"m.upload.size\": 4000}");

        UploadTooLargeException e = assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(bytes(5000, 5), "image/png"))));
        assertEquals(Optional.of(100_000L), e.limit(), "the limit the client knew when it sent the upload");
        assertEquals(ErrorCode.UNKNOWN, e.serverRefusal().orElseThrow().errorCode());

        UploadTooLargeException again = assertInstanceOf(UploadTooLargeException.class,
                failure(client.media().upload(UploadRequest.of(bytes(5000, 5), "image/png"))));
        assertEquals(Optional.of(4000L), again.limit(), "the server was asked for its limit again");
        assertEquals(Optional.empty(), again.serverRefusal(), "refused before sending, this time");
        assertEquals(4, mock.requestCount());
    }

    @Test
    void aServerWithoutConfigStillUploads() {
        mock.ok(VERSIONS_V1_11).error(404, "M_UNRECOGNIZED", "no").ok(resource("/spec-examples/media/upload.json"))
                .ok(resource("/spec-examples/media/upload.json"));
        client.media().upload(UploadRequest.of(new byte[10], "image/png")).join();
        client.media().upload(UploadRequest.of(new byte[10], "image/png")).join();
        assertEquals(4, mock.requestCount(), "an unanswered config is not asked again");
    }

    @Test
    void rateLimitedUploadIsResentFromBytesButNotFromAStream() {
        String limited = "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow\",\"retry_after_ms\":5}";
        mock.ok(VERSIONS_V1_11).ok("{}").json(429, limited).ok(resource("/spec-examples/media/upload.json"));
        byte[] data = bytes(100_000, 6);
        assertEquals(SPEC_URI, client.media().upload(UploadRequest.of(data, "image/png")).join());
        assertEquals(4, mock.requestCount());

        mock.json(429, limited).ok(resource("/spec-examples/media/upload.json"));
        MatrixApiException e = assertInstanceOf(MatrixApiException.class, failure(client.media().upload(
                UploadRequest.of(new ByteArrayInputStream(data), data.length, "image/png"))));
        assertEquals(429, e.httpStatus());
        assertEquals(5, mock.requestCount(), "a stream that was sent once is not sent again");
    }

    @Test
    void aFailingSourceIsReportedAsSuchAndNotRetried() {
        mock.ok(VERSIONS_V1_11).ok("{}");
        InputStream broken = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("disk on fire");
                }
                return 7;
            }
        };
        Throwable e = failure(client.media().upload(UploadRequest.of(broken, 200_000, "image/png")));
        assertFalse(e instanceof MatrixNetworkException, e.toString());
        assertInstanceOf(MatrixException.class, e);
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    }

    @Test
    void aStreamShorterThanDeclaredFails() {
        mock.ok(VERSIONS_V1_11).ok("{}");
        Throwable e = failure(client.media().upload(
                UploadRequest.of(new ByteArrayInputStream(new byte[10]), 20, "image/png")));
        assertInstanceOf(MatrixException.class, e);
        assertTrue(e.getMessage().contains("ended after 10 of the 20 bytes"), e.getMessage());
    }

    @Test
    void aMissingFileFailsWithoutAnyRequest(@TempDir Path dir) {
        Throwable e = failure(client.media().upload(UploadRequest.of(dir.resolve("nope.png"), "image/png")));
        assertInstanceOf(MatrixException.class, e);
        assertTrue(e.getMessage().contains("nope.png"), e.getMessage());
        assertEquals(0, mock.requestCount());
    }

    @Test
    void createsAUriThenPutsTheContent() {
        mock.ok(resource("/spec-examples/media/create.json"));
        PendingUpload pending = client.media().createContentUri().join();
        assertEquals(SPEC_URI, pending.uri());
        assertEquals(1647257217083L, pending.unusedExpiresAt().orElseThrow().toEpochMilli());
        RecordedRequest create = mock.take();
        assertEquals("POST", create.getMethod());
        assertEquals("/_matrix/media/v1/create", create.getUrl().encodedPath());
        assertAuthenticated(create);

        byte[] data = bytes(70_000, 7);
        serve("{}", "{}");
        client.media().uploadTo(pending.uri(), UploadRequest.of(data, "image/jpeg").withFilename("a.jpg")).join();
        RecordedRequest put = takeUpload();
        assertEquals("PUT", put.getMethod());
        assertEquals("/_matrix/media/v3/upload/example.com/AQwafuaFswefuhsfAFAgsw", put.getUrl().encodedPath());
        assertEquals("a.jpg", put.getUrl().queryParameter("filename"));
        assertEquals("image/jpeg", put.getHeaders().get("Content-Type"));
        assertAuthenticated(put);
        assertArrayEquals(data, put.getBody().toByteArray());
    }

    @Test
    void createOnAServerWithoutItIsUnrecognized() {
        mock.error(404, "M_UNRECOGNIZED", "Unrecognized request");
        MatrixApiException e = assertInstanceOf(MatrixApiException.class,
                failure(client.media().createContentUri()));
        assertEquals(ErrorCode.UNRECOGNIZED, e.errorCode());
    }

    @Test
    void badContentTypesAreRefusedAtOnce() {
        assertThrowsIae("png");
        assertThrowsIae("image/");
        assertThrowsIae("image/png\r\nX-Evil: 1");
    }

    private static void assertThrowsIae(String type) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UploadRequest.of(new byte[1], type));
    }
}
