package dev.mxj.timeline;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.internal.timeline.TimelineModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.malformed;
import static dev.mxj.testing.SyncBuilders.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff logic: each change yields diffs that, applied to the old items, give the new items. */
class TimelineModelTest {
    private final TimelineModel model = new TimelineModel();
    private final List<TimelineItem> mirror = new ArrayList<>();

    private List<TimelineDiff> follow(List<TimelineDiff> diffs) {
        diffs.forEach(diff -> diff.applyTo(mirror));
        assertEquals(model.items(), mirror, "the diffs reproduce the items");
        return diffs;
    }

    private static TimelineItem event(SyncEvent event) {
        return new TimelineItem.Event(event);
    }

    private static RoomEvent m(String name) {
        return message(name, ALICE, "body " + name);
    }

    @Test
    void resetReplacesEverythingAndMayStartWithAGap() {
        follow(model.reset(List.of(m("a")), false));
        List<TimelineDiff> diffs = follow(model.reset(List.of(m("b"), m("c")), true));
        assertEquals(List.of(new TimelineDiff.Reset(List.of(new TimelineItem.Gap(), event(m("b")), event(m("c"))))),
                diffs);
        assertTrue(model.startsWithGap());
        assertEquals(event(m("b")), model.oldestEvent().orElseThrow());
    }

    @Test
    void appendAddsNewEventsAndReplacesKnownOnesInPlace() {
        follow(model.reset(List.of(m("a"), m("b")), false));
        RoomEvent newerA = message("a", ALICE, "edited locally");
        List<TimelineDiff> diffs = follow(model.append(List.of(m("c"), newerA, m("d"), m("c"))));
        assertEquals(List.of(new TimelineDiff.Set(0, event(newerA)),
                new TimelineDiff.Append(List.of(event(m("c")), event(m("d"))))), diffs);
        assertEquals(List.of(), follow(model.append(List.of())));
    }

    @Test
    void prependRemovesTheGapMarkerAndDropsDuplicates() {
        follow(model.reset(List.of(m("c")), true));
        List<TimelineDiff> diffs = follow(model.prepend(List.of(m("a"), m("b"), m("c")), true));
        assertEquals(List.of(new TimelineDiff.Remove(0),
                new TimelineDiff.Prepend(List.of(new TimelineItem.Gap(), event(m("a")), event(m("b"))))), diffs);

        diffs = follow(model.prepend(List.of(), false));
        assertEquals(List.of(new TimelineDiff.Remove(0)), diffs, "the gap was filled");
        assertEquals(List.of(), follow(model.prepend(List.of(m("a")), false)), "nothing new: no diff");
    }

    @Test
    void malformedEventsWithoutAnIdAreNeverDeduplicated() {
        follow(model.reset(List.of(malformed("x")), false));
        follow(model.append(List.of(malformed("x"))));
        assertEquals(2, model.items().size());
    }

    @Test
    void insertRemoveAndSetDiffsApplyByIndex() {
        List<TimelineItem> items = new ArrayList<>(List.of(event(m("a")), event(m("c"))));
        new TimelineDiff.Insert(1, event(m("b"))).applyTo(items);
        new TimelineDiff.Set(2, event(m("d"))).applyTo(items);
        new TimelineDiff.Remove(0).applyTo(items);
        assertEquals(List.of(event(m("b")), event(m("d"))), items);
    }
}
