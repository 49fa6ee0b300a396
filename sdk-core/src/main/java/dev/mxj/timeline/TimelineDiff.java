package dev.mxj.timeline;

import java.util.List;
import java.util.Objects;

/**
 * One change to a timeline's item list. Apply a subscriber's diffs in order to the list of its
 * {@link TimelineUpdate.Snapshot} (see {@link #applyTo}) to get the timeline's current items.
 * Indexes refer to the list as it is just before the diff.
 */
public sealed interface TimelineDiff {
    /** Applies this diff to {@code items}, a mutable list. */
    void applyTo(List<TimelineItem> items);

    /** Items added at the end (newer events). */
    record Append(List<TimelineItem> items) implements TimelineDiff {
        public Append {
            items = List.copyOf(items);
        }

        @Override
        public void applyTo(List<TimelineItem> list) {
            list.addAll(items);
        }
    }

    /** Items added at the start (older events), in timeline order. */
    record Prepend(List<TimelineItem> items) implements TimelineDiff {
        public Prepend {
            items = List.copyOf(items);
        }

        @Override
        public void applyTo(List<TimelineItem> list) {
            list.addAll(0, items);
        }
    }

    /** One item inserted at {@code index}. */
    record Insert(int index, TimelineItem item) implements TimelineDiff {
        public Insert {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public void applyTo(List<TimelineItem> list) {
            list.add(index, item);
        }
    }

    /** The item at {@code index} removed. */
    record Remove(int index) implements TimelineDiff {
        @Override
        public void applyTo(List<TimelineItem> list) {
            list.remove(index);
        }
    }

    /** The item at {@code index} replaced, e.g. by a newer copy of the same event. */
    record Set(int index, TimelineItem item) implements TimelineDiff {
        public Set {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public void applyTo(List<TimelineItem> list) {
            list.set(index, item);
        }
    }

    /** Every item replaced, e.g. after a limited sync left a gap before the newest events. */
    record Reset(List<TimelineItem> items) implements TimelineDiff {
        public Reset {
            items = List.copyOf(items);
        }

        @Override
        public void applyTo(List<TimelineItem> list) {
            list.clear();
            list.addAll(items);
        }
    }
}
