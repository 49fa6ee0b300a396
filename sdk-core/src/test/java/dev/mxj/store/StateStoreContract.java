package dev.mxj.store;

import dev.mxj.StoreException;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.store.StateStoreFixtures.INVITED;
import static dev.mxj.store.StateStoreFixtures.JOINED;
import static dev.mxj.store.StateStoreFixtures.assertSameContents;
import static dev.mxj.store.StateStoreFixtures.dump;
import static dev.mxj.store.StateStoreFixtures.everything;
import static dev.mxj.store.StateStoreFixtures.fullInfo;
import static dev.mxj.store.StateStoreFixtures.ids;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.CAROL;
import static dev.mxj.testing.SyncBuilders.basic;
import static dev.mxj.testing.SyncBuilders.id;
import static dev.mxj.testing.SyncBuilders.malformed;
import static dev.mxj.testing.SyncBuilders.malformedWithId;
import static dev.mxj.testing.SyncBuilders.memberEvent;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.presence;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.roomName;
import static dev.mxj.testing.SyncBuilders.sync;
import static dev.mxj.testing.SyncBuilders.toDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract every {@link StateStore} passes; a state store is a session store, so it passes
 * the {@link SessionStoreContract} too. Subclass it, or {@link PersistentStateStoreContract} for a
 * store that outlives the process, and implement {@link #newStore()} and {@link #rejectEvent}.
 * To keep files small, the tests of later applies and of concurrent readers live in the mixins
 * {@link StateStoreUpdateTests}, {@link StateStoreConcurrencyTests}, {@link StateStoreBackPaginationTests}
 * and {@link SendQueueStoreTests};
 * they run as part of this suite.
 */
public abstract class StateStoreContract extends SessionStoreContract
        implements StateStoreUpdateTests, StateStoreConcurrencyTests, StateStoreBackPaginationTests,
        SendQueueStoreTests {
    /** A new, empty store. Called once or more per test; the suite closes what it gets. */
    @Override
    protected abstract StateStore newStore() throws Exception;

    /**
     * Makes every later {@link StateStore#apply} on {@code store} that reaches the timeline event
     * {@code eventId} fail with a {@link StoreException}, after it wrote what came before that
     * event (a test hook or a database trigger): the apply must then leave nothing behind.
     */
    protected abstract void rejectEvent(StateStore store, EventId eventId) throws Exception;

    @Override
    protected StateStore store() throws Exception {
        return (StateStore) super.store();
    }

    @Override
    public StateStore stateStore() throws Exception {
        return store();
    }

    @Test
    void anEmptyStoreHoldsNothing() throws Exception {
        StateStore store = store();
        assertEquals(Optional.empty(), store.syncToken());
        assertEquals(List.of(), store.rooms());
        assertEquals(Optional.empty(), store.room(JOINED));
        assertEquals(Optional.empty(), store.stateEvent(JOINED, "m.room.name", ""));
        assertEquals(List.of(), store.latestEvents(JOINED, 10));
        assertEquals(Optional.empty(), store.event(JOINED, id("e1")));
        assertEquals(List.of(), store.toDeviceInbox());
        assertEquals(Optional.empty(), store.filterId("filter"));
        dump(store, List.of(JOINED)).forEach((what, value) -> assertTrue(
                value.equals(Optional.empty()) || value.equals(List.of()) || value.equals(Set.of()), what));
    }

    @Test
    void readsBackEveryPartOfAnApply() throws Exception {
        StateStore store = store();
        StateChanges changes = everything("t1").build();
        RoomChanges joined = changes.rooms().get(0);
        store.apply(changes);

        assertEquals(Optional.of("t1"), store.syncToken());
        assertEquals(Set.of(fullInfo(JOINED), RoomInfo.empty(INVITED, Membership.INVITE)), Set.copyOf(store.rooms()));
        assertEquals(Optional.of(fullInfo(JOINED)), store.room(JOINED));
        assertEquals(Optional.of(joined.state().get(0)), store.stateEvent(JOINED, "m.room.name", ""));
        assertEquals(Set.copyOf(joined.state().subList(1, 3)), Set.copyOf(store.stateEvents(JOINED, "m.room.member")));
        assertEquals(changes.rooms().get(1).strippedState(), store.strippedState(INVITED));
        assertEquals(Set.copyOf(joined.members()), Set.copyOf(store.members(JOINED)));
        assertEquals(Optional.of(joined.members().get(1)), store.member(JOINED, BOB));
        assertEquals(Optional.empty(), store.member(JOINED, CAROL));

        List<StoredEvent> timeline = store.latestEvents(JOINED, 10);
        assertEquals(joined.timeline(), timeline.stream().map(StoredEvent::event).toList());
        assertIncreasing(timeline);
        assertEquals(Optional.of(timeline.get(1)), store.event(JOINED, id("e2")));
        assertEquals(List.of(new TimelineGap(timeline.get(0).position(), "prev1")), store.gaps(JOINED));

        assertEquals(Set.copyOf(joined.receipts()), Set.copyOf(store.receipts(JOINED)));
        assertEquals(List.of(BOB), store.typing(JOINED));
        assertEquals(Optional.of(joined.accountData().get(0)), store.roomAccountData(JOINED, "m.tag"));
        assertEquals(Optional.empty(), store.roomAccountData(INVITED, "m.tag"));
        assertEquals(Optional.of(changes.accountData().get(0)), store.accountData("m.direct"));
        assertEquals(Optional.of(changes.presence().get(ALICE)), store.presence(ALICE));
        assertEquals(Optional.empty(), store.presence(BOB));
        assertEquals(changes.toDevice(), store.toDeviceInbox());
    }

    @Test
    void anEventSeenTwiceIsStoredOnceAtItsFirstPosition() throws Exception {
        StateStore store = store();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("a", ALICE, "a"), message("b", BOB, "b")))
                .build());
        StoredEvent b = store.event(JOINED, id("b")).orElseThrow();
        store.apply(sync("t2").room(roomChanges(JOINED)
                        .timeline(message("b", BOB, "b"), message("c", ALICE, "c"), message("c", ALICE, "c")))
                .room(roomChanges(room(3)).timeline(message("b", BOB, "b"))).build());

        List<StoredEvent> timeline = store.latestEvents(JOINED, 10);
        assertEquals(List.of("$a", "$b", "$c"), ids(timeline));
        assertEquals(b, timeline.get(1));
        assertEquals(Optional.of(b), store.event(JOINED, id("b")));
        assertIncreasing(timeline);
        assertEquals(List.of("$b"), ids(store.latestEvents(room(3), 10)), "dedupe is per room");
    }

    @Test
    void malformedEventsSurviveWithTheirRawJson() throws Exception {
        StateStore store = store();
        MalformedEvent broken = malformed("no id here");
        store.apply(sync("t1").room(roomChanges(JOINED)
                .timeline(message("a", ALICE, "a"), broken, message("b", BOB, "b"))).build());
        store.apply(sync("t2").room(roomChanges(JOINED).timeline(broken)).build());

        List<StoredEvent> timeline = store.latestEvents(JOINED, 10);
        assertEquals(List.of("$a", "-", "$b", "-"), ids(timeline), "without an ID there is nothing to dedupe by");
        MalformedEvent withId = malformedWithId("noSender");
        store.apply(sync("t3").room(roomChanges(JOINED).timeline(withId)).build());
        store.apply(sync("t4").room(roomChanges(JOINED).timeline(withId)).build());
        assertEquals(List.of("$a", "-", "$b", "-", "$noSender"), ids(store.latestEvents(JOINED, 10)),
                "a malformed event that has an ID is deduplicated by it");
        assertEquals(withId, store.event(JOINED, id("noSender")).orElseThrow().event());
        MalformedEvent back = assertInstanceOf(MalformedEvent.class, timeline.get(1).event());
        assertEquals(broken.raw(), back.raw());
        assertEquals(broken.raw().json(), back.raw().json());
        assertIncreasing(timeline);
    }

    @Test
    void pagesBackThroughTheTimeline() throws Exception {
        StateStore store = store();
        List<SyncEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(message("p" + i, ALICE, "number " + i));
        }
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(events)).build());

        assertEquals(List.of("$p7", "$p8", "$p9"), ids(store.latestEvents(JOINED, 3)));
        long fifth = store.event(JOINED, id("p5")).orElseThrow().position();
        assertEquals(List.of("$p3", "$p4"), ids(store.eventsBefore(JOINED, fifth, 2)));
        assertEquals(5, store.eventsBefore(JOINED, fifth, 100).size());
        long first = store.event(JOINED, id("p0")).orElseThrow().position();
        assertEquals(List.of(), store.eventsBefore(JOINED, first, 5));
        assertEquals(List.of(), store.latestEvents(JOINED, 0));
        assertEquals(List.of(), store.latestEvents(room(7), 5));
    }

    @Test
    void aLimitedTimelineWithAPrevBatchRecordsAGap() throws Exception {
        StateStore store = store();
        store.apply(sync("t1").room(roomChanges(JOINED).timeline(message("a", ALICE, "a"))).build());
        assertEquals(List.of(), store.gaps(JOINED));

        store.apply(sync("t2").room(roomChanges(JOINED).limited(Optional.of("p2"))
                .timeline(message("b", ALICE, "b"), message("c", ALICE, "c"))).build());
        store.apply(sync("t3").room(roomChanges(JOINED).limited(Optional.empty()).timeline(message("d", ALICE, "d")))
                .build());
        store.apply(sync("t4").room(roomChanges(JOINED).prevBatch("p4").timeline(message("e", ALICE, "e"))).build());
        store.apply(sync("t5").room(roomChanges(JOINED).limited(Optional.of("p5")).timeline(message("f", ALICE, "f")))
                .build());

        long b = store.event(JOINED, id("b")).orElseThrow().position();
        long f = store.event(JOINED, id("f")).orElseThrow().position();
        assertEquals(List.of(new TimelineGap(b, "p2"), new TimelineGap(f, "p5")), store.gaps(JOINED));
        assertEquals(List.of("$a", "$b", "$c", "$d", "$e", "$f"), ids(store.latestEvents(JOINED, 10)));
    }

    @Test
    void theToDeviceInboxKeepsOrderUntilRemoved() throws Exception {
        StateStore store = store();
        var first = toDevice("m.dummy", ALICE, obj("n", 1));
        var second = toDevice("m.dummy", BOB, obj("n", 2));
        var third = toDevice("m.room_key", CAROL, obj("n", 3));
        store.apply(sync("t1").toDevice(first, second).build());
        store.apply(sync("t2").toDevice(third).build());
        assertEquals(List.of(first, second, third), store.toDeviceInbox());

        store.removeToDevice(0);
        assertEquals(List.of(first, second, third), store.toDeviceInbox());
        store.removeToDevice(2);
        assertEquals(List.of(third), store.toDeviceInbox());
        store.removeToDevice(5);
        assertEquals(List.of(), store.toDeviceInbox());
        store.apply(sync("t3").toDevice(first).build());
        assertEquals(List.of(first), store.toDeviceInbox());
    }

    @Test
    void keepsFilterIdsByKey() throws Exception {
        StateStore store = store();
        store.saveFilterId("{\"room\":{}}", "f1");
        store.saveFilterId("other", "f2");
        store.saveFilterId("{\"room\":{}}", "f3");
        assertEquals(Optional.of("f3"), store.filterId("{\"room\":{}}"));
        assertEquals(Optional.of("f2"), store.filterId("other"));
        assertEquals(Optional.empty(), store.filterId("missing"));
        store.apply(StateChanges.onlyToken("t1"));
        assertEquals(Optional.of("f2"), store.filterId("other"));
    }

    @Test
    void theSyncTokenFollowsEveryApply() throws Exception {
        StateStore store = store();
        store.apply(everything("t1").build());
        Map<String, Object> before = dump(store, List.of(JOINED, INVITED));
        store.apply(StateChanges.onlyToken("t2"));
        assertEquals(Optional.of("t2"), store.syncToken());
        before.put("token", Optional.of("t2"));
        assertSameContents(before, dump(store, List.of(JOINED, INVITED)));
    }

    @Test
    void anApplyThatFailsMidwayLeavesNothing() throws Exception {
        StateStore store = store();
        store.apply(everything("t1").build());
        store.saveFilterId("filter", "f1");
        RoomId other = room(3);
        Map<String, Object> before = dump(store, List.of(JOINED, INVITED, other));

        rejectEvent(store, id("poison"));
        StateChanges failing = sync("t2")
                .room(roomChanges(other).state(roomName("n3", "Other")).timeline(message("o1", BOB, "first")))
                .room(roomChanges(JOINED)
                        .state(roomName("n2", "Renamed"), memberEvent("m3", CAROL, Membership.JOIN, "C"))
                        .timeline(message("x1", ALICE, "before"), message("poison", ALICE, "boom"),
                                message("x2", ALICE, "after")).typing())
                .accountData(basic("m.direct", obj()))
                .presence(BOB, presence("online"))
                .toDevice(toDevice("m.dummy", BOB, obj())).build();
        assertThrows(StoreException.class, () -> store.apply(failing));

        assertSameContents(before, dump(store, List.of(JOINED, INVITED, other)));
        assertEquals(Optional.of("t1"), store.syncToken());

        store.apply(sync("t3").room(roomChanges(other).timeline(message("o1", BOB, "first"))).build());
        assertEquals(Optional.of("t3"), store.syncToken());
        assertEquals(List.of("$o1"), ids(store.latestEvents(other, 5)));
    }

    static void assertIncreasing(List<StoredEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).position() < events.get(i).position(), "positions must increase: " + events);
        }
    }
}
