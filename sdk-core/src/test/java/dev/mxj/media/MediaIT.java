package dev.mxj.media;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.mxj.media.MediaMocks.bytes;
import static dev.mxj.media.MediaMocks.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media against a real Dendrite v0.13.8 (sdk-testkit), which offers authenticated media through
 * {@code org.matrix.msc3916.stable}, a 10 MiB upload limit, and pre-generated thumbnails only
 * ({@code dynamic_thumbnails: false}; sizes 32x32 crop, 96x96 crop, 640x480 scale, as JPEG).
 */
@ExtendWith(DendriteExtension.class)
class MediaIT {
    private static final long DENDRITE_LIMIT = 10 * 1024 * 1024;

    private static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    @Test
    void uploadsAndDownloadsByteIdenticalThroughAuthenticatedMedia(Dendrite dendrite, TestUser alice,
                                                                   @TempDir Path dir) throws IOException {
        byte[] data = bytes(400 * 1024, 40);
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        try (MatrixClient client = client(dendrite, alice)) {
            assertEquals(new MediaSupport(true, false), client.media().support().join());

            MxcUri uri = client.media().upload(UploadRequest.of(data, "application/octet-stream")
                    .withFilename("blob.bin").withProgress((sent, total) -> progress.add(sent))).join();

            assertEquals(dendrite.serverName(), uri.serverName().value());
            try (MediaDownload download = client.media().download(uri).join()) {
                assertEquals(Optional.of("application/octet-stream"), download.contentType());
                assertEquals(Optional.of((long) data.length), download.contentLength());
                assertEquals(Optional.of("blob.bin"), download.filename());
                assertArrayEquals(data, download.stream().readAllBytes());
            }
            DownloadedFile file = client.media().download(uri, dir.resolve("copy.bin")).join();
            assertArrayEquals(data, Files.readAllBytes(file.path()));
            MediaMocks.await(() -> !progress.isEmpty() && MediaMocks.last(progress) == data.length, "progress");
        }
    }

    @Test
    void uploadsFromAFileAndAStream(Dendrite dendrite, TestUser alice, @TempDir Path dir) throws IOException {
        byte[] data = bytes(300 * 1024, 41);
        Path file = Files.write(dir.resolve("in.bin"), data);
        try (MatrixClient client = client(dendrite, alice)) {
            MxcUri fromFile = client.media().upload(UploadRequest.of(file, "application/pdf")).join();
            MxcUri fromStream;
            try (InputStream in = Files.newInputStream(file)) {
                fromStream = client.media().upload(UploadRequest.of(in, data.length, "application/pdf")).join();
            }
            for (MxcUri uri : List.of(fromFile, fromStream)) {
                try (MediaDownload d = client.media().download(uri).join()) {
                    assertArrayEquals(data, d.stream().readAllBytes(), uri.toString());
                }
            }
        }
    }

    @Test
    void servesPreGeneratedThumbnailsOfAPng(Dendrite dendrite, TestUser alice) throws IOException {
        byte[] png = TestImages.png(800, 600);
        try (MatrixClient client = client(dendrite, alice)) {
            MxcUri uri = client.media().upload(UploadRequest.of(png, "image/png").withFilename("gradient.png")).join();

            // Dendrite makes its configured sizes in the background after the upload; until it is done it
            // may answer with whichever size it already has. Then it picks the closest one it has.
            awaitThumbnail(client, uri, ThumbnailSettings.crop(96, 96), "96x96");
            assertImage(client.media().thumbnail(uri, ThumbnailSettings.crop(50, 50)).join(), 96, 96);
            assertImage(client.media().thumbnail(uri, ThumbnailSettings.crop(20, 20)).join(), 32, 32);
            assertImage(client.media().thumbnail(uri, ThumbnailSettings.scale(320, 240)).join(), 640, 480);
            assertImage(client.media().thumbnail(uri, ThumbnailSettings.scale(2000, 2000)).join(), 640, 480);
            assertImage(client.media().thumbnail(uri, ThumbnailSettings.scale(320, 240).withAnimated(true)).join(),
                    640, 480);
        }
    }

    @Test
    void aThumbnailOfAnImageSmallerThanEverySizeIsTheOriginal(Dendrite dendrite, TestUser alice) throws IOException {
        byte[] png = TestImages.png(20, 10);
        try (MatrixClient client = client(dendrite, alice)) {
            MxcUri uri = client.media().upload(UploadRequest.of(png, "image/png")).join();
            try (MediaDownload d = client.media().thumbnail(uri, ThumbnailSettings.crop(32, 32)).join()) {
                assertEquals(Optional.of("image/png"), d.contentType());
                assertArrayEquals(png, d.stream().readAllBytes());
            }
        }
    }

    @Test
    void reportsTheUploadLimitAndRefusesLargerUploadsBeforeSending(Dendrite dendrite, TestUser alice) {
        try (MatrixClient client = client(dendrite, alice)) {
            assertEquals(Optional.of(DENDRITE_LIMIT), client.media().config().join().uploadSizeLimit());

            InputStream neverRead = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("an upload over the limit must not be read");
                }
            };
            UploadTooLargeException e = assertInstanceOf(UploadTooLargeException.class, failure(
                    client.media().upload(UploadRequest.of(neverRead, DENDRITE_LIMIT + 1, "video/mp4"))));
            assertEquals(Optional.of(DENDRITE_LIMIT), e.limit());
            assertTrue(e.getMessage().contains(Long.toString(DENDRITE_LIMIT)), e.getMessage());
        }
    }

    @Test
    void aMissingMediaIdIsNotFound(Dendrite dendrite, TestUser alice, @TempDir Path dir) throws IOException {
        MxcUri missing = MxcUri.of("mxc://" + dendrite.serverName() + "/doesNotExist123");
        try (MatrixClient client = client(dendrite, alice)) {
            assertNotFound(failure(client.media().download(missing)));
            assertNotFound(failure(client.media().download(missing, dir.resolve("never"))));
            assertNotFound(failure(client.media().thumbnail(missing, ThumbnailSettings.crop(32, 32))));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void dendriteHasNoAsyncUploadsOrUrlPreviews(Dendrite dendrite, TestUser alice) {
        try (MatrixClient client = client(dendrite, alice)) {
            MatrixApiException create = assertInstanceOf(MatrixApiException.class,
                    failure(client.media().createContentUri()));
            assertEquals(ErrorCode.UNRECOGNIZED, create.errorCode(), create.getMessage());
            MatrixApiException preview = assertInstanceOf(MatrixApiException.class,
                    failure(client.media().previewUrl(java.net.URI.create("https://matrix.org/"))));
            assertEquals(ErrorCode.UNRECOGNIZED, preview.errorCode(), preview.getMessage());
        }
    }

    private static void assertNotFound(Throwable e) {
        MatrixApiException api = assertInstanceOf(MatrixApiException.class, e);
        assertEquals(404, api.httpStatus());
        assertEquals(ErrorCode.NOT_FOUND, api.errorCode(), api.getMessage());
    }

    private static void awaitThumbnail(MatrixClient client, MxcUri uri, ThumbnailSettings settings, String size) {
        MediaMocks.await(() -> {
            try (MediaDownload d = client.media().thumbnail(uri, settings).join()) {
                return TestImages.size(d.stream().readAllBytes()).equals(size);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "Dendrite's " + size + " thumbnail");
    }

    private static void assertImage(MediaDownload download, int width, int height) throws IOException {
        try (download) {
            byte[] image = download.stream().readAllBytes();
            assertEquals(width + "x" + height, TestImages.size(image));
            assertEquals(Optional.of("image/jpeg"), download.contentType());
        }
    }
}
