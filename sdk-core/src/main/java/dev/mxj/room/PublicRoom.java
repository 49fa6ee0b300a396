package dev.mxj.room;

import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;

import java.util.Optional;

/**
 * One entry of the published room directory.
 *
 * @param joinRule {@code join_rule}, {@code public} when the server leaves it out
 * @param roomType {@code room_type}, e.g. {@code m.space}
 */
public record PublicRoom(RoomId roomId, Optional<String> name, Optional<String> topic,
                         Optional<RoomAlias> canonicalAlias, Optional<MxcUri> avatarUrl, long joinedMembers,
                         boolean worldReadable, boolean guestCanJoin, String joinRule, Optional<String> roomType) {
}
