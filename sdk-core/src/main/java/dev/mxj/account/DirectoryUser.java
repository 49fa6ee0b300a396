package dev.mxj.account;

import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * One user found in the user directory.
 *
 * @param userId      the user
 * @param displayName their display name, if they have one
 * @param avatarUrl   their avatar, if they have one and it is a valid {@code mxc://} URI
 */
public record DirectoryUser(UserId userId, Optional<String> displayName, Optional<MxcUri> avatarUrl) {
    public DirectoryUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
    }
}
