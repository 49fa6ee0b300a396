package dev.mxj.timeline;

import dev.mxj.id.EventId;

import java.time.Instant;

/**
 * The answer of {@code timestamp_to_event}.
 *
 * @param eventId        the event found
 * @param originServerTs when its sender's server received it
 */
public record EventAtTime(EventId eventId, Instant originServerTs) {
}
