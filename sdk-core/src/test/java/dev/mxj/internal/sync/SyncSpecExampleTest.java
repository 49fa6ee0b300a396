package dev.mxj.internal.sync;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Hero;
import dev.mxj.room.Membership;
import dev.mxj.room.Receipt;
import dev.mxj.room.RoomInfo;
import dev.mxj.room.RoomMember;
import dev.mxj.room.UnreadCounts;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's own {@code /sync} response example, through the parser and the processor. */
class SyncSpecExampleTest {
    private static final UserId SELF = UserId.of("@example:example.org");
    private static final RoomId JOINED = RoomId.of("!726s6s6q:example.com");
    private static final RoomId INVITED = RoomId.of("!696r7674:example.com");
    private static final RoomId KNOCKED = RoomId.of("!223asd456:example.com");

    private final StateChanges changes = new SyncProcessor(SELF, RoomReadView.EMPTY).process(
            new SyncResponseParser(EventRegistry.defaults()).parse(
                    MockHomeserver.resource("/spec-examples/sync/sync-response.json")));

    private RoomChanges room(RoomId id) {
        return changes.rooms().stream().filter(r -> r.info().roomId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void globalSections() {
        assertEquals("s72595_4483_1934", changes.nextBatch());
        assertEquals(3, changes.rooms().size(), "join, invite and knock; leave is empty");
        assertEquals(List.of("org.example.custom.config"), changes.accountData().stream().map(BasicEvent::type).toList());
        var presence = changes.presence().get(UserId.of("@example:localhost"));
        assertEquals("online", presence.string("presence").orElseThrow());
        assertEquals("Making cupcakes", presence.string("status_msg").orElseThrow());
        assertTrue(changes.toDevice().isEmpty());
        assertTrue(changes.unusedFallbackKeyTypes().isEmpty());
    }

    @Test
    void joinedRoomStateTimelineAndMembers() {
        RoomChanges room = room(JOINED);
        assertEquals(2, room.state().size(), "the state event and the timeline's member event");
        assertEquals(2, room.timeline().size());
        assertTrue(room.limited());
        assertEquals(Optional.of("t34-23535_0_0"), room.prevBatch());
        RoomEvent message = (RoomEvent) room.timeline().get(1);
        assertEquals("m.room.message", message.type());
        assertTrue(message.raw().json().contains("\"formatted_body\""), "the raw JSON is kept as sent");
        assertEquals(List.of(
                new RoomMember(SELF, Membership.JOIN, Optional.of("Example user"),
                        Optional.of(MxcUri.of("mxc://example.org/SFHyPlCeYUSFFxlgbQYZmoEoe"))),
                new RoomMember(UserId.of("@alice:example.org"), Membership.JOIN, Optional.of("Alice Margatroid"),
                        Optional.of(MxcUri.of("mxc://example.org/SEsfnsuifSDFSSEF")))), room.members());
    }

    @Test
    void joinedRoomInfo() {
        RoomInfo info = room(JOINED).info();
        assertEquals(Membership.JOIN, info.membership());
        assertEquals(2, info.joinedMemberCount());
        assertEquals(0, info.invitedMemberCount());
        assertEquals(List.of(new Hero(UserId.of("@alice:example.com"), Optional.empty(), Optional.empty()),
                new Hero(UserId.of("@bob:example.com"), Optional.empty(), Optional.empty())), info.heroes());
        assertEquals(new UnreadCounts(5, 1), info.unread());
        assertEquals(Map.of(EventId.of("$threadroot"), new UnreadCounts(6, 3)), info.threadUnread());
        assertEquals(Optional.of(EventId.of("$143273582443PhrSn:example.org")), info.latestEventId());
        assertEquals(1432735824653L, info.latestActivityTs());
        assertEquals("1", info.roomVersion(), "no m.room.create seen: the spec's default");
    }

    @Test
    void joinedRoomEphemeralAndAccountData() {
        RoomChanges room = room(JOINED);
        assertEquals(Optional.of(List.of(UserId.of("@alice:matrix.org"), UserId.of("@bob:example.com"))),
                room.typing());
        EventId read = EventId.of("$1435641916114394fHBLK:matrix.org");
        assertEquals(List.of(
                new Receipt(read, "m.read", UserId.of("@erikj:jki.re"), Optional.empty(), 1436451550453L),
                new Receipt(read, "m.read.private", UserId.of("@self:example.org"), Optional.empty(), 1661384801651L)),
                room.receipts());
        assertEquals(List.of("m.tag", "org.example.custom.room.config"),
                room.accountData().stream().map(BasicEvent::type).toList());
    }

    @Test
    void invitedAndKnockedRooms() {
        RoomChanges invite = room(INVITED);
        assertEquals(Membership.INVITE, invite.info().membership());
        assertEquals(Optional.of("My Room Name"), invite.info().name());
        assertEquals(2, invite.strippedState().size());
        assertEquals(List.of(new Hero(UserId.of("@bob:example.com"), Optional.empty(), Optional.empty())),
                invite.info().heroes());
        assertTrue(invite.timeline().isEmpty() && invite.state().isEmpty());

        RoomChanges knock = room(KNOCKED);
        assertEquals(Membership.KNOCK, knock.info().membership());
        assertEquals(Optional.of("My Room Name"), knock.info().name());
        assertEquals(2, knock.strippedState().size());
    }
}
