package dev.mxj.timeline;

/**
 * What one {@link Timeline#paginateBackwards(int)} call did.
 *
 * @param newEvents    how many events it loaded (from the store or the server), those not shown as items
 *                     (reactions, edits, redactions, thread replies of the main timeline) included
 * @param reachedStart true when the timeline now starts at the room's creation, or the server has
 *                     nothing older to give: further calls add nothing
 */
public record PaginationResult(int newEvents, boolean reachedStart) {
}
