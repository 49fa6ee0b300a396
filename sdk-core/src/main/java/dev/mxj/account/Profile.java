package dev.mxj.account;

import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * A user's public profile, as {@code GET /profile/{userId}} answers it.
 *
 * @param displayName {@code displayname}, when the user set one
 * @param avatarUrl   {@code avatar_url}, when set and a valid {@code mxc://} URI
 * @param raw         the whole profile object, with fields mxj does not model (custom fields)
 */
public record Profile(Optional<String> displayName, Optional<MxcUri> avatarUrl, RawJson raw) {
    public Profile {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(raw, "raw");
    }

    /** {@code m.tz}: the user's time zone (an IANA name such as {@code Europe/London}), when set. */
    public Optional<String> timeZone() {
        return raw.string("m.tz");
    }
}
