package dev.mxj.media;

import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * The content repository's configuration ({@code GET /_matrix/client/v1/media/config}).
 *
 * @param uploadSizeLimit {@code m.upload.size}: the largest upload in bytes; empty when the server
 *                        does not say, and then the limit is unknown. A proxy may enforce a lower one
 * @param raw             the whole answer, with fields this version does not model
 */
public record MediaConfig(Optional<Long> uploadSizeLimit, RawJson raw) {
    public MediaConfig {
        Objects.requireNonNull(uploadSizeLimit, "uploadSizeLimit");
        Objects.requireNonNull(raw, "raw");
    }
}
