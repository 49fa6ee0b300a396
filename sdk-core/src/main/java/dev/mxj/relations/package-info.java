/**
 * Event relationships: local redaction per room version, edits, reactions, replies, threads and
 * intentional mentions. The aggregators here are pure functions over events the caller already has;
 * {@link dev.mxj.timeline.Timeline} applies them to its items as related events arrive.
 */
@NullMarked
package dev.mxj.relations;

import org.jspecify.annotations.NullMarked;
