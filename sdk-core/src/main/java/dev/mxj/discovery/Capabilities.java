package dev.mxj.discovery;

import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code GET /_matrix/client/v3/capabilities}, with the spec's defaults for
 * capabilities the server leaves out: password, display name, avatar and 3PID changes are allowed,
 * login tokens are not, and room version "1" is the only, stable, one.
 *
 * @param canChangePassword      {@code m.change_password}
 * @param roomVersions           {@code m.room_versions}
 * @param canSetDisplayName      {@code m.set_displayname} (deprecated in favour of {@code m.profile_fields})
 * @param canSetAvatarUrl        {@code m.set_avatar_url} (deprecated in favour of {@code m.profile_fields})
 * @param canChangeThirdPartyIds {@code m.3pid_changes}
 * @param canGetLoginToken       {@code m.get_login_token}: may log other clients in with a login token
 * @param profileFields          {@code m.profile_fields}, when the server sends it. When absent, the spec
 *                               says to assume custom fields can be set if {@link Versions} lists a spec
 *                               version that has them (v1.16 or later)
 * @param raw                    the {@code capabilities} object as sent, custom capabilities included
 */
public record Capabilities(boolean canChangePassword, RoomVersions roomVersions, boolean canSetDisplayName,
                           boolean canSetAvatarUrl, boolean canChangeThirdPartyIds, boolean canGetLoginToken,
                           Optional<ProfileFields> profileFields, RawJson raw) {
    public Capabilities {
        Objects.requireNonNull(roomVersions, "roomVersions");
        Objects.requireNonNull(profileFields, "profileFields");
        Objects.requireNonNull(raw, "raw");
    }

    /** One capability as sent, e.g. a custom {@code "com.example.custom.ratelimit"}. */
    public Optional<RawJson> capability(String name) {
        return raw.object(name);
    }
}
