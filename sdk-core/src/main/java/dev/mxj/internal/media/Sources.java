package dev.mxj.internal.media;

import dev.mxj.MatrixException;
import dev.mxj.internal.http.BodySource;
import dev.mxj.media.UploadSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns an {@link UploadSource} into the transport's {@link BodySource}, sizing files now. */
final class Sources {
    private Sources() {
    }

    /** @throws MatrixException if a file cannot be read */
    static BodySource of(UploadSource source) {
        if (source instanceof UploadSource.File file) {
            return file(file.path());
        }
        if (source instanceof UploadSource.Bytes bytes) {
            byte[] data = bytes.data();
            return new Fixed(data.length, true, () -> new ByteArrayInputStream(data));
        }
        UploadSource.Stream stream = (UploadSource.Stream) source;
        return new Fixed(stream.length(), false, stream::stream);
    }

    private static BodySource file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new MatrixException("Cannot upload " + path + ": it is not a regular file (or does not exist).");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new MatrixException("Cannot upload " + path + ": its size cannot be read (" + e + ").", e);
        }
        return new Fixed(size, true, () -> Files.newInputStream(path));
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private record Fixed(long length, boolean replayable, Opener opener) implements BodySource {
        @Override
        public InputStream open() throws IOException {
            return opener.open();
        }
    }
}
