package dev.mxj.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Media saved to a file by {@link Media#download(dev.mxj.id.MxcUri, Path)}.
 *
 * @param path        the file, complete
 * @param size        its size in bytes
 * @param contentType the {@code Content-Type} the server sent
 * @param filename    the file name from {@code Content-Disposition}, when there is one
 */
public record DownloadedFile(Path path, long size, Optional<String> contentType, Optional<String> filename) {
    public DownloadedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(filename, "filename");
    }
}
