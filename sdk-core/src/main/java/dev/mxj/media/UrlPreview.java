package dev.mxj.media;

import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * The homeserver's OpenGraph summary of a web page ({@code GET /_matrix/client/v1/media/preview_url}).
 * Every field is optional; other {@code og:} properties are in {@link #raw()}.
 *
 * @param title       {@code og:title}
 * @param description {@code og:description}
 * @param image       {@code og:image}, the image re-hosted by the homeserver
 * @param imageType   {@code og:image:type}
 * @param imageWidth  {@code og:image:width}
 * @param imageHeight {@code og:image:height}
 * @param imageSize   {@code matrix:image:size}, in bytes
 * @param raw         the whole answer
 */
public record UrlPreview(Optional<String> title, Optional<String> description, Optional<MxcUri> image,
                         Optional<String> imageType, Optional<Long> imageWidth, Optional<Long> imageHeight,
                         Optional<Long> imageSize, RawJson raw) {
    public UrlPreview {
        Objects.requireNonNull(raw, "raw");
    }
}
