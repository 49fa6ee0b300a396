package dev.mxj.account;

import dev.mxj.auth.UiaHandler;
import dev.mxj.event.KnownContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The logged-in user's account: profile, account data, room tags, ignored users, presence,
 * searches, devices, third-party identifiers, password and deactivation. Obtain it from
 * {@link dev.mxj.MatrixClient#account()}.
 *
 * <p>Every call needs a session; without one it fails with {@link dev.mxj.SessionEndedException}.
 * Server refusals fail with {@link dev.mxj.MatrixApiException}. Bad arguments throw
 * {@link IllegalArgumentException} (or {@link NullPointerException}) at once, before any request.
 */
public interface Account {
    /** Asks the server whom the current access token belongs to. */
    CompletableFuture<WhoAmI> whoami();

    // ---- Profile -------------------------------------------------------------------------

    /** {@code GET /profile/{userId}} of the logged-in user. */
    CompletableFuture<Profile> profile();

    /**
     * {@code GET /profile/{userId}}: another user's profile. Fails with
     * {@link dev.mxj.MatrixApiException} {@code M_NOT_FOUND} for an unknown user, or
     * {@code M_FORBIDDEN} where the server does not disclose profiles.
     */
    CompletableFuture<Profile> profile(UserId user);

    /** {@code GET /profile/{userId}/displayname}; empty when the user has none (HTTP 404). */
    CompletableFuture<Optional<String>> displayName(UserId user);

    /** {@code GET /profile/{userId}/avatar_url}; empty when the user has none (HTTP 404). */
    CompletableFuture<Optional<MxcUri>> avatarUrl(UserId user);

    /** {@code PUT /profile/{userId}/displayname}: sets the logged-in user's display name. */
    CompletableFuture<Void> setDisplayName(String displayName);

    /** {@code PUT /profile/{userId}/avatar_url}: sets the logged-in user's avatar (upload it first). */
    CompletableFuture<Void> setAvatarUrl(MxcUri avatarUrl);

    // ---- Account data --------------------------------------------------------------------

    /** {@code GET /user/{userId}/account_data/{type}}: global account data; empty if none is set. */
    CompletableFuture<Optional<RawJson>> accountData(String type);

    /**
     * {@code PUT /user/{userId}/account_data/{type}}: replaces global account data.
     *
     * @param content a JSON object; an {@link IllegalArgumentException} otherwise
     */
    CompletableFuture<Void> setAccountData(String type, RawJson content);

    /**
     * Global account data of a type mxj models, parsed: {@link dev.mxj.event.DirectContent},
     * {@link dev.mxj.event.IgnoredUserListContent} or {@link dev.mxj.event.PushRulesContent}.
     * Fails with {@link dev.mxj.InvalidResponseException} when the stored content breaks the schema.
     */
    <T extends KnownContent> CompletableFuture<Optional<T>> accountData(Class<T> type);

    /**
     * Replaces global account data with a typed value: {@link dev.mxj.event.DirectContent} or
     * {@link dev.mxj.event.IgnoredUserListContent}. Fields mxj does not model are not kept; use
     * {@link #setAccountData(String, RawJson)} to keep them.
     */
    CompletableFuture<Void> setAccountData(KnownContent content);

    /** {@code GET /user/{userId}/rooms/{roomId}/account_data/{type}}; empty if none is set. */
    CompletableFuture<Optional<RawJson>> roomAccountData(RoomId room, String type);

    /** {@code PUT /user/{userId}/rooms/{roomId}/account_data/{type}}; {@code content} must be a JSON object. */
    CompletableFuture<Void> setRoomAccountData(RoomId room, String type, RawJson content);

    /**
     * Room account data of a type mxj models, parsed: {@link TagContent} or
     * {@link dev.mxj.event.FullyReadContent}.
     */
    <T extends KnownContent> CompletableFuture<Optional<T>> roomAccountData(RoomId room, Class<T> type);

    // ---- Tags ----------------------------------------------------------------------------

    /** {@code GET /user/{userId}/rooms/{roomId}/tags}: the user's tags on the room. */
    CompletableFuture<TagContent> tags(RoomId room);

    /**
     * {@code PUT .../tags/{tag}}: tags the room, e.g. {@link TagContent#FAVOURITE} or {@code u.work}.
     * Tagging again replaces the tag's order.
     */
    default CompletableFuture<Void> addTag(RoomId room, String tag) {
        return addTag(room, tag, Optional.empty());
    }

    /** As {@link #addTag(RoomId, String)}, with the room's position under the tag, in [0, 1]. */
    default CompletableFuture<Void> addTag(RoomId room, String tag, double order) {
        return addTag(room, tag, Optional.of(order));
    }

    /** As {@link #addTag(RoomId, String)}, with an order in [0, 1] when present. */
    CompletableFuture<Void> addTag(RoomId room, String tag, Optional<Double> order);

    /** {@code DELETE .../tags/{tag}}: removes the tag from the room. */
    CompletableFuture<Void> removeTag(RoomId room, String tag);

    // ---- Ignored users -------------------------------------------------------------------

    /** The users in {@code m.ignored_user_list}; empty if the user ignores nobody. */
    CompletableFuture<Set<UserId>> ignoredUsers();

    /**
     * Adds {@code user} to {@code m.ignored_user_list}, keeping the rest of the list (read, then
     * write; this client's own changes are applied one at a time). The server then hides their
     * events and invites from this user.
     */
    CompletableFuture<Void> ignoreUser(UserId user);

    /** Removes {@code user} from {@code m.ignored_user_list}; completes at once if not ignored. */
    CompletableFuture<Void> unignoreUser(UserId user);

    // ---- Presence ------------------------------------------------------------------------

    /** {@code GET /presence/{userId}/status} of the logged-in user. */
    CompletableFuture<Presence> presence();

    /**
     * {@code GET /presence/{userId}/status}. Fails with {@link dev.mxj.MatrixApiException}
     * {@code M_FORBIDDEN} when the user does not share presence with this one.
     */
    CompletableFuture<Presence> presence(UserId user);

    /** {@code PUT /presence/{userId}/status}, without a status message. */
    default CompletableFuture<Void> setPresence(PresenceState state) {
        return setPresence(state, Optional.empty());
    }

    /** {@code PUT /presence/{userId}/status} with a status message. */
    default CompletableFuture<Void> setPresence(PresenceState state, String statusMessage) {
        return setPresence(state, Optional.of(statusMessage));
    }

    /** {@code PUT /presence/{userId}/status}, with a status message when present. */
    CompletableFuture<Void> setPresence(PresenceState state, Optional<String> statusMessage);

    // ---- Searches ------------------------------------------------------------------------

    /**
     * {@code POST /user_directory/search}: users whose ID or display name matches. Servers search
     * at least users who share a room with this one or are in public rooms; some (Dendrite) only
     * the former.
     */
    default CompletableFuture<UserDirectoryResults> searchUsers(String term) {
        return searchUsers(term, Optional.empty());
    }

    /** As {@link #searchUsers(String)}, returning at most {@code limit} users (at least 1). */
    default CompletableFuture<UserDirectoryResults> searchUsers(String term, int limit) {
        return searchUsers(term, Optional.of(limit));
    }

    /** As {@link #searchUsers(String)}, with a limit when present (the server's default is 10). */
    CompletableFuture<UserDirectoryResults> searchUsers(String term, Optional<Integer> limit);

    /**
     * {@code POST /search}: a full-text search of the events of the rooms the user is in. Fetch
     * further pages with {@code request.withNextBatch(results.nextBatch().get())}.
     */
    CompletableFuture<SearchResults> search(SearchRequest request);

    // ---- Devices, 3PIDs, password, deactivation --------------------------------------------

    /** The user's devices: list, rename, delete. */
    Devices devices();

    /** The account's email addresses and phone numbers. */
    ThirdPartyIds thirdPartyIds();

    /**
     * {@code POST /account/password}: changes the password, under User-Interactive Authentication
     * (servers usually ask for the current password:
     * {@code UiaHandler.automatic().withPassword(userId, currentPassword)}). This session stays.
     *
     * @param logoutDevices true to sign out every other device of the user
     * @return fails with {@link dev.mxj.MatrixApiException} {@code M_WEAK_PASSWORD}, or
     *         {@code M_FORBIDDEN} for a wrong current password
     */
    CompletableFuture<Void> changePassword(String newPassword, boolean logoutDevices, UiaHandler uia);

    /**
     * {@code POST /account/deactivate}: deactivates the account for good, under User-Interactive
     * Authentication. Nobody can log in to it afterwards; this client's session ends too.
     */
    default CompletableFuture<UnbindResult> deactivate(UiaHandler uia) {
        return deactivate(Deactivation.defaults(), uia);
    }

    /** As {@link #deactivate(UiaHandler)}, with options (erasure, identity server). */
    CompletableFuture<UnbindResult> deactivate(Deactivation options, UiaHandler uia);
}
