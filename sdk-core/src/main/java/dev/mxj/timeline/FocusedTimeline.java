package dev.mxj.timeline;

import dev.mxj.id.EventId;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A window of a room's history around one event (from {@link Timeline#focusOn}). An immutable value:
 * paginating gives a new, wider one. Nothing in it is stored or updated by sync. As in {@link Timeline},
 * edits, reactions and redactions in the window are folded into their targets, and thread replies into
 * their root's summary; local echoes are not shown.
 */
public interface FocusedTimeline {
    /** The event this window was opened on. */
    EventId focus();

    /** The items, oldest first. */
    List<TimelineItem> items();

    /**
     * The index of {@link #focus()} in {@link #items()}; for a focused event folded into another (a
     * reaction, an edit, a thread reply), the index of that one's item; -1 if that is not in the window.
     */
    int focusIndex();

    /** True when nothing older is left to fetch. */
    boolean reachedStart();

    /** True when nothing newer is left to fetch (for now: the room may get new events). */
    boolean reachedEnd();

    /** {@code GET /rooms/{roomId}/messages?dir=b}: this window with up to {@code limit} older events. */
    CompletableFuture<FocusedTimeline> paginateBackwards(int limit);

    /** {@code GET /rooms/{roomId}/messages?dir=f}: this window with up to {@code limit} newer events. */
    CompletableFuture<FocusedTimeline> paginateForwards(int limit);
}
