/**
 * A room's timeline as a snapshot plus diffs: {@link dev.mxj.timeline.Timeline} gives each subscriber
 * the current {@link dev.mxj.timeline.TimelineItem}s, then {@link dev.mxj.timeline.TimelineDiff}s fed
 * by sync and by pagination; {@link dev.mxj.timeline.Timeline#paginateBackwards(int)} fills the gaps
 * limited syncs leave; {@link dev.mxj.timeline.FocusedTimeline} shows the neighbours of one event.
 * Items carry their {@link dev.mxj.timeline.Aggregations} (edits, reactions, redaction, thread summary,
 * read receipts); {@link dev.mxj.timeline.ThreadTimeline} shows one thread.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.timeline;

import org.jspecify.annotations.NullMarked;
