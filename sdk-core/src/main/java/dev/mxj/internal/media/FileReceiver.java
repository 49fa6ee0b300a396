package dev.mxj.internal.media;

import dev.mxj.MatrixException;
import dev.mxj.internal.http.StreamedResponse;
import dev.mxj.internal.http.StreamingCalls;
import dev.mxj.media.DownloadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams a response body into a temporary file beside the target and moves it into place once
 * complete. Network failures stay {@link IOException}s (the transport may retry the download);
 * failures of the local disk become a {@link MatrixException}. A partial file is always deleted.
 */
final class FileReceiver implements StreamingCalls.BodyReceiver<DownloadedFile> {
    private static final int BUFFER = 64 * 1024;

    private final Path target;

    FileReceiver(Path target) {
        this.target = target.toAbsolutePath();
    }

    @Override
    public DownloadedFile receive(StreamedResponse response) throws IOException {
        Path dir = target.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw local("create a temporary file in " + dir, e);
        }
        boolean moved = false;
        try {
            long size = copy(response, temp);
            if (response.isCancelled()) {
                throw new InterruptedIOException("cancelled");
            }
            move(temp);
            moved = true;
            return new DownloadedFile(target, size, response.header("Content-Type"),
                    ContentDisposition.filename(response.header("Content-Disposition")));
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static long copy(StreamedResponse response, Path temp) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        InputStream in = response.body();
        OutputStream out = open(temp);
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                write(out, buffer, n, temp);
                total += n;
            }
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw local("write " + temp, e);
            }
        }
        return total;
    }

    private static void write(OutputStream out, byte[] buffer, int n, Path temp) {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw local("write " + temp, e);
        }
    }

    private static OutputStream open(Path temp) {
        try {
            return Files.newOutputStream(temp);
        } catch (IOException e) {
            throw local("open " + temp, e);
        }
    }

    private void move(Path temp) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw local("move the download to " + target, e);
        }
    }

    private static MatrixException local(String what, IOException e) {
        return new MatrixException("The download could not " + what + " (" + e + "). Check the disk space and "
                + "the directory's permissions.", e);
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A leftover ".part" file is harmless; nothing better to do here.
        }
    }
}
