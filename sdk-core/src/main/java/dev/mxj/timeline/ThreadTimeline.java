package dev.mxj.timeline;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.room.ReceiptType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One thread of a room ({@code m.thread}): its root, then its replies, oldest first, as a snapshot
 * plus diffs. Open one with {@link Timeline#thread(EventId)}; close it when done.
 *
 * <p>It starts with the replies the store holds after the newest gap (up to a bound); when the
 * store holds the root with no gap after it, the thread is complete at once. Otherwise it starts
 * with a {@link TimelineItem.Gap}, and {@link #paginateBackwards(int)} fetches older replies with
 * {@code GET /_matrix/client/v1/rooms/{roomId}/relations/{root}/m.thread}, then the root. New replies
 * arrive by sync. Edits, reactions and redactions of the root and the replies update their items, as
 * in the main timeline; a reply's read receipts are those with this thread's {@code thread_id} (or
 * none). Items are never stored by this timeline. The listener contract is {@link Timeline}'s.
 */
public interface ThreadTimeline extends AutoCloseable {
    RoomId roomId();

    /** The thread root's event ID. */
    EventId root();

    /** The current items, oldest first: the root (once loaded), then the replies. */
    List<TimelineItem> items();

    /** Subscribes to a snapshot and then diffs; closing the returned value ends the subscription. */
    AutoCloseable subscribe(Consumer<? super TimelineUpdate> listener);

    /**
     * Adds up to {@code limit} older replies from {@code /relations}, and the root once the server
     * has no older reply. Calls run one after another.
     */
    CompletableFuture<PaginationResult> paginateBackwards(int limit);

    /**
     * Sends a read receipt with this thread's {@code thread_id} (the root's ID) for the newest reply
     * (or the root) sent by another user, unless the own user's read-up-to point in this thread is
     * already there. Answers the event the receipt was sent for, or empty when nothing was sent.
     */
    CompletableFuture<Optional<EventId>> markAsRead(ReceiptType type);

    /** Stops following sync and ends every subscription. */
    @Override
    void close();
}
