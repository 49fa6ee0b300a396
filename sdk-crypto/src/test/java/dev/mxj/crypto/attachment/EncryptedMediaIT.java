package dev.mxj.crypto.attachment;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.crypto.attachment.AttachmentException.Reason;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.MessageType;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.media.MediaDownload;
import dev.mxj.media.UploadRequest;
import dev.mxj.media.UploadSource;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.store.StoredEvent;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.mxj.crypto.attachment.AttachmentTesting.bytes;
import static dev.mxj.crypto.attachment.AttachmentTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encrypted attachments through a real Dendrite v0.13.8 (sdk-testkit): what the server stores is
 * ciphertext that it cannot tell anything about, what comes back decrypts to the same bytes, and a
 * file changed on the server is refused with nothing left behind.
 */
@ExtendWith(DendriteExtension.class)
class EncryptedMediaIT {
    private static final int MIB = 1024 * 1024;

    @Test
    void uploadsCiphertextAndDownloadsTheSamePlaintext(Dendrite dendrite, TestUser alice, @TempDir Path dir)
            throws IOException {
        byte[] data = bytes(MIB + 13, 1);
        try (MatrixClient client = client(dendrite, alice)) {
            EncryptedMedia media = EncryptedMedia.of(client);
            EncryptedFile file = await(media.upload(new UploadSource.Bytes(data)));
            assertEquals(dendrite.serverName(), file.url().serverName().value());

            try (MediaDownload stored = await(client.media().download(file.url()))) {
                byte[] onServer = stored.stream().readAllBytes();
                assertEquals(data.length, onServer.length);
                assertFalse(Arrays.equals(data, onServer), "the server holds ciphertext");
                assertEquals(file.sha256().orElseThrow(), sha256(onServer));
                assertEquals(Optional.of("application/octet-stream"), stored.contentType());
                assertEquals(Optional.empty(), stored.filename(), "no file name reaches the server");
            }

            Path target = dir.resolve("copy.bin");
            assertEquals(target.toAbsolutePath(), await(media.download(file, target)));
            assertArrayEquals(data, Files.readAllBytes(target));
            assertEquals(List.of(target.toAbsolutePath()), files(dir), "no temporary files are left");

            try (InputStream in = await(media.download(file))) {
                assertArrayEquals(data, in.readAllBytes());
            }
        }
    }

    @Test
    void encryptsFilesAndStreamsAsTheyAreSent(Dendrite dendrite, TestUser alice, @TempDir Path dir) throws IOException {
        byte[] data = bytes(3 * MIB + 1, 2);
        Path source = Files.write(dir.resolve("source.bin"), data);
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        try (MatrixClient client = client(dendrite, alice)) {
            EncryptedMedia media = EncryptedMedia.of(client);
            EncryptedFile fromFile = await(media.upload(new UploadSource.File(source),
                    Optional.of((sent, total) -> progress.add(sent))));
            EncryptedFile fromStream;
            try (InputStream in = Files.newInputStream(source)) {
                fromStream = await(media.upload(new UploadSource.Stream(in, data.length)));
            }
            assertFalse(fromFile.key().k().equals(fromStream.key().k()), "every upload has its own key");
            assertFalse(fromFile.sha256().equals(fromStream.sha256()));
            for (EncryptedFile file : List.of(fromFile, fromStream)) {
                Path target = dir.resolve("out-" + file.url().mediaId());
                await(media.download(file, target));
                assertArrayEquals(data, Files.readAllBytes(target), file.url().toString());
            }
            await(() -> !progress.isEmpty() && progress.get(progress.size() - 1) == data.length, "progress");
        }
    }

    @Test
    void aTamperedOrTruncatedDownloadIsRefusedAndLeavesNothing(Dendrite dendrite, TestUser alice, @TempDir Path dir)
            throws IOException {
        byte[] data = bytes(200_000, 3);
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        byte[] ciphertext = encryptor.encrypt(data);
        byte[] changed = ciphertext.clone();
        changed[123_456] ^= 0x20;
        byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 16);
        try (MatrixClient client = client(dendrite, alice)) {
            EncryptedMedia media = EncryptedMedia.of(client);
            for (byte[] served : List.of(changed, truncated)) {
                // What a malicious server would do: serve other bytes under the URL the event names.
                MxcUri url = await(client.media().upload(UploadRequest.of(served, "application/octet-stream")));
                EncryptedFile file = encryptor.finish(url);
                Path target = dir.resolve("never.bin");

                AttachmentException toFile = assertInstanceOf(AttachmentException.class,
                        failure(media.download(file, target)));
                assertEquals(Reason.HASH_MISMATCH, toFile.reason());
                assertEquals(List.of(), files(dir), "neither the target nor a temporary file exists");

                AttachmentException toStream = assertInstanceOf(AttachmentException.class,
                        failure(media.download(file)));
                assertEquals(Reason.HASH_MISMATCH, toStream.reason());
            }
            MxcUri genuine = await(client.media().upload(UploadRequest.of(ciphertext, "application/octet-stream")));
            Path target = dir.resolve("genuine.bin");
            await(media.download(encryptor.finish(genuine), target));
            assertArrayEquals(data, Files.readAllBytes(target));
        }
    }

    @Test
    void anAttachmentMxjCannotDecryptFailsBeforeDownloading(Dendrite dendrite, TestUser alice, @TempDir Path dir)
            throws IOException {
        try (MatrixClient client = client(dendrite, alice)) {
            EncryptedMedia media = EncryptedMedia.of(client);
            EncryptedFile file = await(media.upload(new UploadSource.Bytes(bytes(100, 4))));
            EncryptedFile future = new EncryptedFile(file.url(), file.key(), file.iv(), file.hashes(), "v3");
            AttachmentException e = assertInstanceOf(AttachmentException.class,
                    failure(media.download(future, dir.resolve("x"))));
            assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
            assertEquals(Reason.UNSUPPORTED_VERSION, assertInstanceOf(AttachmentException.class,
                    failure(media.download(future))).reason());
            assertEquals(List.of(), files(dir));
        }
    }

    /** The whole path: upload, a message with file and thumbnail, a second user's sync, download, decrypt. */
    @Test
    void aSecondUserDecryptsTheFileAndThumbnailOfAMessage(Dendrite dendrite, TestUser alice, TestUser bob,
                                                        @TempDir Path dir) throws IOException {
        byte[] photo = bytes(500_000, 5);
        byte[] thumbnail = bytes(9_000, 6);
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT).build()));
            await(other.rooms().join(room.roomId(), List.of()));
            EncryptedMedia mine = EncryptedMedia.of(me);
            EncryptedFile file = await(mine.upload(new UploadSource.Bytes(photo)));
            EncryptedFile thumb = await(mine.upload(new UploadSource.Bytes(thumbnail)));
            RawJson content = EncryptedMediaMessage.image("photo.jpg", file)
                    .withMimetype("image/jpeg").withSize(photo.length).withDimensions(1600, 1200)
                    .withThumbnail(thumb, "image/jpeg", thumbnail.length, 320, 240)
                    .toContent();
            EventId sent = await(room.sendEvent(RoomMessageContent.TYPE, content).sent());

            await(other.sync().syncOnce());
            Room seen = other.rooms().room(room.roomId()).orElseThrow();
            RawJson received = event(seen, sent).raw().object("content").orElseThrow();
            MessageType.Media message = (MessageType.Media) ((RoomMessageContent) EventRegistry.defaults()
                    .parseContent(RoomMessageContent.TYPE, received)).message();
            EncryptedMedia theirs = EncryptedMedia.of(other);

            Path photoCopy = dir.resolve("photo.jpg");
            await(theirs.download(EncryptedFile.fromMessage(message).orElseThrow(), photoCopy));
            assertArrayEquals(photo, Files.readAllBytes(photoCopy));
            try (InputStream in = await(theirs.download(EncryptedFile.fromThumbnail(message.info()).orElseThrow()))) {
                assertArrayEquals(thumbnail, in.readAllBytes());
            }
            assertEquals(Optional.of("image/jpeg"), message.info().mimetype());
            assertEquals(Optional.of((long) photo.length), message.info().size());
        }
    }

    private static RoomEvent event(Room room, EventId id) {
        return room.latestEvents(100).stream().map(StoredEvent::event).filter(RoomEvent.class::isInstance)
                .map(RoomEvent.class::cast).filter(e -> e.eventId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the synced timeline"));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(Path::toAbsolutePath).sorted().toList();
        }
    }

    private static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.orTimeout(60, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail");
    }
}
