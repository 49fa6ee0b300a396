package dev.mxj.media;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.mxj.media.MediaMocks.URI;
import static dev.mxj.media.MediaMocks.VERSIONS_LEGACY;
import static dev.mxj.media.MediaMocks.VERSIONS_MSC3916;
import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.assertAuthenticated;
import static dev.mxj.media.MediaMocks.assertNoToken;
import static dev.mxj.media.MediaMocks.bytes;
import static dev.mxj.media.MediaMocks.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads and thumbnails against a mock homeserver: paths, tokens, legacy fallback, headers, retries. */
class MediaDownloadTest {
    private final MockHomeserver mock = MockHomeserver.start();
    private final MatrixClient client = mock.loggedInClient();

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    private static MockResponse media(byte[] body, String contentType) {
        return new MockResponse.Builder().setHeader("Content-Type", contentType).body(new Buffer().write(body)).build();
    }

    private static byte[] read(MediaDownload download) throws IOException {
        try (download; InputStream in = download.stream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void downloadsThroughAuthenticatedMediaWithTheToken() throws IOException {
        byte[] data = bytes(200_000, 10);
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png")
                .setHeader("Content-Disposition", "inline; filename=\"cat.png\"").body(new Buffer().write(data)).build());

        MediaDownload download = client.media().download(URI).join();

        assertEquals(Optional.of("image/png"), download.contentType());
        assertEquals(Optional.of((long) data.length), download.contentLength());
        assertEquals(Optional.of("cat.png"), download.filename());
        assertArrayEquals(data, read(download));
        assertNoToken(mock.take());
        RecordedRequest get = mock.take();
        assertEquals("GET", get.getMethod());
        assertEquals("/_matrix/client/v1/media/download/example.org/AbCdEf123", get.getUrl().encodedPath());
        assertAuthenticated(get);
    }

    @Test
    void theUnstableMsc3916FlagMeansAuthenticatedMedia() throws IOException {
        mock.ok(VERSIONS_MSC3916).enqueue(media(new byte[] {1, 2, 3}, "application/octet-stream"));
        assertArrayEquals(new byte[] {1, 2, 3}, read(client.media().download(URI).join()));
        mock.take();
        RecordedRequest get = mock.take();
        assertTrue(get.getUrl().encodedPath().startsWith("/_matrix/client/v1/media/download/"), get.toString());
        assertTrue(client.media().support().join().authenticatedMedia());
        assertFalse(client.media().support().join().asyncUploads());
    }

    @Test
    void withoutAuthenticatedMediaTheLegacyEndpointsAreUsedWithoutTheToken() throws IOException {
        mock.ok(VERSIONS_LEGACY).enqueue(media(new byte[] {9}, "image/png")).enqueue(media(new byte[] {8}, "image/jpeg"))
                .ok("{\"m.upload.size\": 5}");

        assertArrayEquals(new byte[] {9}, read(client.media().download(URI).join()));
        assertArrayEquals(new byte[] {8}, read(client.media().thumbnail(URI, ThumbnailSettings.crop(32, 32)).join()));
        assertEquals(5L, client.media().config().join().uploadSizeLimit().orElseThrow());

        assertEquals(new MediaSupport(false, false), client.media().support().join());
        mock.take();
        RecordedRequest download = mock.take();
        assertEquals("/_matrix/media/v3/download/example.org/AbCdEf123", download.getUrl().encodedPath());
        assertNoToken(download);
        RecordedRequest thumbnail = mock.take();
        assertEquals("/_matrix/media/v3/thumbnail/example.org/AbCdEf123", thumbnail.getUrl().encodedPath());
        assertNoToken(thumbnail);
        RecordedRequest config = mock.take();
        assertEquals("/_matrix/media/v3/config", config.getUrl().encodedPath());
        assertAuthenticated(config);
        assertEquals(4, mock.requestCount(), "/versions is read once per client");
    }

    @Test
    void aFailedVersionsReadIsNotRemembered() throws IOException {
        mock.error(403, "M_FORBIDDEN", "no").ok(VERSIONS_V1_11).enqueue(media(new byte[] {1}, "image/png"));
        MatrixApiException e = assertInstanceOf(MatrixApiException.class, failure(client.media().download(URI)));
        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertArrayEquals(new byte[] {1}, read(client.media().download(URI).join()));
    }

    @Test
    void thumbnailsAskForSizeMethodAndAnimation() throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(media(new byte[] {1}, "image/png")).enqueue(media(new byte[] {2}, "image/webp"));

        read(client.media().thumbnail(URI, ThumbnailSettings.scale(640, 480)).join());
        MediaDownload animated = client.media().thumbnail(URI, ThumbnailSettings.crop(96, 64).withAnimated(true)).join();
        assertEquals(Optional.of("image/webp"), animated.contentType());
        read(animated);

        mock.take();
        RecordedRequest scale = mock.take();
        assertEquals("/_matrix/client/v1/media/thumbnail/example.org/AbCdEf123", scale.getUrl().encodedPath());
        assertEquals("640", scale.getUrl().queryParameter("width"));
        assertEquals("480", scale.getUrl().queryParameter("height"));
        assertEquals("scale", scale.getUrl().queryParameter("method"));
        assertFalse(scale.getUrl().queryParameterNames().contains("animated"));
        assertAuthenticated(scale);
        RecordedRequest crop = mock.take();
        assertEquals("crop", crop.getUrl().queryParameter("method"));
        assertEquals("64", crop.getUrl().queryParameter("height"));
        assertEquals("true", crop.getUrl().queryParameter("animated"));
    }

    @Test
    void aMissingMediaIdIsNotFound() {
        mock.ok(VERSIONS_V1_11).error(404, "M_NOT_FOUND", "Not found");
        MatrixApiException e = assertInstanceOf(MatrixApiException.class, failure(client.media().download(URI)));
        assertEquals(ErrorCode.NOT_FOUND, e.errorCode());
        assertEquals("GET /_matrix/client/v1/media/download/example.org/AbCdEf123", e.endpoint());
    }

    @Test
    void serverErrorsBeforeTheBodyAreRetried() throws IOException {
        mock.ok(VERSIONS_V1_11).error(503, "M_UNKNOWN", "busy")
                .json(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow\",\"retry_after_ms\":1}")
                .enqueue(media(new byte[] {4, 2}, "image/png"));
        assertArrayEquals(new byte[] {4, 2}, read(client.media().download(URI).join()));
        assertEquals(4, mock.requestCount());
    }

    @Test
    void fileNamesFromContentDisposition() {
        assertFilename("attachment; filename*=UTF-8''na%C3%AFve%20file+1.txt; filename=\"fallback.txt\"",
                "naïve file+1.txt");
        assertFilename("inline; filename=\"say \\\"hi\\\".txt\"", "say \"hi\".txt");
        assertFilename("attachment; filename=plain.bin", "plain.bin");
        assertFilename("inline", null);
    }

    private void assertFilename(String header, String expected) {
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().setHeader("Content-Disposition", header)
                .body("x").build());
        try (MatrixClient c = mock.loggedInClient(); MediaDownload d = c.media().download(URI).join()) {
            assertEquals(Optional.ofNullable(expected), d.filename(), header);
        }
    }

    @Test
    void downloadsIntoAFileReplacingIt(@TempDir Path dir) throws IOException {
        byte[] data = bytes(500_000, 11);
        Path target = Files.writeString(dir.resolve("out.bin"), "old content");
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().setHeader("Content-Type", "video/mp4")
                .setHeader("Content-Disposition", "attachment; filename=\"clip.mp4\"")
                .body(new Buffer().write(data)).build());

        DownloadedFile file = client.media().download(URI, target).join();

        assertEquals(target.toAbsolutePath(), file.path());
        assertEquals(data.length, file.size());
        assertEquals(Optional.of("video/mp4"), file.contentType());
        assertEquals(Optional.of("clip.mp4"), file.filename());
        assertArrayEquals(data, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void thumbnailIntoAFile(@TempDir Path dir) throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(media(new byte[] {5, 6, 7}, "image/jpeg"));
        DownloadedFile file = client.media().thumbnail(URI, ThumbnailSettings.crop(32, 32), dir.resolve("t.jpg")).join();
        assertArrayEquals(new byte[] {5, 6, 7}, Files.readAllBytes(file.path()));
        mock.take();
        assertEquals("/_matrix/client/v1/media/thumbnail/example.org/AbCdEf123", mock.take().getUrl().encodedPath());
    }
}
