package dev.mxj.timeline;

import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.room.ReceiptType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A room's live timeline: the newest stored events, kept current by sync and extended into the past
 * by {@link #paginateBackwards(int)}. Get one from {@link dev.mxj.room.Room#timeline()}; close it
 * when done, which stops its sync listener and ends its subscriptions.
 *
 * <p>Edits, reactions and redactions are applied to the items they target and are not items
 * themselves; thread replies are shown by {@link #thread(EventId)}, not here (see
 * {@link TimelineItem.Event}).
 *
 * <p><b>Listener contract</b>: {@link #subscribe} delivers a {@link TimelineUpdate.Snapshot} first,
 * then {@link TimelineUpdate.Diffs} in order, one call at a time per subscriber, on the client's
 * callback executor. Callbacks must be fast; one that throws is logged and isolated: it keeps its
 * subscription, and neither sync nor other subscribers see the exception.
 *
 * <pre>{@code
 * try (Timeline timeline = room.timeline();
 *      AutoCloseable sub = timeline.subscribe(update -> render(update))) {
 *     timeline.paginateBackwards(20).join();
 * }
 * }</pre>
 */
public interface Timeline extends AutoCloseable {
    RoomId roomId();

    /** The current items, oldest first (what a new subscriber's snapshot would hold). */
    List<TimelineItem> items();

    /** Subscribes to a snapshot and then diffs; closing the returned value ends the subscription. */
    AutoCloseable subscribe(Consumer<? super TimelineUpdate> listener);

    /**
     * Adds up to {@code limit} older events at the start: first those the store already holds, then,
     * at a gap, a page from {@code GET /rooms/{roomId}/messages?dir=b}, which is stored (deduplicated
     * by event ID) so later timelines start with it. Subscribers see a {@link TimelineDiff.Prepend}.
     * Calls run one after another.
     */
    CompletableFuture<PaginationResult> paginateBackwards(int limit);

    /**
     * {@code GET /rooms/{roomId}/context/{eventId}}: the event with up to {@code limit} neighbours
     * (split before and after by the server), as a separate timeline that is not stored and not live.
     */
    CompletableFuture<FocusedTimeline> focusOn(EventId event, int limit);

    /**
     * {@code GET /_matrix/client/v1/rooms/{roomId}/timestamp_to_event}: the event closest to
     * {@code time} in {@code direction}; empty when the room has none there. Pass its ID to
     * {@link #focusOn} to jump to a date.
     */
    CompletableFuture<Optional<EventAtTime>> eventAt(Instant time, Direction direction);

    /**
     * A new live timeline of the thread whose root is {@code root}: the root and its replies. Close it
     * when done; closing this timeline does not close it.
     */
    ThreadTimeline thread(EventId root);

    /**
     * Sends a read receipt with {@code thread_id} {@code main} for the newest shown event sent by
     * another user, unless the own user's read-up-to point in the main timeline is already there (an
     * own event after it counts, as sending is an implicit receipt). Answers the event the receipt was
     * sent for, or empty when nothing was sent. The receipt is applied to the items at once.
     */
    CompletableFuture<Optional<EventId>> markAsRead(ReceiptType type);

    /** Stops following sync and ends every subscription. Pagination calls in flight still complete. */
    @Override
    void close();
}
