package dev.mxj.room;

import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The spec's "Calculating the display name for a room", rule by rule. */
class RoomDisplayNameTest {
    private static final RoomInfo BASE = RoomInfo.empty(RoomId.of("!r:example.org"), Membership.JOIN);

    private static Hero hero(String localpart, String displayName) {
        return new Hero(UserId.of("@" + localpart + ":example.org"), Optional.ofNullable(displayName), Optional.empty());
    }

    private static RoomInfo room(long joined, long invited, Hero... heroes) {
        return BASE.toBuilder().joinedMemberCount(joined).invitedMemberCount(invited).heroes(Arrays.asList(heroes))
                .build();
    }

    @Test
    void rule1TheNameWins() {
        RoomInfo named = room(3, 0, hero("alice", "Alice")).toBuilder().name(Optional.of("Lunch"))
                .canonicalAlias(Optional.of(RoomAlias.of("#lunch:example.org"))).build();
        assertEquals(new RoomDisplayName.Named("Lunch"), named.displayName());
        assertEquals("Lunch", named.displayName().text());
    }

    @Test
    void rule2ThenTheCanonicalAlias() {
        RoomInfo aliased = room(3, 0, hero("alice", "Alice")).toBuilder().name(Optional.of(""))
                .canonicalAlias(Optional.of(RoomAlias.of("#lunch:example.org"))).build();
        assertEquals("#lunch:example.org", assertInstanceOf(RoomDisplayName.Aliased.class, aliased.displayName()).text());
    }

    @Test
    void rule3_1HeroesCoverEveryoneElse() {
        assertEquals("Alice", room(2, 0, hero("alice", "Alice")).displayName().text());
        assertEquals("Alice and Bob", room(3, 0, hero("alice", "Alice"), hero("bob", "Bob")).displayName().text());
        assertEquals("Alice, Bob, and Charlie",
                room(2, 2, hero("alice", "Alice"), hero("bob", "Bob"), hero("charlie", "Charlie")).displayName().text());
        assertEquals(new RoomDisplayName.Calculated(List.of("Alice", "Bob"), 0),
                room(3, 0, hero("alice", "Alice"), hero("bob", "Bob")).displayName());
    }

    @Test
    void invitedMembersCountToo() {
        assertEquals("Bob", room(1, 1, hero("bob", "Bob")).displayName().text(), "not an empty room");
    }

    @Test
    void rule3_2FewerHeroesThanMembersAddsACount() {
        assertEquals("Alice, Bob, and 3 others", room(6, 0, hero("alice", "Alice"), hero("bob", "Bob"))
                .displayName().text());
        assertEquals("Alice and 1 other", room(3, 0, hero("alice", "Alice")).displayName().text());
        assertEquals(new RoomDisplayName.Calculated(List.of("Alice", "Bob"), 1234),
                room(1000, 237, hero("alice", "Alice"), hero("bob", "Bob")).displayName());
    }

    @Test
    void rule3_3AloneTheRoomIsEmpty() {
        assertEquals("Empty Room (was Alice)", room(1, 0, hero("alice", "Alice")).displayName().text());
        assertEquals("Empty Room (was Alice and Bob)", room(0, 0, hero("alice", "Alice"), hero("bob", "Bob"))
                .displayName().text());
        assertEquals(new RoomDisplayName.Empty(), room(1, 0).displayName());
        assertEquals("Empty Room", room(1, 0).displayName().text());
    }

    @Test
    void heroesAreLimitedToFiveByDefault() {
        List<Hero> seven = new ArrayList<>();
        for (char c = 'a'; c < 'h'; c++) {
            seven.add(hero(String.valueOf(c), String.valueOf(c).toUpperCase()));
        }
        RoomInfo big = room(8, 0, seven.toArray(Hero[]::new));
        assertEquals("A, B, C, D, E, and 2 others", big.displayName().text());
        assertEquals("A, B, and 5 others", big.displayName(MemberNames.of(List.of()), 2).text());
        assertEquals("Empty Room (was A, B, C, D, E, and 2 others)", room(1, 0, seven.toArray(Hero[]::new))
                .displayName().text());
        assertThrows(IllegalArgumentException.class, () -> big.displayName(MemberNames.of(List.of()), 0));
    }

    @Test
    void heroesWithoutADisplayNameShowTheirUserId() {
        assertEquals("@alice:example.org and Bob", room(3, 0, hero("alice", null), hero("bob", "Bob"))
                .displayName().text());
    }

    @Test
    void heroesSharingANameAreDisambiguated() {
        assertEquals("Alice (@alice:example.org), Bob, and Alice (@alice2:example.org)",
                room(4, 0, hero("alice", "Alice"), hero("bob", "Bob"), hero("alice2", "Alice")).displayName().text());
    }

    @Test
    void memberNamesDisambiguateAgainstTheWholeRoom() {
        RoomInfo info = room(4, 0, hero("alice", "Alice"), hero("bob", "Bob"), hero("charlie", "Charlie"));
        MemberNames members = MemberNames.of(List.of(
                new RoomMember(UserId.of("@alice:example.org"), Membership.JOIN, Optional.of("Alice"), Optional.empty()),
                new RoomMember(UserId.of("@bob:example.org"), Membership.JOIN, Optional.of("Bob"), Optional.empty()),
                new RoomMember(UserId.of("@charlie:example.org"), Membership.JOIN, Optional.of("Charlie"), Optional.empty()),
                new RoomMember(UserId.of("@fake:evil.org"), Membership.JOIN, Optional.of("Charlie"), Optional.empty())));
        assertEquals("Alice, Bob, and Charlie (@charlie:example.org)",
                info.displayName(members, RoomDisplayName.DEFAULT_HERO_LIMIT).text(), "the spec's own example");
    }
}
