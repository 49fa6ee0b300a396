package dev.mxj.relations;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * One reaction ({@code m.annotation}) to an event: one the server sent, or the own user's local
 * echo, still in the send queue.
 *
 * @param eventId        the reaction event, to redact to take the reaction back; empty for a local
 *                       echo the server has not taken yet
 * @param sender         who reacted
 * @param originServerTs when (for a local echo: when it was queued)
 * @param transactionId  for a local echo: its transaction ID in the send queue (see
 *                       {@link dev.mxj.room.Room#queuedSend(String)}); empty for the server's reactions
 */
public record Reaction(Optional<EventId> eventId, UserId sender, long originServerTs, Optional<String> transactionId) {
    public Reaction {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** A reaction the server sent. */
    public Reaction(EventId eventId, UserId sender, long originServerTs) {
        this(Optional.of(eventId), sender, originServerTs, Optional.empty());
    }

    /** True for a local echo: the own reaction is queued and its remote echo has not come back by sync yet. */
    public boolean isPending() {
        return transactionId.isPresent();
    }
}
