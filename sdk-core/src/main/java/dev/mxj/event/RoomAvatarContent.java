package dev.mxj.event;

import dev.mxj.id.MxcUri;

import java.util.Optional;

/**
 * {@code m.room.avatar}: the room's picture.
 *
 * @param url  {@code url}; empty means the room has no avatar (also when it is not an {@code mxc://} URI)
 * @param info {@code info} about the image, {@link MediaInfo#EMPTY} when absent
 */
public record RoomAvatarContent(Optional<MxcUri> url, MediaInfo info) implements KnownContent {
    public static final String TYPE = "m.room.avatar";

    @Override
    public String type() {
        return TYPE;
    }
}
