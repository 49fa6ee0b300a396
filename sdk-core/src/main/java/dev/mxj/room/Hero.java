package dev.mxj.room;

import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;

import java.util.Optional;

/** A member the server picked to name an unnamed room, with the profile known when it was seen. */
public record Hero(UserId userId, Optional<String> displayName, Optional<MxcUri> avatarUrl) {
}
