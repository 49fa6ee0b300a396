package dev.mxj.media;

import dev.mxj.MatrixClient;
import dev.mxj.MatrixNetworkException;
import dev.mxj.RetryConfig;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.mxj.media.MediaMocks.URI;
import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.bytes;
import static dev.mxj.media.MediaMocks.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slow, stalled and broken download bodies: typed network errors, and retries only before the body. */
class MediaFaultTest {
    private final MockHomeserver mock = MockHomeserver.start();
    private final OkHttpClient http = MediaMocks.http();

    @AfterEach
    void tearDown() {
        mock.close();
        MediaMocks.shutdown(http);
    }

    private MatrixClient client(Duration readTimeout, RetryConfig retries) {
        OkHttpClient configured = http.newBuilder().readTimeout(readTimeout).build();
        return MediaMocks.client(mock, b -> b.httpClient(configured).retryConfig(retries));
    }

    private static MockResponse broken(byte[] data) {
        return new MockResponse.Builder().body(new Buffer().write(data))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aSlowButSteadyBodyArrivesWhole() throws IOException {
        byte[] data = bytes(256 * 1024, 20);
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().body(new Buffer().write(data))
                .throttleBody(32 * 1024, 50, TimeUnit.MILLISECONDS).build());
        try (MatrixClient client = client(Duration.ofSeconds(2), RetryConfig.none());
             MediaDownload d = client.media().download(URI).join()) {
            assertArrayEquals(data, d.stream().readAllBytes());
        }
    }

    @Test
    void aStalledBodyFailsWithATimeoutNetworkError() {
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().body(new Buffer().write(bytes(4096, 21)))
                .throttleBody(100, 2, TimeUnit.SECONDS).build());
        try (MatrixClient client = client(Duration.ofMillis(300), MockHomeserver.fastRetries());
             MediaDownload d = client.media().download(URI).join()) {
            InputStream in = d.stream();
            MatrixNetworkException e = assertThrows(MatrixNetworkException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(e.getMessage().contains("GET /_matrix/client/v1/media/download/example.org/AbCdEf123"),
                    e.getMessage());
        }
        assertEquals(2, mock.requestCount(), "nothing is retried once the body is the caller's");
    }

    @Test
    void aDisconnectMidStreamIsANetworkErrorAndNotRetried() {
        mock.ok(VERSIONS_V1_11).enqueue(broken(bytes(2_000_000, 22))).enqueue(broken(bytes(10, 0)));
        try (MatrixClient client = client(Duration.ofSeconds(5), MockHomeserver.fastRetries());
             MediaDownload d = client.media().download(URI).join()) {
            MatrixNetworkException e = assertThrows(MatrixNetworkException.class, () -> d.stream().readAllBytes());
            assertInstanceOf(IOException.class, e.getCause());
        }
        assertEquals(2, mock.requestCount());
    }

    @Test
    void aDisconnectMidFileIsRetriedFromTheStart(@TempDir Path dir) throws IOException {
        byte[] data = bytes(2_000_000, 23);
        mock.ok(VERSIONS_V1_11).enqueue(broken(data)).enqueue(new MockResponse.Builder().body(new Buffer().write(data))
                .build());
        Path target = dir.resolve("media.bin");
        try (MatrixClient client = client(Duration.ofSeconds(5), MockHomeserver.fastRetries())) {
            DownloadedFile file = client.media().download(URI, target).join();
            assertEquals(data.length, file.size());
        }
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(3, mock.requestCount());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aDisconnectMidFileWithoutRetriesFailsAndLeavesNothing(@TempDir Path dir) throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(broken(bytes(2_000_000, 24)));
        try (MatrixClient client = client(Duration.ofSeconds(5), RetryConfig.none())) {
            Throwable e = failure(client.media().download(URI, dir.resolve("media.bin")));
            assertInstanceOf(MatrixNetworkException.class, e);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither the target nor a temporary file");
        }
    }

    @Test
    void aTruncatedBodyIsNotMistakenForTheWholeFile(@TempDir Path dir) throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().body(new Buffer().write(bytes(500, 25)))
                .setHeader("Content-Length", "1000").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (MatrixClient client = client(Duration.ofSeconds(5), RetryConfig.none())) {
            assertInstanceOf(MatrixNetworkException.class, failure(client.media().download(URI, dir.resolve("x"))));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
