package dev.mxj.event;

import dev.mxj.id.MxcUri;

/**
 * {@code m.sticker}: an image sent as a sticker.
 *
 * @param body a description of the sticker
 * @param info {@code info} about the image, {@link MediaInfo#EMPTY} if a client left it out
 * @param url  {@code url}, which must be an {@code mxc://} URI
 */
public record StickerContent(String body, MediaInfo info, MxcUri url) implements KnownContent {
    public static final String TYPE = "m.sticker";

    @Override
    public String type() {
        return TYPE;
    }
}
