package dev.mxj.media;

import dev.mxj.id.MxcUri;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code mxc://} URI made before its content ({@code POST /_matrix/media/v1/create}). Share the
 * URI at once and upload the content to it with {@link Media#uploadTo}.
 *
 * @param uri             where the content will be
 * @param unusedExpiresAt when the server forgets the URI if nothing was uploaded to it
 */
public record PendingUpload(MxcUri uri, Optional<Instant> unusedExpiresAt) {
    public PendingUpload {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(unusedExpiresAt, "unusedExpiresAt");
    }
}
