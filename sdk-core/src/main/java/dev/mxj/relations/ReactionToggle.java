package dev.mxj.relations;

import dev.mxj.id.EventId;

/** What to do to toggle one's own reaction: send a new one, redact the existing one, or cancel a queued one. */
public sealed interface ReactionToggle {
    /** No reaction with this key yet: send an {@code m.reaction} with {@code key}. */
    record Send(String key) implements ReactionToggle {
    }

    /** Already reacted with this key: redact {@code reaction}. */
    record Redact(EventId reaction) implements ReactionToggle {
    }

    /**
     * The own reaction with this key is still in the send queue, not sent yet: take it back with
     * {@code room.queuedSend(transactionId)} and {@link dev.mxj.send.SendHandle#redact}, which cancels it
     * when it is waiting or failed (nothing reaches the server) and redacts it once sent when it is in flight.
     */
    record Cancel(String transactionId) implements ReactionToggle {
    }
}
