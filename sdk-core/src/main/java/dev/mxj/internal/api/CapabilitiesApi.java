package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;
import java.util.Map;

/** {@code GET /_matrix/client/v3/capabilities} answer: the capabilities mxj models. */
public record CapabilitiesApi(@Json(name = "capabilities") Known capabilities) {

    /** The specified capabilities; each is null when the server leaves it out. */
    public record Known(@Json(name = "m.change_password") Flag changePassword,
                        @Json(name = "m.room_versions") RoomVersions roomVersions,
                        @Json(name = "m.set_displayname") Flag setDisplayName,
                        @Json(name = "m.set_avatar_url") Flag setAvatarUrl,
                        @Json(name = "m.3pid_changes") Flag threePidChanges,
                        @Json(name = "m.get_login_token") Flag getLoginToken,
                        @Json(name = "m.profile_fields") ProfileFields profileFields) {
    }

    /** A BooleanCapability. */
    public record Flag(@Json(name = "enabled") Boolean enabled) {
    }

    /** {@code m.room_versions}; {@code available} maps version to "stable" or "unstable". */
    public record RoomVersions(@Json(name = "default") String defaultVersion,
                               @Json(name = "available") Map<String, String> available) {
    }

    /** {@code m.profile_fields}. */
    public record ProfileFields(@Json(name = "enabled") Boolean enabled,
                                @Json(name = "allowed") List<String> allowed,
                                @Json(name = "disallowed") List<String> disallowed) {
    }
}
