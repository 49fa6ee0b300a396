package dev.mxj.store.sqlite.crash;

import dev.mxj.id.RoomId;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.store.TimelineGap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A room's whole stored timeline, read page by page with {@link StateStore#latestEvents} and
 * {@link StateStore#eventsBefore}, and the checks of {@link CrashSafetyIT} on it.
 */
final class StoredTimeline {
    private static final int PAGE = 500;

    private final List<StoredEvent> events;
    private final List<TimelineGap> gaps;

    private StoredTimeline(List<StoredEvent> events, List<TimelineGap> gaps) {
        this.events = events;
        this.gaps = gaps;
    }

    static StoredTimeline read(StateStore store, RoomId room) {
        List<StoredEvent> all = new ArrayList<>();
        List<StoredEvent> page = store.latestEvents(room, PAGE);
        while (!page.isEmpty()) {
            all.addAll(0, page);
            page = store.eventsBefore(room, page.get(0).position(), PAGE);
        }
        return new StoredTimeline(all, store.gaps(room));
    }

    /** Stored events, oldest first. */
    int size() {
        return events.size();
    }

    /**
     * Checks that the stored numbered messages are {@code msg-0 .. msg-(k-1)}, each once and in
     * order, with the event IDs the server gave ({@code sentIds}, as far as known); that no event
     * ID is stored twice; that positions run without a hole (a hole is an event that reached the
     * store twice, which the store dropped); and that there is no gap (a limited sync).
     *
     * @return k, the number of messages stored
     * @throws AssertionError saying what is wrong, with the stored events around it
     */
    int checkPrefix(List<String> sentIds, String when) {
        if (!gaps.isEmpty()) {
            throw new AssertionError(when + ": the stored timeline has gaps " + gaps
                    + " (a limited sync), so events may be missing; raise the timeline limit");
        }
        Map<String, Integer> seen = new HashMap<>();
        int messages = 0;
        for (int j = 0; j < events.size(); j++) {
            StoredEvent stored = events.get(j);
            String eventId = stored.event().raw().string("event_id").orElse(null);
            if (eventId != null) {
                Integer first = seen.putIfAbsent(eventId, j);
                if (first != null) {
                    throw problem(when, "event " + eventId + " is stored twice", first, j);
                }
            }
            if (j > 0 && stored.position() != events.get(j - 1).position() + 1) {
                throw problem(when, "positions jump from " + events.get(j - 1).position() + " to "
                        + stored.position() + ": an event reached the store twice (or one was removed)", j - 1, j);
            }
            OptionalInt index = Messages.index(stored.event());
            if (index.isEmpty()) {
                continue;
            }
            if (index.getAsInt() != messages) {
                String what = index.getAsInt() < messages
                        ? "msg-" + index.getAsInt() + " is stored again after msg-" + (messages - 1) + " (duplicated)"
                        : index.getAsInt() == messages + 1 ? "msg-" + messages + " is missing (lost)"
                        : "msg-" + messages + " to msg-" + (index.getAsInt() - 1) + " are missing (lost)";
                throw problem(when, what, j, j);
            }
            if (messages < sentIds.size() && !sentIds.get(messages).equals(eventId)) {
                throw problem(when, "msg-" + messages + " has event ID " + eventId + ", but the server gave "
                        + sentIds.get(messages) + " when it was sent", j, j);
            }
            messages++;
        }
        return messages;
    }

    private AssertionError problem(String when, String what, int from, int to) {
        StringBuilder text = new StringBuilder(when).append(": ").append(what)
                .append(". Stored timeline around it (position event_id type body):");
        for (int j = Math.max(0, from - 5); j <= Math.min(events.size() - 1, to + 5); j++) {
            text.append('\n').append(j == from || j == to ? " >> " : "    ").append(describe(events.get(j)));
        }
        text.append("\n(").append(events.size()).append(" stored events in all)");
        return new AssertionError(text.toString());
    }

    private static String describe(StoredEvent stored) {
        var raw = stored.event().raw();
        return stored.position() + " " + raw.string("event_id").orElse("-") + " " + raw.string("type").orElse("?")
                + " " + raw.object("content").flatMap(c -> c.string("body")).orElse("");
    }
}
