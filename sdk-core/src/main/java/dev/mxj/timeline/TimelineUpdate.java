package dev.mxj.timeline;

import java.util.List;

/**
 * What a {@link Timeline} subscriber receives: first one {@link Snapshot}, then {@link Diffs} in order.
 */
public sealed interface TimelineUpdate {
    /** The items when the subscription started, oldest first. */
    record Snapshot(List<TimelineItem> items) implements TimelineUpdate {
        public Snapshot {
            items = List.copyOf(items);
        }
    }

    /** Changes since the previous update, to apply in order; one sync or one page gives one {@code Diffs}. */
    record Diffs(List<TimelineDiff> diffs) implements TimelineUpdate {
        public Diffs {
            diffs = List.copyOf(diffs);
        }
    }
}
