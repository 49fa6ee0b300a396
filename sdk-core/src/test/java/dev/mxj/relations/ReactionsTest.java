package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.mxj.testing.RelatedEvents.reaction;
import static dev.mxj.testing.RelatedEvents.redacted;
import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.BOB;
import static dev.mxj.testing.SyncBuilders.CAROL;
import static dev.mxj.testing.SyncBuilders.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReactionsTest {
    @Test
    void countsPerKeyWithSendersInOrder() {
        List<RoomEvent> events = List.of(reaction("r2", BOB, 2, "o", "👍"), reaction("r1", ALICE, 1, "o", "👍"),
                reaction("r3", CAROL, 3, "o", "🎉"), reaction("x", CAROL, 4, "other", "👍"));
        List<ReactionGroup> groups = Reactions.aggregate(id("o"), events);
        assertEquals(List.of("👍", "🎉"), groups.stream().map(ReactionGroup::key).toList());
        assertEquals(2, groups.get(0).count());
        assertEquals(List.of(ALICE, BOB), groups.get(0).senders());
        assertEquals(List.of(CAROL), groups.get(1).senders());
    }

    @Test
    void redactedAndDuplicateReactionsAreIgnored() {
        List<RoomEvent> events = List.of(reaction("r1", ALICE, 1, "o", "👍"), reaction("r2", ALICE, 2, "o", "👍"),
                redacted("r3", "m.reaction", BOB, 3), reaction("r4", CAROL, 4, "o", "👍"));
        List<ReactionGroup> groups = Reactions.aggregate(id("o"), events, Set.of(id("r4")));
        assertEquals(1, groups.size());
        assertEquals(1, groups.get(0).count());
        assertEquals(id("r1"), groups.get(0).reactions().get(0).eventId().orElseThrow());
    }

    @Test
    void toggleRedactsOwnReactionOrSendsOne() {
        List<ReactionGroup> groups = Reactions.aggregate(id("o"),
                List.of(reaction("r1", ALICE, 1, "o", "👍"), reaction("r2", BOB, 2, "o", "🎉")));
        assertEquals(new ReactionToggle.Redact(id("r1")), Reactions.toggle(groups, ALICE, "👍"));
        assertEquals(new ReactionToggle.Send("🎉"), Reactions.toggle(groups, ALICE, "🎉"));
        assertEquals(new ReactionToggle.Send("❤"), Reactions.toggle(groups, ALICE, "❤"));
    }
}
