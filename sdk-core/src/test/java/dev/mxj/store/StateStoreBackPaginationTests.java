package dev.mxj.store;

import dev.mxj.event.SyncEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.store.StateStoreFixtures.JOINED;
import static dev.mxj.store.StateStoreFixtures.ids;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Part of {@link StateStoreContract}: {@link StateStore#applyBackPagination} stores older events
 * before a gap, deduplicates them, and closes, moves or keeps gaps.
 */
public interface StateStoreBackPaginationTests {
    /** A new, empty store that the suite closes after the test. */
    StateStore stateStore() throws Exception;

    private static List<SyncEvent> newestFirst(String... names) {
        List<SyncEvent> events = new ArrayList<>();
        for (String name : names) {
            events.add(message(name, ALICE, "body " + name));
        }
        return events;
    }

    private static List<String> all(StateStore store) {
        return ids(store.latestEvents(JOINED, 1000));
    }

    @Test
    default void olderEventsGoBeforeTheFirstGapAndTheGapMovesBack() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("e5", ALICE, "5"))
                .limited(Optional.of("p5"))).build());
        TimelineGap gap = store.gaps(JOINED).get(0);

        List<StoredEvent> stored = store.applyBackPagination(JOINED, gap, newestFirst("e4", "e3"),
                Optional.of("p3"), false);

        assertEquals(List.of("$e3", "$e4"), ids(stored), "stored oldest first");
        assertEquals(List.of("$e3", "$e4", "$e5"), all(store));
        assertEquals(List.of(new TimelineGap(stored.get(0).position(), "p3")), store.gaps(JOINED));
        assertEquals(stored.get(0).position(), store.event(JOINED, id("e3")).orElseThrow().position());
        assertEquals(List.of("$e3", "$e4"), ids(store.eventsBefore(JOINED,
                store.event(JOINED, id("e5")).orElseThrow().position(), 10)));
    }

    @Test
    default void reachingTheStartOrAnEmptyTokenRemovesTheGap() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("e3", ALICE, "3"))
                .limited(Optional.of("p3"))).build());
        store.applyBackPagination(JOINED, store.gaps(JOINED).get(0), newestFirst("e2"), Optional.of("p2"), false);
        store.applyBackPagination(JOINED, store.gaps(JOINED).get(0), newestFirst("e1"), Optional.of("p1"), true);

        assertEquals(List.of("$e1", "$e2", "$e3"), all(store));
        assertEquals(List.of(), store.gaps(JOINED));
    }

    @Test
    default void aGapBetweenStoredEventsMakesRoomAndClosesOnAnOverlap() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("e1", ALICE, "1"),
                message("e2", ALICE, "2"))).build());
        store.apply(sync("t2").room(roomChanges(JOINED).timeline(message("e6", ALICE, "6"), message("e7", ALICE, "7"))
                .limited(Optional.of("p6"))).build());
        TimelineGap gap = store.gaps(JOINED).get(0);

        List<StoredEvent> stored = store.applyBackPagination(JOINED, gap, newestFirst("e5", "e4", "e3", "e2", "e1"),
                Optional.of("p0"), false);

        assertEquals(List.of("$e3", "$e4", "$e5"), ids(stored), "e2 is stored before the gap: it closed");
        assertEquals(List.of("$e1", "$e2", "$e3", "$e4", "$e5", "$e6", "$e7"), all(store));
        assertEquals(List.of(), store.gaps(JOINED));
        store.apply(sync("t3").room(roomChanges(JOINED).timeline(message("e8", ALICE, "8"))).build());
        assertEquals(List.of("$e1", "$e2", "$e3", "$e4", "$e5", "$e6", "$e7", "$e8"), all(store),
                "a later sync still appends after everything");
    }

    @Test
    default void eventsSeenTwiceAreStoredOnce() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("e4", ALICE, "4"), message("e5", ALICE, "5"))
                .limited(Optional.of("p4"))).build());
        TimelineGap gap = store.gaps(JOINED).get(0);

        List<StoredEvent> stored = store.applyBackPagination(JOINED, gap, newestFirst("e5", "e3", "e3", "e2"),
                Optional.of("p2"), false);

        assertEquals(List.of("$e2", "$e3"), ids(stored));
        assertEquals(List.of("$e2", "$e3", "$e4", "$e5"), all(store));
        assertEquals(1, store.gaps(JOINED).size());
    }

    @Test
    default void aGapNoLongerStoredIsIgnored() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("e2", ALICE, "2"))
                .limited(Optional.of("p2"))).build());
        TimelineGap gap = store.gaps(JOINED).get(0);
        store.applyBackPagination(JOINED, gap, newestFirst("e1"), Optional.empty(), false);

        assertEquals(List.of(), store.applyBackPagination(JOINED, gap, newestFirst("e0"), Optional.of("x"), false));
        assertEquals(List.of("$e1", "$e2"), all(store));
        assertTrue(store.gaps(JOINED).isEmpty());
    }
}
