package dev.mxj.room;

import dev.mxj.event.DecryptionResult;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomPowerLevelsContent;
import dev.mxj.event.RoomServerAclContent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendHandle;
import dev.mxj.relations.RoomRelations;
import dev.mxj.store.StoredEvent;
import dev.mxj.timeline.Timeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One room: what the store holds for it now, and the calls that act on it.
 *
 * <p>Reads ({@link #info()}, {@link #members()}, {@link #typing()}...) go to the store on each
 * call, so values are current as of the last sync; take {@link #info()} once if you need a
 * consistent snapshot. Actions go to the server and return a {@code CompletableFuture}; they work
 * on a handle from {@link Rooms#roomById(RoomId)} before any sync stored the room. A failed action
 * completes with a {@link dev.mxj.MatrixApiException}, e.g. {@code M_FORBIDDEN} when the user may
 * not do it or is not in the room.
 */
public interface Room {
    RoomId roomId();

    /** Whether the store knows this room (the store reads below need it). */
    boolean isStored();

    /**
     * The room's current {@link RoomInfo}.
     *
     * @throws RoomNotStoredException if the store does not hold the room (not synced yet, or forgotten);
     *                                {@link #storedInfo()} answers empty instead
     */
    RoomInfo info();

    /**
     * The room's current {@link RoomInfo}, or empty while the store does not hold the room: a room just
     * created or joined is stored by the next sync. One store read, so it cannot race with sync as
     * {@code isStored()} followed by {@code info()} can.
     */
    default Optional<RoomInfo> storedInfo() {
        try {
            return Optional.of(info());
        } catch (RoomNotStoredException e) {
            return Optional.empty();
        }
    }

    /**
     * The name to show, by the spec's algorithm, with member names disambiguated.
     *
     * @throws RoomNotStoredException if the store does not hold the room (see {@link #storedInfo()})
     */
    RoomDisplayName displayName();

    /** The members the store knows (all of them, or the lazily loaded ones). */
    List<RoomMember> members();

    /** Display names of the members, disambiguated. */
    MemberNames memberNames();

    /** Up to {@code limit} newest stored timeline events, oldest first. */
    List<StoredEvent> latestEvents(int limit);

    /**
     * A new live {@link Timeline} of this room: the newest stored events as a snapshot, then diffs
     * from sync and pagination. Close it when done.
     */
    Timeline timeline();

    /** Relations of the room's events: {@code /relations}, threads, replies' quoted events. */
    RoomRelations relations();

    /** Who may do what, when the store has the room's create event. */
    Optional<PowerLevels> powerLevels();

    /** Users typing in the room as of the last sync. */
    List<UserId> typing();

    /** Every read receipt the store holds for the room. */
    List<Receipt> receipts();

    // Membership

    /** {@code POST /rooms/{roomId}/leave}; also rejects an invite or withdraws a knock. */
    CompletableFuture<Void> leave(Optional<String> reason);

    /** {@code POST /rooms/{roomId}/forget}: after leaving, stops the server keeping the room for the user. */
    CompletableFuture<Void> forget();

    /** {@code POST /rooms/{roomId}/invite}. */
    CompletableFuture<Void> invite(UserId user, Optional<String> reason);

    /** {@code POST /rooms/{roomId}/kick}. */
    CompletableFuture<Void> kick(UserId user, Optional<String> reason);

    /** {@code POST /rooms/{roomId}/ban}. */
    CompletableFuture<Void> ban(UserId user, Optional<String> reason);

    /** {@code POST /rooms/{roomId}/unban}. */
    CompletableFuture<Void> unban(UserId user, Optional<String> reason);

    // State

    /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}}: any state event. Answers its event ID. */
    CompletableFuture<EventId> sendState(String type, String stateKey, RawJson content);

    /**
     * {@code GET /rooms/{roomId}/state/{type}/{stateKey}}: the current content straight from the
     * server; empty when the room has no such state.
     */
    CompletableFuture<Optional<RawJson>> stateEvent(String type, String stateKey);

    /** Sets {@code m.room.name}; an empty name removes it. */
    CompletableFuture<EventId> setName(String name);

    /** Sets {@code m.room.topic} (plain text). */
    CompletableFuture<EventId> setTopic(String topic);

    /** Sets {@code m.room.avatar}; empty removes the avatar. */
    CompletableFuture<EventId> setAvatar(Optional<MxcUri> url);

    /**
     * Sets {@code m.room.join_rules}, e.g. {@code new RoomJoinRulesContent(RESTRICTED, List.of(
     * new AllowCondition(ROOM_MEMBERSHIP, Optional.of(space))))} or {@code KNOCK}.
     */
    CompletableFuture<EventId> setJoinRules(RoomJoinRulesContent joinRules);

    /** Sets {@code m.room.history_visibility}, e.g. {@code RoomHistoryVisibilityContent.SHARED}. */
    CompletableFuture<EventId> setHistoryVisibility(String visibility);

    /** Sets {@code m.room.guest_access}: {@code can_join} or {@code forbidden}. */
    CompletableFuture<EventId> setGuestAccess(String guestAccess);

    /** Sets {@code m.room.canonical_alias}; the aliases must point to this room. */
    CompletableFuture<EventId> setCanonicalAlias(Optional<RoomAlias> alias, List<RoomAlias> altAliases);

    /** Replaces {@code m.room.power_levels} with this content. */
    CompletableFuture<EventId> setPowerLevels(RoomPowerLevelsContent content);

    /**
     * Reads the current power levels from the server, sets {@code user}'s level in {@code users}
     * and sends them back; other fields, unknown ones included, are kept.
     */
    CompletableFuture<EventId> setUserPowerLevel(UserId user, long level);

    /** Sets {@code m.room.pinned_events}. */
    CompletableFuture<EventId> setPinnedEvents(List<EventId> pinned);

    /** Sets {@code m.room.server_acl}. */
    CompletableFuture<EventId> setServerAcl(RoomServerAclContent acl);

    /**
     * Sends {@code m.room.encryption} with {@code m.megolm.v1.aes-sha2}. It cannot be undone. From then
     * on (at once, before sync confirms it) every event this client queues for the room is encrypted,
     * which needs an encryption module ({@link dev.mxj.MatrixClient.Builder#encryption}).
     */
    CompletableFuture<EventId> enableEncryption();

    /** True if the room is end-to-end encrypted, as far as the store (and this client's own sends) know. */
    boolean isEncrypted();

    /**
     * Decrypts an event of this room read elsewhere than a timeline (relations, {@code /context},
     * search): {@link dev.mxj.event.Decrypted}, {@link dev.mxj.event.UnableToDecrypt}, or
     * {@link dev.mxj.event.PlainText} for an event that is not encrypted. Never completes exceptionally.
     * Timelines decrypt their items themselves.
     */
    CompletableFuture<DecryptionResult> decrypt(SyncEvent event);

    // Directory and upgrades

    /** {@code GET /rooms/{roomId}/aliases}: the local aliases of the room. */
    CompletableFuture<List<RoomAlias>> aliases();

    /** {@code GET /directory/list/room/{roomId}}. */
    CompletableFuture<Visibility> directoryVisibility();

    /** {@code PUT /directory/list/room/{roomId}}: publishes or unpublishes the room. */
    CompletableFuture<Void> setDirectoryVisibility(Visibility visibility);

    /** {@code POST /rooms/{roomId}/upgrade}: answers the replacement room's ID. */
    CompletableFuture<RoomId> upgrade(String newVersion);

    /** {@code POST /rooms/{roomId}/report/{eventId}}. */
    CompletableFuture<Void> reportEvent(EventId event, Optional<String> reason, Optional<Integer> score);

    /** {@code POST /rooms/{roomId}/report}: reports the whole room (Matrix 1.13). */
    CompletableFuture<Void> report(String reason);

    // Receipts, markers, typing

    /**
     * {@code POST /rooms/{roomId}/receipt/{type}/{eventId}}.
     *
     * @param threadId {@code main}, a thread root's event ID, or empty for an unthreaded receipt
     */
    CompletableFuture<Void> sendReceipt(ReceiptType type, EventId event, Optional<String> threadId);

    /**
     * {@code POST /rooms/{roomId}/read_markers}: moves {@code m.fully_read} and, optionally, the
     * public and private read receipts in one call.
     */
    CompletableFuture<Void> setReadMarkers(EventId fullyRead, Optional<EventId> read, Optional<EventId> readPrivate);

    /** {@code PUT /rooms/{roomId}/typing/{userId}}: typing for {@code timeout}, or stopped. */
    CompletableFuture<Void> sendTyping(boolean typing, Duration timeout);

    // Sending, through the persistent send queue (see dev.mxj.send.SendHandle)

    /**
     * Queues an {@code m.text} message. {@code markdown} is the {@code body}; its commonmark HTML is
     * sent as {@code formatted_body} only when it differs from the plain text.
     */
    SendHandle sendText(String markdown);

    /** Queues an {@code m.notice} (bots' messages), Markdown as in {@link #sendText}. */
    SendHandle sendNotice(String markdown);

    /** Queues an {@code m.emote} ("/me waves"), Markdown as in {@link #sendText}. */
    SendHandle sendEmote(String markdown);

    /** Queues a message-like event of any type (not a state event: see {@link #sendState}). */
    SendHandle sendEvent(String type, RawJson content);

    /** Queues an {@code m.text} reply to {@code event} ({@code m.in_reply_to}), mentioning its sender when stored. */
    SendHandle reply(EventId event, String markdown);

    /**
     * Queues an {@code m.text} reply in the thread of {@code root} ({@code m.thread}). For clients without
     * threads it falls back to a reply to the thread's newest stored event (or the root). Open the thread
     * with {@link dev.mxj.timeline.Timeline#thread(EventId)}.
     */
    SendHandle sendThreadReply(EventId root, String markdown);

    /**
     * Queues an edit ({@code m.replace} with {@code m.new_content}) of the text message {@code event}.
     * To edit an event still in the queue, use {@link SendHandle#edit(String)}.
     */
    SendHandle edit(EventId event, String markdown);

    /** Queues an {@code m.reaction} ({@code m.annotation}) to {@code event}, e.g. with key "👍". */
    SendHandle react(EventId event, String key);

    /**
     * Queues {@code PUT /rooms/{roomId}/redact/{eventId}/{txnId}}. To take back an event still in the
     * queue, use {@link SendHandle#redact(Optional)}, which cancels it instead.
     */
    SendHandle redact(EventId event, Optional<String> reason);

    /** The events of this room in the send queue, in order: pending, failed, or sent and not yet back from sync. */
    List<LocalEcho> localEchoes();

    /** The handle of a queued event of this room, e.g. after a restart, by its transaction ID. */
    Optional<SendHandle> queuedSend(String transactionId);

    /**
     * Calls {@code listener} on the callback executor each time an event of this room is queued,
     * edited, sent, fails, is retried or is cancelled. Close the subscription to stop.
     */
    AutoCloseable onSendStateChanged(Consumer<? super LocalEcho> listener);
}
