package dev.mxj.timeline;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.timeline.EventIndex;
import dev.mxj.internal.timeline.Scope;
import dev.mxj.internal.timeline.TimelineModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.testing.SyncBuilders.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For the aggregation tests: a model whose diffs are checked against its items on every change.
 * The related events themselves come from {@link dev.mxj.testing.RelatedEvents}.
 */
final class Related {
    /** A model of {@code scope} for {@code me}, with a mirror that replays its diffs. */
    static Checked model(Scope scope, UserId me, String roomVersion) {
        return new Checked(new TimelineModel(new EventIndex(scope, EventRegistry.defaults(), () -> roomVersion,
                Optional.of(me))));
    }

    /** A model and the list its diffs build: every change is checked to reproduce the items. */
    static final class Checked {
        final TimelineModel model;
        final List<TimelineItem> mirror = new ArrayList<>();

        Checked(TimelineModel model) {
            this.model = model;
        }

        List<TimelineDiff> follow(List<TimelineDiff> diffs) {
            diffs.forEach(diff -> diff.applyTo(mirror));
            assertEquals(model.items(), mirror, "the diffs reproduce the items");
            return diffs;
        }

        /** The event item of {@code name}. */
        TimelineItem.Event item(String name) {
            EventId wanted = id(name);
            return model.items().stream().filter(TimelineItem.Event.class::isInstance)
                    .map(TimelineItem.Event.class::cast).filter(e -> e.eventId().filter(wanted::equals).isPresent())
                    .findFirst().orElseThrow(() -> new AssertionError("no item " + name + " in " + ids()));
        }

        /** The IDs of the items ({@code gap} for a gap, {@code local} for a local echo). */
        List<String> ids() {
            return model.items().stream().map(i -> i instanceof TimelineItem.Event e
                    ? e.eventId().map(EventId::value).orElse("?") : i instanceof TimelineItem.Gap ? "gap" : "local")
                    .toList();
        }
    }
}
