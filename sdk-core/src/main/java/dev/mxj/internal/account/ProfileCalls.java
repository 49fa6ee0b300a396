package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.account.Profile;
import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.ProfileApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code /profile/{userId}}: read anyone's profile, set the logged-in user's display name and avatar. */
final class ProfileCalls {
    static final String PROFILE = "/_matrix/client/v3/profile";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCalls.class);

    private final ClientContext context;

    ProfileCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Profile> profile() {
        return Calls.asUser(context, this::profile);
    }

    CompletableFuture<Profile> profile(UserId user) {
        Objects.requireNonNull(user, "user");
        return Calls.map(context.transport().send(ApiRequest.get(PROFILE).segment(user.value()).raw()),
                ProfileCalls::toProfile);
    }

    CompletableFuture<Optional<String>> displayName(UserId user) {
        Objects.requireNonNull(user, "user");
        return Calls.map(Calls.emptyIfNotFound(field(user, "displayname")),
                raw -> raw.flatMap(r -> r.string("displayname")));
    }

    CompletableFuture<Optional<MxcUri>> avatarUrl(UserId user) {
        Objects.requireNonNull(user, "user");
        return Calls.map(Calls.emptyIfNotFound(field(user, "avatar_url")), raw -> raw.flatMap(r -> mxc(r.string("avatar_url"))));
    }

    CompletableFuture<Void> setDisplayName(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        return Calls.asUser(context, me -> context.transport().send(ApiRequest.put(PROFILE)
                .segment(me.value()).segment("displayname").body(new ProfileApi.DisplayName(displayName)).noContent()));
    }

    CompletableFuture<Void> setAvatarUrl(MxcUri avatarUrl) {
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        return Calls.asUser(context, me -> context.transport().send(ApiRequest.put(PROFILE)
                .segment(me.value()).segment("avatar_url").body(new ProfileApi.AvatarUrl(avatarUrl)).noContent()));
    }

    private CompletableFuture<RawJson> field(UserId user, String key) {
        return context.transport().send(ApiRequest.get(PROFILE).segment(user.value()).segment(key).raw());
    }

    /** A profile object ({@code displayname}, {@code avatar_url}, other fields). */
    static Profile toProfile(RawJson raw) {
        return new Profile(raw.string("displayname"), mxc(raw.string("avatar_url")), raw);
    }

    /** An avatar URL, leniently: empty, or not a valid mxc:// URI, reads as none. */
    static Optional<MxcUri> mxc(Optional<String> value) {
        try {
            return value.filter(s -> !s.isEmpty()).map(MxcUri::of);
        } catch (IllegalArgumentException e) {
            LOG.debug("An avatar_url that is not a valid mxc:// URI was read as none ({})", e.getMessage());
            return Optional.empty();
        }
    }
}
