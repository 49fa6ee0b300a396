package dev.mxj.room;

import dev.mxj.id.RoomId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Room list ordering: most recent first, then by room ID; invites, knocks and left rooms apart. */
class RoomListTest {
    private static RoomInfo room(String id, Membership membership, long ts) {
        return RoomInfo.empty(RoomId.of("!" + id + ":x.org"), membership).toBuilder().latestActivityTs(ts).build();
    }

    @Test
    void splitsByMembershipAndSortsByRecency() {
        RoomInfo old = room("old", Membership.JOIN, 10);
        RoomInfo fresh = room("fresh", Membership.JOIN, 30);
        RoomInfo tieB = room("b", Membership.JOIN, 20);
        RoomInfo tieA = room("a", Membership.JOIN, 20);
        RoomInfo invite1 = room("i1", Membership.INVITE, 5);
        RoomInfo invite2 = room("i2", Membership.INVITE, 50);
        RoomInfo knock = room("k", Membership.KNOCK, 1);
        RoomInfo left = room("l", Membership.LEAVE, 2);
        RoomInfo banned = room("x", Membership.BAN, 3);

        RoomList list = RoomList.of(List.of(old, invite1, tieB, knock, fresh, left, invite2, banned, tieA));
        assertEquals(List.of(fresh, tieA, tieB, old), list.rooms());
        assertEquals(List.of(invite2, invite1), list.invites());
        assertEquals(List.of(knock), list.knocks());
        assertEquals(List.of(banned, left), list.left());
    }

    @Test
    void emptyInputGivesEmptyLists() {
        assertEquals(new RoomList(List.of(), List.of(), List.of(), List.of()), RoomList.of(List.of()));
    }
}
