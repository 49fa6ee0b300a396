package dev.mxj.media;

import dev.mxj.MatrixClient;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.mxj.media.MediaMocks.URI;
import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.await;
import static dev.mxj.media.MediaMocks.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelling a future, or closing a download, stops the transfer on the wire. */
class MediaCancelTest {
    private final MockHomeserver mock = MockHomeserver.start();
    private final OkHttpClient http = MediaMocks.http();
    private final MatrixClient client = MediaMocks.client(mock, b -> b.httpClient(http));

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
        MediaMocks.shutdown(http);
    }

    private void awaitNoCalls() {
        await(() -> http.dispatcher().runningCallsCount() == 0 && http.connectionPool().connectionCount()
                == http.connectionPool().idleConnectionCount(), "the HTTP call to stop");
    }

    private static MockResponse slowBody(int size) {
        return new MockResponse.Builder().body(new Buffer().write(bytes(size, 30)))
                .throttleBody(16 * 1024, 100, TimeUnit.MILLISECONDS).build();
    }

    @Test
    void cancellingBeforeTheHeadersCancelsTheCall() {
        mock.ok(VERSIONS_V1_11).enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("x").build());
        CompletableFuture<MediaDownload> future = client.media().download(URI);
        mock.take();
        mock.take();

        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, future::join);
        awaitNoCalls();
        assertEquals(2, mock.requestCount(), "a cancelled download is not retried");
    }

    @Test
    void cancellingWhileVersionsIsAskedSendsNoDownload() {
        mock.enqueue(new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS).body(VERSIONS_V1_11).build());
        CompletableFuture<MediaDownload> future = client.media().download(URI);
        mock.take();
        future.cancel(true);
        MediaMocks.sleep(Duration.ofMillis(600));
        assertEquals(1, mock.requestCount());
    }

    @Test
    void closingADownloadMidBodyCancelsTheCall() throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(slowBody(2_000_000));
        MediaDownload download = client.media().download(URI).join();
        InputStream in = download.stream();
        assertTrue(in.read(new byte[1024]) > 0);

        download.close();

        awaitNoCalls();
        assertThrows(IOException.class, () -> in.read(new byte[10]));
    }

    @Test
    void cancellingADownloadToAFileMidBodyLeavesNothing(@TempDir Path dir) throws IOException {
        mock.ok(VERSIONS_V1_11).enqueue(slowBody(2_000_000));
        CompletableFuture<DownloadedFile> future = client.media().download(URI, dir.resolve("big.bin"));
        await(() -> {
            try (var files = Files.list(dir)) {
                return files.findAny().map(p -> p.toFile().length() > 0).orElse(false);
            } catch (IOException e) {
                return false;
            }
        }, "the download to begin");

        future.cancel(true);

        awaitNoCalls();
        await(() -> {
            try (var files = Files.list(dir)) {
                return files.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "the partial file to be deleted");
    }

    @Test
    void cancellingAnUploadStopsReadingTheSource() {
        mock.ok(VERSIONS_V1_11).ok("{}").ok("{\"content_uri\":\"mxc://example.org/never\"}");
        AtomicLong read = new AtomicLong();
        InputStream slow = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                MediaMocks.sleep(Duration.ofMillis(5));
                int n = Math.min(len, 4096);
                read.addAndGet(n);
                return n;
            }
        };
        AtomicLong progress = new AtomicLong();
        CompletableFuture<?> future = client.media().upload(UploadRequest.of(slow, 50_000_000, "application/zip")
                .withProgress((sent, total) -> progress.set(sent)));
        await(() -> progress.get() > 100_000, "the upload to make progress");

        assertTrue(future.cancel(true));

        awaitNoCalls();
        long after = read.get();
        MediaMocks.sleep(Duration.ofMillis(300));
        assertEquals(after, read.get(), "the source is still being read");
        assertTrue(after < 50_000_000);
    }
}
