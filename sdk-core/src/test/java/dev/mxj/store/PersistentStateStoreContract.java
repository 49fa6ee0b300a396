package dev.mxj.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.store.StateStoreFixtures.INVITED;
import static dev.mxj.store.StateStoreFixtures.JOINED;
import static dev.mxj.store.StateStoreFixtures.assertSameContents;
import static dev.mxj.store.StateStoreFixtures.dump;
import static dev.mxj.store.StateStoreFixtures.everything;
import static dev.mxj.store.StateStoreFixtures.ids;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state store contract plus what a store that outlives the process must also do. */
public abstract class PersistentStateStoreContract extends StateStoreContract {
    /** Closes {@code store} and opens it again on the same data, as a restarted process would. */
    protected abstract StateStore reopen(StateStore store) throws Exception;

    private StateStore reopened(StateStore store) throws Exception {
        StateStore again = reopen(store);
        track(again);
        return again;
    }

    @Test
    void reopenKeepsTheSendQueue() throws Exception {
        StateStore store = store();
        store.enqueueSend(SendQueueStoreTests.ROOM_A, "t1", "m.room.message", dev.mxj.json.RawJson.emptyObject(),
                Optional.empty(), 5);
        store.enqueueSend(SendQueueStoreTests.ROOM_A, "t2", "m.reaction", dev.mxj.json.RawJson.emptyObject(),
                Optional.empty(), 6);
        store.markSendFailed(SendQueueStoreTests.ROOM_A, "t2", SendQueueStoreTests.FORBIDDEN);
        store.enqueueDependentSend(SendQueueStoreTests.ROOM_A, "t3", "t1", "m.room.redaction",
                dev.mxj.json.RawJson.emptyObject(), 7);
        List<QueuedSend> before = store.queuedSends(SendQueueStoreTests.ROOM_A);

        StateStore again = reopened(store);
        assertEquals(before, again.queuedSends(SendQueueStoreTests.ROOM_A));
        assertEquals(List.of(SendQueueStoreTests.ROOM_A), again.roomsWithQueuedSends());
    }

    @Test
    void reopenKeepsEverything() throws Exception {
        StateStore store = store();
        store.saveSession(fullSession());
        store.apply(everything("t1").build());
        store.apply(sync("t2").room(roomChanges(JOINED).limited(Optional.of("prev2"))
                .timeline(message("e4", BOB, "later"))).build());
        store.saveFilterId("filter", "f1");
        store.removeToDevice(1);
        Map<String, Object> before = dump(store, List.of(JOINED, INVITED));

        StateStore again = reopened(store);
        assertSameContents(before, dump(again, List.of(JOINED, INVITED)));
        assertEquals(Optional.of(fullSession()), again.loadSession());
    }

    @Test
    void positionsAndDedupeGoOnAfterReopen() throws Exception {
        StateStore store = store();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("a", ALICE, "a"), message("b", BOB, "b")))
                .build());
        StoredEvent b = store.event(JOINED, id("b")).orElseThrow();

        StateStore again = reopened(store);
        again.apply(sync("t2").room(roomChanges(JOINED).timeline(message("b", BOB, "b"), message("c", ALICE, "c")))
                .build());
        List<StoredEvent> timeline = again.latestEvents(JOINED, 10);
        assertEquals(List.of("$a", "$b", "$c"), ids(timeline));
        assertEquals(b, timeline.get(1));
        assertTrue(timeline.get(2).position() > b.position());
    }
}
