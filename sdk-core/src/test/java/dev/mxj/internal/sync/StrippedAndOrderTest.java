package dev.mxj.internal.sync;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.stripped;
import static dev.mxj.internal.sync.SyncJson.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invited and knocked rooms, rooms in two sections of one response, and progress reports. */
class StrippedAndOrderTest {
    private static final UserId ME = UserId.of("@me:example.org");
    private static final UserId ALICE = UserId.of("@alice:example.org");
    private static final RoomId ROOM = RoomId.of("!room:example.org");
    private final RoomInfoProcessingTest.MapView view = new RoomInfoProcessingTest.MapView();

    private StateChanges process(SyncJson json, SyncProcessor.Progress progress) {
        return new SyncProcessor(ME, view).process(new SyncResponseParser(EventRegistry.defaults()).parse(json.json()),
                progress);
    }

    @Test
    void anInviteIsNamedFromItsStrippedStateAndItsInviter() {
        RoomChanges room = process(sync("s1").invite(ROOM,
                stripped("m.room.name", "", ALICE, obj("name", "Party")),
                stripped("m.room.encryption", "", ALICE, obj("algorithm", "m.megolm.v1.aes-sha2")),
                stripped("m.room.member", ALICE.value(), ALICE, obj("membership", "join", "displayname", "Alice")),
                obj("type", "m.room.member", "state_key", ME.value(), "sender", ALICE.value(),
                        "origin_server_ts", 1234L, "event_id", "$invite", "content", obj("membership", "invite")),
                obj("type", "broken")), SyncProcessor.Progress.NONE).rooms().get(0);
        RoomInfo info = room.info();
        assertEquals(Membership.INVITE, info.membership());
        assertEquals(Optional.of("Party"), info.name());
        assertEquals(Optional.of("m.megolm.v1.aes-sha2"), info.encryptionAlgorithm());
        assertEquals(List.of(new Hero(ALICE, Optional.of("Alice"), Optional.empty())), info.heroes());
        assertEquals(1234L, info.latestActivityTs(), "the invite's own timestamp sorts it");
        assertEquals(4, room.strippedState().size(), "a stripped event without state_key and sender is dropped");
    }

    @Test
    void withoutOtherMembersTheInviterNamesTheInvite() {
        RoomInfo info = process(sync("s1").invite(ROOM,
                stripped("m.room.join_rules", "", ALICE, obj("join_rule", "invite")),
                stripped("m.room.member", ME.value(), ALICE, obj("membership", "invite"))), SyncProcessor.Progress.NONE)
                .rooms().get(0).info();
        assertEquals(List.of(new Hero(ALICE, Optional.empty(), Optional.empty())), info.heroes());
    }

    @Test
    void aKnock() {
        RoomChanges room = process(sync("s1").knock(ROOM,
                stripped("m.room.join_rules", "", ALICE, obj("join_rule", "knock")),
                stripped("m.room.member", ME.value(), ME, obj("membership", "knock"))), SyncProcessor.Progress.NONE)
                .rooms().get(0);
        assertEquals(Membership.KNOCK, room.info().membership());
        assertEquals(Optional.of("knock"), room.info().joinRule());
    }

    @Test
    void leftThenInvitedAgainInOneResponseEndsInvited() {
        StateChanges changes = process(sync("s1")
                .invite(ROOM, stripped("m.room.member", ME.value(), ALICE, obj("membership", "invite")))
                .leave(ROOM, r -> r.timeline(member("$l", ME, "leave", null),
                        SyncJson.roomState("$n", "m.room.name", obj("name", "Seen while joined")))),
                SyncProcessor.Progress.NONE);
        assertEquals(List.of(Membership.LEAVE, Membership.INVITE),
                changes.rooms().stream().map(r -> r.info().membership()).toList());
        assertEquals(Optional.of("Seen while joined"), changes.rooms().get(1).info().name(),
                "the second sees the first's info as the previous one");
    }

    @Test
    void anInviteAcceptedLaterBecomesJoined() {
        view.rooms.put(ROOM, RoomInfo.empty(ROOM, Membership.INVITE).toBuilder().name(Optional.of("Party")).build());
        RoomInfo info = process(sync("s2").join(ROOM, r -> r.timeline(member("$j", ME, "join", null))),
                SyncProcessor.Progress.NONE).rooms().get(0).info();
        assertEquals(Membership.JOIN, info.membership());
        assertEquals(Optional.of("Party"), info.name());
    }

    @Test
    void progressIsReportedAboutAHundredTimesAndEndsDone() {
        SyncJson json = sync("s1");
        for (int i = 0; i < 250; i++) {
            json.join(RoomId.of("!r" + i + ":example.org"), r -> r.unread(0, 0));
        }
        List<int[]> reports = new ArrayList<>();
        process(json, (done, total) -> reports.add(new int[] {done, total}));
        assertEquals(125, reports.size(), "every second room of 250");
        int[] last = reports.get(reports.size() - 1);
        assertEquals(250, last[0]);
        assertEquals(250, last[1]);
    }
}
