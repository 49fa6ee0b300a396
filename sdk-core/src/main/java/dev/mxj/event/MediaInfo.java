package dev.mxj.event;

import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * Metadata about a file, image, audio or video ({@code info} of media messages, stickers and room
 * avatars; also {@code thumbnail_info}). Every field is optional; a field with the wrong type is
 * read as absent, since clients send all sorts here.
 *
 * @param mimetype      {@code mimetype}
 * @param size          {@code size} in bytes
 * @param width         {@code w} in pixels
 * @param height        {@code h} in pixels
 * @param duration      {@code duration} in milliseconds (audio and video)
 * @param thumbnailUrl  {@code thumbnail_url}, for an unencrypted thumbnail
 * @param thumbnailFile {@code thumbnail_file}, for an encrypted thumbnail, kept raw
 * @param thumbnailInfo {@code thumbnail_info}
 */
public record MediaInfo(Optional<String> mimetype, Optional<Long> size, Optional<Long> width, Optional<Long> height,
                        Optional<Long> duration, Optional<MxcUri> thumbnailUrl, Optional<RawJson> thumbnailFile,
                        Optional<MediaInfo> thumbnailInfo) {
    /** No metadata. */
    public static final MediaInfo EMPTY = new MediaInfo(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
