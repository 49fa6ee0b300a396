package dev.mxj.relations;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;

/**
 * One reaction ({@code m.annotation}) to an event.
 *
 * @param eventId        the reaction event, to redact to take the reaction back
 * @param sender         who reacted
 * @param originServerTs when
 */
public record Reaction(EventId eventId, UserId sender, long originServerTs) {
}
