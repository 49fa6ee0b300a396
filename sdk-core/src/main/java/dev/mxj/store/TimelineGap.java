package dev.mxj.store;

/**
 * Events the server left out before a stored position (a limited sync). Back-pagination from
 * {@code prevBatch} fills it.
 *
 * @param beforePosition the stored event the gap precedes
 * @param prevBatch      the pagination token
 */
public record TimelineGap(long beforePosition, String prevBatch) {
}
