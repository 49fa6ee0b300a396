package dev.mxj.internal.store;

import dev.mxj.event.SyncEvent;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Back-paginated events saved into a {@link MemoryRoom}, as
 * {@link dev.mxj.store.StateStore#applyBackPagination} documents: before the gap's position,
 * deduplicated by event ID, shifting later positions up when the gap has no room left.
 */
public final class MemoryBackPagination {
    /** The room after the page, and the events stored, oldest first. */
    public record Result(MemoryRoom room, List<StoredEvent> stored) {
    }

    private MemoryBackPagination() {
    }

    public static Result apply(MemoryRoom room, TimelineGap gap, List<SyncEvent> newestFirst,
                               Optional<String> nextPrevBatch, boolean reachedStart) {
        long gapAt = gap.beforePosition();
        if (room.gaps().stream().noneMatch(g -> g.beforePosition() == gapAt)) {
            return new Result(room, List.of());
        }
        List<SyncEvent> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean closed = false;
        for (SyncEvent event : newestFirst) {
            Optional<String> id = MemoryRoom.eventId(event);
            if (id.isPresent()) {
                Optional<StoredEvent> known = room.event(id.get());
                if (known.isPresent() && known.get().position() < gapAt) {
                    closed = true; // reached events stored before the gap: it is filled
                    break;
                }
                if (known.isPresent() || !seen.add(id.get())) {
                    continue;
                }
            }
            fresh.add(event);
        }
        List<StoredEvent> before = room.eventsBefore(gapAt, 1);
        long room0 = before.isEmpty() ? Long.MAX_VALUE : gapAt - before.get(0).position() - 1;
        long shift = fresh.size() > room0 ? Math.max(room.nextPosition() - gapAt, fresh.size() - room0) : 0;
        long newGapAt = gapAt + shift;

        List<StoredEvent> timeline = new ArrayList<>(room.timeline().size() + fresh.size());
        List<StoredEvent> stored = new ArrayList<>(fresh.size());
        for (int i = fresh.size() - 1; i >= 0; i--) {
            stored.add(new StoredEvent(newGapAt - 1 - i, fresh.get(i)));
        }
        for (StoredEvent event : room.timeline()) {
            timeline.add(event.position() >= gapAt ? new StoredEvent(event.position() + shift, event.event()) : event);
        }
        timeline.addAll(stored);
        timeline.sort(Comparator.comparingLong(StoredEvent::position));
        Map<String, StoredEvent> ids = new HashMap<>();
        for (StoredEvent event : timeline) {
            MemoryRoom.eventId(event.event()).ifPresent(id -> ids.put(id, event));
        }
        List<TimelineGap> gaps = new ArrayList<>();
        for (TimelineGap g : room.gaps()) {
            if (g.beforePosition() > gapAt) {
                gaps.add(new TimelineGap(g.beforePosition() + shift, g.prevBatch()));
            } else if (g.beforePosition() < gapAt) {
                gaps.add(g);
            }
        }
        if (!closed && !reachedStart && nextPrevBatch.isPresent()) {
            gaps.add(new TimelineGap(newGapAt - fresh.size(), nextPrevBatch.get()));
        }
        gaps.sort(Comparator.comparingLong(TimelineGap::beforePosition));
        MemoryRoom after = room.withTimeline(Collections.unmodifiableList(timeline), Collections.unmodifiableMap(ids),
                room.nextPosition() + shift, Collections.unmodifiableList(gaps));
        return new Result(after, List.copyOf(stored));
    }
}
