package dev.mxj.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to upload: the bytes, their MIME type, an optional file name for the server to keep, and an
 * optional progress listener. Immutable.
 *
 * <pre>{@code
 * MxcUri uri = client.media()
 *         .upload(UploadRequest.of(Path.of("cat.png"), "image/png")
 *                 .withFilename("cat.png")
 *                 .withProgress((sent, total) -> System.out.printf("%d/%d%n", sent, total)))
 *         .join();
 * }</pre>
 *
 * @param source      the bytes
 * @param contentType the MIME type sent as {@code Content-Type}, e.g. {@code image/png}
 * @param filename    the {@code filename} query parameter
 * @param progress    told of the bytes sent, on the client's callback executor
 */
public record UploadRequest(UploadSource source, String contentType, Optional<String> filename,
                            Optional<ProgressListener> progress) {
    public UploadRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(progress, "progress");
        int slash = contentType.indexOf('/');
        if (slash <= 0 || slash == contentType.length() - 1 || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("contentType must be a MIME type such as 'image/png', was '"
                    + contentType + "'");
        }
    }

    /** Uploads a file; see {@link UploadSource.File}. */
    public static UploadRequest of(Path file, String contentType) {
        return new UploadRequest(new UploadSource.File(file), contentType, Optional.empty(), Optional.empty());
    }

    /** Uploads bytes; see {@link UploadSource.Bytes}. */
    public static UploadRequest of(byte[] data, String contentType) {
        return new UploadRequest(new UploadSource.Bytes(data), contentType, Optional.empty(), Optional.empty());
    }

    /** Uploads {@code length} bytes of a stream; see {@link UploadSource.Stream}. */
    public static UploadRequest of(InputStream stream, long length, String contentType) {
        return new UploadRequest(new UploadSource.Stream(stream, length), contentType, Optional.empty(),
                Optional.empty());
    }

    /** The file name the server stores and gives back in {@code Content-Disposition}. */
    public UploadRequest withFilename(String name) {
        return new UploadRequest(source, contentType, Optional.of(name), progress);
    }

    /** Reports the bytes sent; see {@link ProgressListener}. */
    public UploadRequest withProgress(ProgressListener listener) {
        return new UploadRequest(source, contentType, filename, Optional.of(listener));
    }
}
