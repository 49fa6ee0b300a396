package dev.mxj.room;

import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;

import java.util.Optional;

/** A room member as its latest {@code m.room.member} event states it. */
public record RoomMember(UserId userId, Membership membership, Optional<String> displayName,
                         Optional<MxcUri> avatarUrl) {
}
