package dev.mxj.internal.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.send.LocalEcho;
import dev.mxj.send.SendState;
import dev.mxj.timeline.TimelineDiff;
import dev.mxj.timeline.TimelineItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The item list of a timeline and the diffs that change it: sans-I/O, not thread-safe (the owner
 * locks). Events are deduplicated by event ID: a newer copy of an event replaces it in place; an
 * older copy is dropped. A {@link TimelineItem.Gap} is only ever the first item. Local echoes
 * ({@link TimelineItem.Local}) are always the last items: newer events go before them, and an event
 * whose {@code unsigned.transaction_id} is a local echo's replaces it.
 */
public final class TimelineModel {
    private final List<TimelineItem> items = new ArrayList<>();
    private final Set<EventId> ids = new HashSet<>();
    /** Transaction IDs of the events shown: their local echoes are done. */
    private final Set<String> echoed = new HashSet<>();

    public List<TimelineItem> items() {
        return List.copyOf(items);
    }

    public boolean startsWithGap() {
        return !items.isEmpty() && items.get(0) instanceof TimelineItem.Gap;
    }

    /** The oldest event item, if any. */
    public Optional<TimelineItem.Event> oldestEvent() {
        for (TimelineItem item : items) {
            if (item instanceof TimelineItem.Event event) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** Replaces everything with {@code oldestFirst}, after a gap marker if {@code gapBefore}. */
    public List<TimelineDiff> reset(List<SyncEvent> oldestFirst, boolean gapBefore) {
        return reset(oldestFirst, gapBefore, localItems().stream().map(TimelineItem.Local::echo).toList());
    }

    /** Replaces everything with {@code oldestFirst}, then the local echoes {@code locals} not yet echoed. */
    public List<TimelineDiff> reset(List<SyncEvent> oldestFirst, boolean gapBefore, List<LocalEcho> locals) {
        items.clear();
        ids.clear();
        if (gapBefore) {
            items.add(new TimelineItem.Gap());
        }
        for (SyncEvent event : oldestFirst) {
            TimelineItem.Event item = new TimelineItem.Event(event);
            if (item.eventId().map(ids::add).orElse(true)) {
                items.add(item);
                transactionId(event).ifPresent(echoed::add);
            }
        }
        for (LocalEcho echo : locals) {
            if (!echoed.contains(echo.transactionId()) && !(echo.state() instanceof SendState.Cancelled)) {
                items.add(new TimelineItem.Local(echo));
            }
        }
        return List.of(new TimelineDiff.Reset(items));
    }

    /** Adds newer events at the end; one already present is replaced where it is. */
    public List<TimelineDiff> append(List<SyncEvent> oldestFirst) {
        List<TimelineDiff> diffs = new ArrayList<>();
        List<TimelineItem> added = new ArrayList<>();
        for (SyncEvent event : oldestFirst) {
            transactionId(event).ifPresent(txn -> {
                echoed.add(txn);
                int local = indexOfLocal(txn);
                if (local >= 0) {
                    items.remove(local);
                    diffs.add(new TimelineDiff.Remove(local));
                }
            });
        }
        for (SyncEvent event : oldestFirst) {
            TimelineItem.Event item = new TimelineItem.Event(event);
            Optional<EventId> id = item.eventId();
            if (id.isPresent() && !ids.add(id.get())) {
                int index = indexOf(id.get());
                if (index >= 0) {
                    items.set(index, item);
                    diffs.add(new TimelineDiff.Set(index, item));
                } else {
                    replaceInAdded(added, item);
                }
                continue;
            }
            added.add(item);
        }
        int at = items.size() - localItems().size();
        if (!added.isEmpty() && at == items.size()) {
            items.addAll(added);
            diffs.add(new TimelineDiff.Append(added));
        } else {
            for (TimelineItem item : added) {
                items.add(at, item);
                diffs.add(new TimelineDiff.Insert(at++, item));
            }
        }
        return diffs;
    }

    /**
     * Shows a local echo's new state: updated in place, added at the end, or removed when cancelled.
     * An echo whose event is already shown is ignored.
     */
    public List<TimelineDiff> upsertLocal(LocalEcho echo) {
        int index = indexOfLocal(echo.transactionId());
        if (echo.state() instanceof SendState.Cancelled || echoed.contains(echo.transactionId())) {
            if (index < 0) {
                return List.of();
            }
            items.remove(index);
            return List.of(new TimelineDiff.Remove(index));
        }
        TimelineItem.Local item = new TimelineItem.Local(echo);
        if (index >= 0) {
            items.set(index, item);
            return List.of(new TimelineDiff.Set(index, item));
        }
        items.add(item);
        return List.of(new TimelineDiff.Append(List.of(item)));
    }

    private List<TimelineItem.Local> localItems() {
        int first = items.size();
        while (first > 0 && items.get(first - 1) instanceof TimelineItem.Local) {
            first--;
        }
        return items.subList(first, items.size()).stream().map(TimelineItem.Local.class::cast).toList();
    }

    private int indexOfLocal(String txnId) {
        for (int i = items.size() - 1; i >= 0 && items.get(i) instanceof TimelineItem.Local local; i--) {
            if (local.echo().transactionId().equals(txnId)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> transactionId(SyncEvent event) {
        return event instanceof RoomEvent e ? e.unsigned().string("transaction_id") : Optional.empty();
    }

    /**
     * Adds older events at the start (dropping any already present), with a gap marker before them
     * if {@code gapBefore}. A gap marker that was first goes away.
     */
    public List<TimelineDiff> prepend(List<SyncEvent> oldestFirst, boolean gapBefore) {
        List<TimelineItem> added = new ArrayList<>();
        for (SyncEvent event : oldestFirst) {
            TimelineItem.Event item = new TimelineItem.Event(event);
            if (item.eventId().map(ids::add).orElse(true)) {
                added.add(item);
            }
        }
        boolean hadGap = startsWithGap();
        if (added.isEmpty() && hadGap == gapBefore) {
            return List.of();
        }
        List<TimelineDiff> diffs = new ArrayList<>();
        if (hadGap) {
            items.remove(0);
            diffs.add(new TimelineDiff.Remove(0));
        }
        if (gapBefore) {
            added.add(0, new TimelineItem.Gap());
        }
        if (!added.isEmpty()) {
            items.addAll(0, added);
            diffs.add(new TimelineDiff.Prepend(added));
        }
        return diffs;
    }

    private int indexOf(EventId id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof TimelineItem.Event event && event.eventId().filter(id::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static void replaceInAdded(List<TimelineItem> added, TimelineItem.Event item) {
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i) instanceof TimelineItem.Event event && event.eventId().equals(item.eventId())) {
                added.set(i, item);
                return;
            }
        }
    }
}
