package dev.mxj.room;

import dev.mxj.id.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's "Calculating the display name for a user". */
class MemberNamesTest {
    private static final UserId USER1 = UserId.of("@user1:matrix.org");
    private static final UserId USER2 = UserId.of("@user2:example.com");

    private static RoomMember member(UserId id, Membership membership, String name) {
        return new RoomMember(id, membership, Optional.ofNullable(name), Optional.empty());
    }

    @Test
    void withoutADisplayNameTheUserIdIsShown() {
        MemberNames names = MemberNames.of(List.of(member(USER1, Membership.JOIN, null)));
        assertEquals("@user1:matrix.org", names.displayName(USER1));
        assertFalse(names.isAmbiguous(USER1));
    }

    @Test
    void aUniqueDisplayNameIsShownAsIs() {
        MemberNames names = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice"),
                member(USER2, Membership.JOIN, "Bob")));
        assertEquals("Alice", names.displayName(USER1));
        assertEquals("Bob", names.displayName(USER2));
    }

    @Test
    void theSpecsExampleBothClashingMembersAreDisambiguatedAndBothRecover() {
        MemberNames before = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice")));
        assertEquals("Alice", before.displayName(USER1));
        MemberNames clash = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice"),
                member(USER2, Membership.JOIN, "Alice")));
        assertEquals("Alice (@user1:matrix.org)", clash.displayName(USER1));
        assertEquals("Alice (@user2:example.com)", clash.displayName(USER2));
        MemberNames renamed = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice"),
                member(USER2, Membership.JOIN, "Alice2")));
        assertEquals("Alice", renamed.displayName(USER1));
        assertEquals("Alice2", renamed.displayName(USER2));
    }

    @Test
    void onlyJoinedAndInvitedMembersClash() {
        MemberNames invited = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice"),
                member(USER2, Membership.INVITE, "Alice")));
        assertTrue(invited.isAmbiguous(USER1));
        MemberNames left = MemberNames.of(List.of(member(USER1, Membership.JOIN, "Alice"),
                member(USER2, Membership.LEAVE, "Alice")));
        assertEquals("Alice", left.displayName(USER1), "a member who left does not make a joined name ambiguous");
        assertEquals("Alice (@user2:example.com)", left.displayName(USER2),
                "but their own name is not unique among the joined members");
        MemberNames banned = MemberNames.of(List.of(member(USER1, Membership.BAN, "Alice"),
                member(USER2, Membership.KNOCK, "Alice")));
        assertEquals("Alice", banned.displayName(USER1));
    }

    @Test
    void aDisplayNameThatLooksLikeAnotherUsersIdIsAlwaysDisambiguated() {
        MemberNames names = MemberNames.of(List.of(member(USER2, Membership.JOIN, "@user1:matrix.org"),
                member(USER1, Membership.JOIN, "@user1:matrix.org")));
        assertEquals("@user1:matrix.org (@user2:example.com)", names.displayName(USER2));
        assertEquals("@user1:matrix.org", names.displayName(USER1), "one's own ID as a name is just the ID");
    }

    @Test
    void blankNamesAndUnknownUsersShowTheUserId() {
        MemberNames names = MemberNames.of(List.of(member(USER1, Membership.JOIN, "  "),
                member(USER2, Membership.JOIN, "  ")));
        assertEquals("@user1:matrix.org", names.displayName(USER1));
        assertEquals("@nobody:x.org", names.displayName(UserId.of("@nobody:x.org")));
        assertEquals(Optional.empty(), names.member(UserId.of("@nobody:x.org")));
    }

    @Test
    void theDisambiguatedForm() {
        assertEquals("Alice (@alice:example.org)", MemberNames.disambiguated("Alice", UserId.of("@alice:example.org")));
    }
}
