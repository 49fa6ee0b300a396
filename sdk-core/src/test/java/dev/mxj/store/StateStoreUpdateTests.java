package dev.mxj.store;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.StrippedStateEvent;
import dev.mxj.room.Membership;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.store.StateStoreFixtures.INVITED;
import static dev.mxj.store.StateStoreFixtures.JOINED;
import static dev.mxj.store.StateStoreFixtures.everything;
import static dev.mxj.store.StateStoreFixtures.fullInfo;
import static dev.mxj.store.StateStoreFixtures.ids;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.CAROL;
import static dev.mxj.testing.SyncBuilders.basic;
import static dev.mxj.testing.SyncBuilders.member;
import static dev.mxj.testing.SyncBuilders.memberEvent;
import static dev.mxj.testing.SyncBuilders.obj;
import static dev.mxj.testing.SyncBuilders.presence;
import static dev.mxj.testing.SyncBuilders.receipt;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.roomName;
import static dev.mxj.testing.SyncBuilders.state;
import static dev.mxj.testing.SyncBuilders.stripped;
import static dev.mxj.testing.SyncBuilders.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Part of {@link StateStoreContract}: what a later apply does to what an earlier one stored, as
 * {@link RoomChanges} and {@link StateChanges} document it (upsert, replace, keep).
 */
public interface StateStoreUpdateTests {
    /** A new, empty store that the suite closes after the test. */
    StateStore stateStore() throws Exception;

    @Test
    default void aSecondApplyUpsertsStateMembersReceiptsAndAccountData() throws Exception {
        StateStore store = stateStore();
        StateChanges first = everything("t1").build();
        RoomChanges joined = first.rooms().get(0);
        store.apply(first);

        RoomInfo left = fullInfo(JOINED).toBuilder().name(Optional.of("Renamed")).membership(Membership.LEAVE).build();
        RoomEvent newName = roomName("name2", "Renamed");
        RoomEvent topic = state("topic1", "m.room.topic", "", BOB, obj("topic", "news"));
        RoomEvent aliceLeft = memberEvent("m4", ALICE, Membership.LEAVE, "Alice");
        RoomMember aliceGone = member(ALICE, Membership.LEAVE, "Alice");
        BasicEvent tag = basic("m.tag", obj("tags", obj()));
        BasicEvent fullyRead = basic("m.fully_read", obj("event_id", "$e3"));
        Receipt aliceMain = receipt(ALICE, "e4", "m.read", Optional.of("main"), 2000);
        Receipt aliceThread = receipt(ALICE, "e5", "m.read", Optional.of("$thread1"), 2100);
        BasicEvent direct = basic("m.direct", obj());
        store.apply(sync("t2")
                .room(roomChanges(left).state(newName, topic, aliceLeft).members(aliceGone)
                        .accountData(tag, fullyRead).receipts(aliceMain, aliceThread).typing())
                .accountData(direct)
                .presence(ALICE, presence("offline"))
                .build());

        assertEquals(Optional.of("t2"), store.syncToken());
        assertEquals(Optional.of(left), store.room(JOINED), "the room info is replaced whole");
        assertEquals(Set.of(left, RoomInfo.empty(INVITED, Membership.INVITE)), Set.copyOf(store.rooms()));
        assertEquals(Optional.of(newName), store.stateEvent(JOINED, "m.room.name", ""));
        assertEquals(Optional.of(topic), store.stateEvent(JOINED, "m.room.topic", ""));
        assertEquals(Set.of(aliceLeft, joined.state().get(2)), Set.copyOf(store.stateEvents(JOINED, "m.room.member")));
        assertEquals(Set.of(aliceGone, joined.members().get(1)), Set.copyOf(store.members(JOINED)));
        assertEquals(Optional.of(tag), store.roomAccountData(JOINED, "m.tag"));
        assertEquals(Optional.of(fullyRead), store.roomAccountData(JOINED, "m.fully_read"));
        assertEquals(Set.of(aliceMain, aliceThread, joined.receipts().get(1), joined.receipts().get(2)),
                Set.copyOf(store.receipts(JOINED)), "receipts are replaced per user, type and thread");
        assertEquals(List.of(), store.typing(JOINED), "an m.typing with nobody replaces the typing users");
        assertEquals(Optional.of(direct), store.accountData("m.direct"));
        assertEquals(Optional.of(first.accountData().get(1)), store.accountData("m.push_rules"));
        assertEquals(Optional.of(presence("offline")), store.presence(ALICE));
        assertEquals(Optional.of(presence("unavailable")), store.presence(CAROL));
        assertEquals(List.of("$e1", "$e2", "$e3"), ids(store.latestEvents(JOINED, 10)), "no new events");
        assertEquals(first.rooms().get(1).strippedState(), store.strippedState(INVITED), "an untouched room keeps");
    }

    @Test
    default void typingIsKeptUntilAnotherTypingEventArrives() throws Exception {
        StateStore store = stateStore();
        store.apply(sync("t1").room(roomChanges(JOINED).typing(ALICE, BOB)).build());
        store.apply(sync("t2").room(roomChanges(JOINED).accountData(basic("m.tag", obj()))).build());
        assertEquals(List.of(ALICE, BOB), store.typing(JOINED), "no m.typing event: the typing users stay");
        store.apply(sync("t3").room(roomChanges(JOINED).typing(CAROL)).build());
        assertEquals(List.of(CAROL), store.typing(JOINED));
    }

    @Test
    default void strippedStateIsReplacedWhole() throws Exception {
        StateStore store = stateStore();
        store.apply(everything("t1").build());
        StrippedStateEvent topic = stripped("m.room.topic", "", CAROL, obj("topic", "Still waiting"));
        store.apply(sync("t2").room(roomChanges(RoomInfo.empty(INVITED, Membership.INVITE)).stripped(topic)).build());
        assertEquals(List.of(topic), store.strippedState(INVITED));

        RoomInfo joined = RoomInfo.empty(INVITED, Membership.JOIN);
        store.apply(sync("t3").room(roomChanges(joined)).build());
        assertEquals(List.of(), store.strippedState(INVITED), "once joined, the invite's stripped state is gone");
        assertEquals(Optional.of(joined), store.room(INVITED));
    }
}
