package dev.mxj.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of an upload come from. mxj streams them; it never reads a whole file or stream
 * into memory. Usually made by the {@link UploadRequest} factories.
 */
public sealed interface UploadSource {
    /**
     * A file, opened (and its size taken) when the upload starts; it can be read again if the
     * upload is retried. It must not change while it is being uploaded.
     */
    record File(Path path) implements UploadSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Bytes in memory, sent as they are; do not change the array until the upload completes. */
    record Bytes(byte[] data) implements UploadSource {
        public Bytes {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A stream with a known length. mxj reads exactly {@code length} bytes from it, on its own
     * threads, and does not close it: close it once the upload's future completes. A stream can be
     * sent only once, so an upload from one is not retried after it started sending.
     */
    record Stream(InputStream stream, long length) implements UploadSource {
        public Stream {
            Objects.requireNonNull(stream, "stream");
            if (length < 0) {
                throw new IllegalArgumentException("length must be >= 0, was " + length);
            }
        }
    }
}
