/**
 * Event relationships: local redaction per room version, edits, reactions, replies, threads and
 * intentional mentions. The aggregators here are pure functions over events the caller already has.
 */
@NullMarked
package dev.mxj.relations;

import org.jspecify.annotations.NullMarked;
