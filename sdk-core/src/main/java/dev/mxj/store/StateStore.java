package dev.mxj.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;

import java.util.List;
import java.util.Optional;

/**
 * Where sync results live: rooms, current state, members, timelines with their gaps, receipts,
 * account data, presence, the to-device inbox, the sync token and filter IDs, and the session.
 * Implementations: {@link MemoryStateStore} and sdk-store's SQLite store, which pass ONE contract suite.
 *
 * <p>{@link #apply} saves a whole {@link StateChanges} and its token atomically: after a crash the
 * store holds either all of it or none of it. Timeline events are deduplicated by event ID within a
 * room. Implementations are thread-safe; readers never see half an {@code apply}.
 */
public interface StateStore extends SessionStore {
    /** Saves everything in {@code changes}, and its {@code nextBatch}, in one transaction. */
    void apply(StateChanges changes);

    /** The token to sync from, if a sync was ever applied. */
    Optional<String> syncToken();

    /** A filter ID saved under {@code key} (the filter's JSON, so a changed filter gets a new ID). */
    Optional<String> filterId(String key);

    void saveFilterId(String key, String filterId);

    /** Every room the store knows, in no particular order. */
    List<RoomInfo> rooms();

    Optional<RoomInfo> room(RoomId roomId);

    /** The current state event of {@code type} and {@code stateKey}. */
    Optional<RoomEvent> stateEvent(RoomId roomId, String type, String stateKey);

    /** Every current state event of {@code type}, any state key. */
    List<RoomEvent> stateEvents(RoomId roomId, String type);

    /** The stripped state of an invited or knocked room. */
    List<StrippedStateEvent> strippedState(RoomId roomId);

    List<RoomMember> members(RoomId roomId);

    Optional<RoomMember> member(RoomId roomId, UserId userId);

    /** Up to {@code limit} newest stored timeline events, oldest first. */
    List<StoredEvent> latestEvents(RoomId roomId, int limit);

    /** Up to {@code limit} stored events before {@code position}, oldest first. */
    List<StoredEvent> eventsBefore(RoomId roomId, long position, int limit);

    /** Gaps in the stored timeline, oldest first. */
    List<TimelineGap> gaps(RoomId roomId);

    /**
     * Saves events fetched by back-pagination from {@code gap} ({@code GET /messages?dir=b}) before the
     * gap's position, in one transaction, and closes or shrinks the gap. Events are deduplicated by
     * event ID: one stored after the gap is skipped, and one stored before it means the gap is filled
     * (the rest of the page is dropped and the gap removed). Otherwise the gap is removed when
     * {@code reachedStart} or when {@code nextPrevBatch} is empty, and else moves to before the oldest
     * new event with {@code nextPrevBatch}. To make room, the positions of events and gaps at or after
     * the gap may grow (their order never changes). If the store no longer has {@code gap} (another
     * pagination filled it), nothing is saved.
     *
     * @param olderEventsNewestFirst the {@code chunk} of the response, newest first, as the server sends it
     * <p>The default throws, for stores written before this method; both mxj stores implement it.
     *
     * @return the events stored, oldest first, with their positions
     * @throws UnsupportedOperationException if the store cannot save back-paginated events
     */
    default List<StoredEvent> applyBackPagination(RoomId roomId, TimelineGap gap,
                                                  List<SyncEvent> olderEventsNewestFirst,
                                                  Optional<String> nextPrevBatch, boolean reachedStart) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot save back-paginated events");
    }

    /** The stored event with this ID, if the room's stored timeline has it. */
    Optional<StoredEvent> event(RoomId roomId, EventId eventId);

    /** Every stored receipt of the room. */
    List<Receipt> receipts(RoomId roomId);

    /** Users typing in the room as of the last sync. */
    List<UserId> typing(RoomId roomId);

    Optional<BasicEvent> accountData(String type);

    Optional<BasicEvent> roomAccountData(RoomId roomId, String type);

    /** The latest presence content of {@code userId}. */
    Optional<RawJson> presence(UserId userId);

    /** To-device events not yet taken, oldest first. */
    List<ToDeviceEvent> toDeviceInbox();

    /** Removes the first {@code count} events of the to-device inbox, once they were handled. */
    void removeToDevice(int count);

    // The persistent send queue. Defaults throw, for stores written before it; both mxj stores implement it.

    /**
     * Adds an event at the end of the send queue, {@link QueuedSend.Status#PENDING}, durably: once this
     * returns the event survives a restart.
     *
     * @return the stored entry, with its {@link QueuedSend#order()}
     * @throws IllegalArgumentException if the store already holds {@code transactionId}
     */
    default QueuedSend enqueueSend(RoomId roomId, String transactionId, String eventType, RawJson content,
                                   Optional<EventId> redacts, long createdAtMillis) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /**
     * Adds an event at the end of the send queue that needs the event ID of the queued event
     * {@code parentTransactionId} (an edit or a redaction of an event not sent yet), in one
     * transaction: if the parent is already {@link QueuedSend.Status#SENT} the entry is stored
     * {@link QueuedSend#resolvedWith resolved}; otherwise it {@link QueuedSend#dependsOn() depends on}
     * the parent until {@link #markSendSent} resolves it.
     *
     * @return the stored entry; empty, and nothing stored, if the room has no queued {@code parentTransactionId}
     * @throws IllegalArgumentException if the store already holds {@code transactionId}
     */
    default Optional<QueuedSend> enqueueDependentSend(RoomId roomId, String transactionId, String parentTransactionId,
                                                      String eventType, RawJson content, long createdAtMillis) {
        throw new UnsupportedOperationException(getClass().getName() + " has no dependent sends");
    }

    /** Every queued event of the room (pending, failed, or sent and not yet removed), in queue order. */
    default List<QueuedSend> queuedSends(RoomId roomId) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /** The rooms with at least one queued event, in no particular order. */
    default List<RoomId> roomsWithQueuedSends() {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /**
     * Replaces the content of an event not sent yet ({@link QueuedSend.Status#PENDING} or
     * {@link QueuedSend.Status#FAILED}); false if there is no such event.
     */
    default boolean replaceQueuedContent(RoomId roomId, String transactionId, RawJson content) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /**
     * Marks a queued event {@link QueuedSend.Status#SENT} with its event ID and, in the same
     * transaction, resolves the entries that depend on it; false if it is not queued.
     */
    default boolean markSendSent(RoomId roomId, String transactionId, EventId eventId) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /** Marks a queued event {@link QueuedSend.Status#FAILED} with its cause; false if it is not queued. */
    default boolean markSendFailed(RoomId roomId, String transactionId, QueuedSend.Failure failure) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /** Puts a failed event back to {@link QueuedSend.Status#PENDING}, in its old place; false if it is not failed. */
    default boolean markSendPending(RoomId roomId, String transactionId) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }

    /**
     * Removes a queued event, whatever its status (a cancel, or a sent event seen in sync), and, in the
     * same transaction, the entries that still depend on it (they could never be sent); false if absent.
     */
    default boolean removeSend(RoomId roomId, String transactionId) {
        throw new UnsupportedOperationException(getClass().getName() + " has no send queue");
    }
}
