package dev.mxj.internal.room;

import dev.mxj.event.DecryptionResult;
import dev.mxj.event.RoomCreateContent;
import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomGuestAccessContent;
import dev.mxj.event.RoomHistoryVisibilityContent;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.internal.Calls;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.send.SendQueue;
import dev.mxj.internal.send.SendingRoom;
import dev.mxj.internal.timeline.Timelines;
import dev.mxj.json.RawJson;
import dev.mxj.room.MemberNames;
import dev.mxj.room.PowerLevels;
import dev.mxj.room.Receipt;
import dev.mxj.room.ReceiptType;
import dev.mxj.relations.RoomRelations;
import dev.mxj.room.Room;
import dev.mxj.room.RoomDisplayName;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.room.RoomNotStoredException;
import dev.mxj.room.Visibility;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.timeline.Timeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A {@link Room} read from the store on each call; actions go to {@link RoomCalls}. */
final class StoreRoom extends SendingRoom {
    private final StateStore store;
    private final RoomId roomId;
    private final RoomCalls calls;
    private final Timelines timelines;
    private final RoomRelations relations;

    private final E2ee e2ee;

    StoreRoom(StateStore store, RoomId roomId, RoomCalls calls, Timelines timelines, SendQueue sends,
              Supplier<Optional<UserId>> self, RoomRelations relations, E2ee e2ee) {
        super(sends, store, self);
        this.e2ee = e2ee;
        this.store = store;
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.calls = calls;
        this.timelines = timelines;
        this.relations = relations;
    }

    @Override
    public RoomRelations relations() {
        return relations;
    }

    @Override
    public Timeline timeline() {
        return timelines.open(roomId);
    }

    @Override
    public boolean isStored() {
        return store.room(roomId).isPresent();
    }

    @Override
    public RoomId roomId() {
        return roomId;
    }

    @Override
    public RoomInfo info() {
        return store.room(roomId).orElseThrow(() -> new RoomNotStoredException(roomId));
    }

    @Override
    public Optional<RoomInfo> storedInfo() {
        return store.room(roomId);
    }

    @Override
    public RoomDisplayName displayName() {
        return info().displayName(memberNames(), RoomDisplayName.DEFAULT_HERO_LIMIT);
    }

    @Override
    public List<RoomMember> members() {
        return store.members(roomId);
    }

    @Override
    public MemberNames memberNames() {
        return MemberNames.of(members());
    }

    @Override
    public List<StoredEvent> latestEvents(int limit) {
        return store.latestEvents(roomId, limit);
    }

    @Override
    public Optional<PowerLevels> powerLevels() {
        Optional<RoomEvent> create = store.stateEvent(roomId, RoomCreateContent.TYPE, "");
        if (create.isEmpty() || !(create.get().content() instanceof RoomCreateContent content)) {
            return Optional.empty();
        }
        Optional<RoomPowerLevelsContent> levels = store.stateEvent(roomId, RoomPowerLevelsContent.TYPE, "")
                .map(RoomEvent::content)
                .filter(RoomPowerLevelsContent.class::isInstance)
                .map(RoomPowerLevelsContent.class::cast);
        return Optional.of(PowerLevels.of(content, create.get().sender(), levels));
    }

    @Override
    public List<UserId> typing() {
        return store.typing(roomId);
    }

    @Override
    public List<Receipt> receipts() {
        return store.receipts(roomId);
    }

    @Override
    public CompletableFuture<Void> leave(Optional<String> reason) {
        return calls.membership().leave(roomId, reason);
    }

    @Override
    public CompletableFuture<Void> forget() {
        return calls.membership().forget(roomId);
    }

    @Override
    public CompletableFuture<Void> invite(UserId user, Optional<String> reason) {
        return calls.membership().onMember(roomId, "invite", user, reason);
    }

    @Override
    public CompletableFuture<Void> kick(UserId user, Optional<String> reason) {
        return calls.membership().onMember(roomId, "kick", user, reason);
    }

    @Override
    public CompletableFuture<Void> ban(UserId user, Optional<String> reason) {
        return calls.membership().onMember(roomId, "ban", user, reason);
    }

    @Override
    public CompletableFuture<Void> unban(UserId user, Optional<String> reason) {
        return calls.membership().onMember(roomId, "unban", user, reason);
    }

    @Override
    public CompletableFuture<EventId> sendState(String type, String stateKey, RawJson content) {
        return Calls.map(calls.state().send(roomId, type, stateKey, content), id -> {
            e2ee.stateSent(roomId, type, stateKey, content);
            return id;
        });
    }

    @Override
    public CompletableFuture<Optional<RawJson>> stateEvent(String type, String stateKey) {
        return calls.state().get(roomId, type, stateKey);
    }

    @Override
    public CompletableFuture<EventId> setName(String name) {
        return sendState("m.room.name", "", RawJson.ofTree(Map.of("name", name)));
    }

    @Override
    public CompletableFuture<EventId> setTopic(String topic) {
        return sendState("m.room.topic", "", RawJson.ofTree(Map.of("topic", topic)));
    }

    @Override
    public CompletableFuture<EventId> setAvatar(Optional<MxcUri> url) {
        return sendState("m.room.avatar", "", url.map(u -> RawJson.ofTree(Map.of("url", u.value())))
                .orElse(RawJson.emptyObject()));
    }

    @Override
    public CompletableFuture<EventId> setJoinRules(RoomJoinRulesContent joinRules) {
        return sendState(RoomJoinRulesContent.TYPE, "", StateContents.joinRules(joinRules));
    }

    @Override
    public CompletableFuture<EventId> setHistoryVisibility(String visibility) {
        return sendState(RoomHistoryVisibilityContent.TYPE, "", RawJson.ofTree(Map.of("history_visibility", visibility)));
    }

    @Override
    public CompletableFuture<EventId> setGuestAccess(String guestAccess) {
        return sendState(RoomGuestAccessContent.TYPE, "", RawJson.ofTree(Map.of("guest_access", guestAccess)));
    }

    @Override
    public CompletableFuture<EventId> setCanonicalAlias(Optional<RoomAlias> alias, List<RoomAlias> altAliases) {
        return sendState("m.room.canonical_alias", "", StateContents.canonicalAlias(alias, altAliases));
    }

    @Override
    public CompletableFuture<EventId> setPowerLevels(RoomPowerLevelsContent content) {
        return sendState(RoomPowerLevelsContent.TYPE, "", StateContents.powerLevels(content));
    }

    @Override
    public CompletableFuture<EventId> setUserPowerLevel(UserId user, long level) {
        return calls.state().setUserLevel(roomId, user, level);
    }

    @Override
    public CompletableFuture<EventId> setPinnedEvents(List<EventId> pinned) {
        return sendState("m.room.pinned_events", "", StateContents.pinned(pinned));
    }

    @Override
    public CompletableFuture<EventId> setServerAcl(RoomServerAclContent acl) {
        return sendState(RoomServerAclContent.TYPE, "", StateContents.serverAcl(acl));
    }

    @Override
    public CompletableFuture<EventId> enableEncryption() {
        return sendState(RoomEncryptionContent.TYPE, "",
                RawJson.ofTree(Map.of("algorithm", RoomEncryptionContent.MEGOLM_V1)));
    }

    @Override
    public boolean isEncrypted() {
        return e2ee.isEncrypted(roomId);
    }

    @Override
    public CompletableFuture<DecryptionResult> decrypt(SyncEvent event) {
        return e2ee.decrypt(roomId, Objects.requireNonNull(event, "event"));
    }

    @Override
    public CompletableFuture<List<RoomAlias>> aliases() {
        return calls.directory().aliases(roomId);
    }

    @Override
    public CompletableFuture<Visibility> directoryVisibility() {
        return calls.directory().visibility(roomId);
    }

    @Override
    public CompletableFuture<Void> setDirectoryVisibility(Visibility visibility) {
        return calls.directory().setVisibility(roomId, visibility);
    }

    @Override
    public CompletableFuture<RoomId> upgrade(String newVersion) {
        return calls.create().upgrade(roomId, newVersion);
    }

    @Override
    public CompletableFuture<Void> reportEvent(EventId event, Optional<String> reason, Optional<Integer> score) {
        return calls.receipts().reportEvent(roomId, event, reason, score);
    }

    @Override
    public CompletableFuture<Void> report(String reason) {
        return calls.receipts().reportRoom(roomId, reason);
    }

    @Override
    public CompletableFuture<Void> sendReceipt(ReceiptType type, EventId event, Optional<String> threadId) {
        return calls.receipts().receipt(roomId, type, event, threadId);
    }

    @Override
    public CompletableFuture<Void> setReadMarkers(EventId fullyRead, Optional<EventId> read,
                                                  Optional<EventId> readPrivate) {
        return calls.receipts().readMarkers(roomId, fullyRead, read, readPrivate);
    }

    @Override
    public CompletableFuture<Void> sendTyping(boolean typing, Duration timeout) {
        return calls.receipts().typing(roomId, typing, timeout);
    }

    @Override
    public String toString() {
        return "Room[" + roomId + "]";
    }
}
