package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.InvalidResponseException;
import dev.mxj.account.Account;
import dev.mxj.account.Deactivation;
import dev.mxj.account.Devices;
import dev.mxj.account.Presence;
import dev.mxj.account.PresenceState;
import dev.mxj.account.Profile;
import dev.mxj.account.SearchRequest;
import dev.mxj.account.SearchResults;
import dev.mxj.account.ThirdPartyIds;
import dev.mxj.account.UnbindResult;
import dev.mxj.account.UserDirectoryResults;
import dev.mxj.account.WhoAmI;
import dev.mxj.auth.UiaHandler;
import dev.mxj.event.KnownContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.WhoAmIApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@link Account} over HTTP; each concern lives in its own class, this one only routes. */
public final class AccountEndpoints implements Account {
    private final ClientContext context;
    private final ProfileCalls profile;
    private final AccountDataCalls accountData;
    private final IgnoredUsers ignored;
    private final PresenceCalls presence;
    private final SearchCalls search;
    private final CredentialCalls credentials;
    private final Devices devices;
    private final ThirdPartyIds thirdPartyIds;

    public AccountEndpoints(ClientContext context) {
        this.context = context;
        this.profile = new ProfileCalls(context);
        this.accountData = new AccountDataCalls(context);
        this.ignored = new IgnoredUsers(accountData);
        this.presence = new PresenceCalls(context);
        this.search = new SearchCalls(context);
        this.credentials = new CredentialCalls(context);
        this.devices = new DeviceEndpoints(context);
        this.thirdPartyIds = new ThirdPartyIdEndpoints(context);
    }

    @Override
    public CompletableFuture<WhoAmI> whoami() {
        return Calls.map(context.transport().send(ApiRequest.get("/_matrix/client/v3/account/whoami")
                .parse(WhoAmIApi.class)), r -> {
                    if (r.userId() == null) {
                        throw new InvalidResponseException("GET /_matrix/client/v3/account/whoami answered without user_id.");
                    }
                    return new WhoAmI(r.userId(), Optional.ofNullable(r.deviceId()), Boolean.TRUE.equals(r.isGuest()));
                });
    }

    @Override
    public CompletableFuture<Profile> profile() {
        return profile.profile();
    }

    @Override
    public CompletableFuture<Profile> profile(UserId user) {
        return profile.profile(user);
    }

    @Override
    public CompletableFuture<Optional<String>> displayName(UserId user) {
        return profile.displayName(user);
    }

    @Override
    public CompletableFuture<Optional<MxcUri>> avatarUrl(UserId user) {
        return profile.avatarUrl(user);
    }

    @Override
    public CompletableFuture<Void> setDisplayName(String displayName) {
        return profile.setDisplayName(displayName);
    }

    @Override
    public CompletableFuture<Void> setAvatarUrl(MxcUri avatarUrl) {
        return profile.setAvatarUrl(avatarUrl);
    }

    @Override
    public CompletableFuture<Optional<RawJson>> accountData(String type) {
        return accountData.global(type);
    }

    @Override
    public CompletableFuture<Void> setAccountData(String type, RawJson content) {
        return accountData.setGlobal(type, content);
    }

    @Override
    public <T extends KnownContent> CompletableFuture<Optional<T>> accountData(Class<T> type) {
        return accountData.global(type);
    }

    @Override
    public CompletableFuture<Void> setAccountData(KnownContent content) {
        return accountData.setGlobal(content);
    }

    @Override
    public CompletableFuture<Optional<RawJson>> roomAccountData(RoomId room, String type) {
        return accountData.room(room, type);
    }

    @Override
    public CompletableFuture<Void> setRoomAccountData(RoomId room, String type, RawJson content) {
        return accountData.setRoom(room, type, content);
    }

    @Override
    public <T extends KnownContent> CompletableFuture<Optional<T>> roomAccountData(RoomId room, Class<T> type) {
        return accountData.room(room, type);
    }

    @Override
    public CompletableFuture<TagContent> tags(RoomId room) {
        return accountData.tags(room);
    }

    @Override
    public CompletableFuture<Void> addTag(RoomId room, String tag, Optional<Double> order) {
        return accountData.addTag(room, tag, order);
    }

    @Override
    public CompletableFuture<Void> removeTag(RoomId room, String tag) {
        return accountData.removeTag(room, tag);
    }

    @Override
    public CompletableFuture<Set<UserId>> ignoredUsers() {
        return ignored.list();
    }

    @Override
    public CompletableFuture<Void> ignoreUser(UserId user) {
        return ignored.ignore(user);
    }

    @Override
    public CompletableFuture<Void> unignoreUser(UserId user) {
        return ignored.unignore(user);
    }

    @Override
    public CompletableFuture<Presence> presence() {
        return presence.presence();
    }

    @Override
    public CompletableFuture<Presence> presence(UserId user) {
        return presence.presence(user);
    }

    @Override
    public CompletableFuture<Void> setPresence(PresenceState state, Optional<String> statusMessage) {
        return presence.setPresence(state, statusMessage);
    }

    @Override
    public CompletableFuture<UserDirectoryResults> searchUsers(String term, Optional<Integer> limit) {
        return search.searchUsers(term, limit);
    }

    @Override
    public CompletableFuture<SearchResults> search(SearchRequest request) {
        return search.search(request);
    }

    @Override
    public Devices devices() {
        return devices;
    }

    @Override
    public ThirdPartyIds thirdPartyIds() {
        return thirdPartyIds;
    }

    @Override
    public CompletableFuture<Void> changePassword(String newPassword, boolean logoutDevices, UiaHandler uia) {
        return credentials.changePassword(newPassword, logoutDevices, uia);
    }

    @Override
    public CompletableFuture<UnbindResult> deactivate(Deactivation options, UiaHandler uia) {
        return credentials.deactivate(options, uia);
    }
}
