package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.MxcUri;

/** Bodies of {@code PUT /_matrix/client/v3/profile/{userId}/{keyName}}. */
public final class ProfileApi {
    private ProfileApi() {
    }

    /** {@code PUT .../displayname}. */
    public record DisplayName(@Json(name = "displayname") String displayName) {
    }

    /** {@code PUT .../avatar_url}. */
    public record AvatarUrl(@Json(name = "avatar_url") MxcUri avatarUrl) {
    }
}
