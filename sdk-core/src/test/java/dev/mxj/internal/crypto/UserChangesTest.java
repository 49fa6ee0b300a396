package dev.mxj.internal.crypto;

import dev.mxj.id.UserId;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Merging the user changes of a sync the module failed on with the next sync's: the later word wins. */
class UserChangesTest {
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final UserId CAROL = UserId.of("@carol:example.org");
    private static final UserId DAVE = UserId.of("@dave:example.org");

    @Test
    void nothingCarriedGivesTheLaterChangesAsTheyAre() {
        UserChanges later = new UserChanges(Set.of(BOB), Set.of(CAROL), Set.of(DAVE));
        assertSame(later, UserChanges.NONE.then(later));
    }

    @Test
    void aLaterLeaveOrChangeOrJoinOverridesTheEarlierWord() {
        UserChanges earlier = new UserChanges(Set.of(BOB, CAROL), Set.of(DAVE), Set.of(BOB));
        UserChanges later = new UserChanges(Set.of(), Set.of(BOB), Set.of(DAVE));

        UserChanges merged = earlier.then(later);
        assertEquals(Set.of(CAROL), merged.changed(), "bob changed, then left");
        assertEquals(Set.of(BOB), merged.left(), "dave left, then joined an encrypted room again");
        assertEquals(Set.of(DAVE), merged.members(), "bob joined, then left");
    }
}
