package dev.mxj.crypto.attachment;

import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.media.Media;
import dev.mxj.media.ProgressListener;
import dev.mxj.media.UploadRequest;
import dev.mxj.media.UploadSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Encrypted attachments through the client's content repository: encrypt and upload a file, and
 * download, verify and decrypt one. Files are streamed, never held in memory whole.
 *
 * <pre>{@code
 * EncryptedMedia media = EncryptedMedia.of(client);
 * EncryptedFile file = media.upload(new UploadSource.File(photo)).join();
 * room.sendEvent(RoomMessageContent.TYPE,
 *         EncryptedMediaMessage.image("photo.jpg", file).withInfo(info).toContent());
 *
 * // on the other side, from a received m.image:
 * EncryptedFile received = EncryptedFile.fromMessage(message).orElseThrow();
 * media.download(received, Path.of("photo.jpg")).join();
 * }</pre>
 *
 * <p>Uploads send the ciphertext as {@code application/octet-stream} without a file name, so the
 * server learns neither; put them in the (encrypted) event's {@code info} and {@code filename}.
 * Downloads check the ciphertext's SHA-256 hash before any plaintext is written or returned, by
 * keeping the ciphertext in a temporary file first; a changed file fails with an
 * {@link AttachmentException} ({@link AttachmentException.Reason#HASH_MISMATCH}) and leaves
 * nothing behind. Other failures are those of {@link Media}. Cancelling a returned future cancels
 * the transfer. File work runs on the executor given (or, with {@link #of}, on a shared pool of
 * daemon threads), never on the HTTP client's threads. Thread-safe.
 */
public final class EncryptedMedia {
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final Media media;
    private final Executor executor;

    /**
     * @param media    the content repository, {@link MatrixClient#media()}
     * @param executor runs the blocking file work (hashing, decrypting); should allow blocking
     */
    public EncryptedMedia(Media media, Executor executor) {
        this.media = Objects.requireNonNull(media, "media");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Encrypted media for {@code client}, with file work on a pool of daemon threads mxj shares. */
    public static EncryptedMedia of(MatrixClient client) {
        return new EncryptedMedia(client.media(), SharedPool.EXECUTOR);
    }

    /** {@link #upload(UploadSource, Optional)} without progress. */
    public CompletableFuture<EncryptedFile> upload(UploadSource source) {
        return upload(source, Optional.empty());
    }

    /**
     * Encrypts {@code source} under a new key and uploads the ciphertext; completes with its
     * description, to put in the event. A file is encrypted as it is sent; bytes in memory are
     * encrypted first (so the upload can be retried); a stream is read exactly as
     * {@link UploadSource.Stream} says and not closed. An upload from a file or stream is not
     * retried once it started sending: upload again.
     *
     * @param progress told of the bytes sent, see {@link ProgressListener}
     */
    public CompletableFuture<EncryptedFile> upload(UploadSource source, Optional<ProgressListener> progress) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(progress, "progress");
        AttachmentEncryptor encryptor = AttachmentEncryptor.create();
        UploadSource ciphertext;
        InputStream opened = null;
        long length;
        if (source instanceof UploadSource.Bytes bytes) {
            ciphertext = new UploadSource.Bytes(encryptor.encrypt(bytes.data()));
            length = bytes.data().length;
        } else if (source instanceof UploadSource.Stream stream) {
            ciphertext = new UploadSource.Stream(encryptor.encrypt(stream.stream()), stream.length());
            length = stream.length();
        } else {
            Path path = ((UploadSource.File) source).path();
            try {
                if (!Files.isRegularFile(path)) {
                    throw new MatrixException("Cannot upload " + path + ": it is not a regular file (or does not exist).");
                }
                length = Files.size(path);
                opened = Files.newInputStream(path);
            } catch (IOException | MatrixException e) {
                return CompletableFuture.failedFuture(e instanceof MatrixException m ? m
                        : new MatrixException("Cannot upload " + path + ": it cannot be read (" + e + ").", e));
            }
            ciphertext = new UploadSource.Stream(encryptor.encrypt(opened), length);
        }
        UploadRequest request = new UploadRequest(ciphertext, CONTENT_TYPE, Optional.empty(), progress);
        InputStream toClose = opened;
        var upload = media.upload(request);
        CompletableFuture<EncryptedFile> result = upload.whenComplete((uri, error) -> closeQuietly(toClose))
                .thenApply(uri -> {
                    if (encryptor.length() != length) {
                        throw new MatrixException("The upload sent " + encryptor.length() + " bytes of a source of "
                                + length + "; the file or stream changed while it was read. Upload it again.");
                    }
                    return encryptor.finish(uri);
                });
        return cancelling(result, upload);
    }

    /**
     * Downloads the attachment, checks its hash and decrypts it into {@code target}, replacing it.
     * The ciphertext goes to a temporary file beside {@code target}, the plaintext to another,
     * moved into place once complete: {@code target} never holds unverified or partial content.
     * Completes with {@code target}.
     *
     * @throws AttachmentException (in the future) if mxj cannot decrypt {@code file} (checked
     *                             before anything is downloaded) or the hash does not match
     */
    public CompletableFuture<Path> download(EncryptedFile file, Path target) {
        Objects.requireNonNull(target, "target");
        AttachmentDecryptor decryptor;
        Path absolute = target.toAbsolutePath();
        Path encrypted;
        try {
            decryptor = AttachmentDecryptor.of(file);
            encrypted = tempFile(absolute.getParent(), "." + absolute.getFileName() + ".");
        } catch (MatrixException e) {
            return CompletableFuture.failedFuture(e);
        }
        var transfer = media.download(file.url(), encrypted);
        CompletableFuture<Path> result = transfer.thenApplyAsync(downloaded -> {
            AttachmentFiles.verify(decryptor, encrypted);
            AttachmentFiles.decryptInto(decryptor, encrypted, absolute);
            return absolute;
        }, executor).whenComplete((path, error) -> AttachmentFiles.deleteQuietly(encrypted));
        return cancelling(result, transfer);
    }

    /**
     * Downloads the attachment and checks its hash, then completes with a stream of its plaintext,
     * decrypted as it is read. The ciphertext waits in a temporary file (in {@code java.io.tmpdir}),
     * deleted when the stream is closed: close it.
     *
     * @throws AttachmentException (in the future) as {@link #download(EncryptedFile, Path)}
     */
    public CompletableFuture<InputStream> download(EncryptedFile file) {
        AttachmentDecryptor decryptor;
        Path encrypted;
        try {
            decryptor = AttachmentDecryptor.of(file);
            encrypted = tempFile(null, "mxj-attachment-");
        } catch (MatrixException e) {
            return CompletableFuture.failedFuture(e);
        }
        var transfer = media.download(file.url(), encrypted);
        CompletableFuture<InputStream> result = transfer.thenApplyAsync(downloaded -> {
            AttachmentFiles.verify(decryptor, encrypted);
            return AttachmentFiles.openDecrypting(decryptor, encrypted);
        }, executor).whenComplete((stream, error) -> {
            if (error != null) {
                AttachmentFiles.deleteQuietly(encrypted);
            }
        });
        return cancelling(result, transfer);
    }

    private static Path tempFile(Path directory, String prefix) {
        try {
            return directory == null ? Files.createTempFile(prefix, ".encrypted")
                    : Files.createTempFile(directory, prefix, ".encrypted");
        } catch (IOException e) {
            throw new MatrixException("The download could not create a temporary file" + (directory == null ? ""
                    : " in " + directory) + " (" + e + "). Check the disk space and the directory's permissions.", e);
        }
    }

    /** {@code result}, which cancels {@code transfer} when it is cancelled itself. */
    private static <T> CompletableFuture<T> cancelling(CompletableFuture<T> result, CompletableFuture<?> transfer) {
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                transfer.cancel(true);
            }
        });
        return result;
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // a file we only read from
            }
        }
    }

    /** Daemon threads for file work, made as needed and ended after a minute idle. */
    private static final class SharedPool {
        static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "mxj-attachments");
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
