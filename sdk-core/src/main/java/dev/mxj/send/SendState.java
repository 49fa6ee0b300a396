package dev.mxj.send;

import dev.mxj.id.EventId;

import java.util.Objects;

/** Where a queued event is: waiting or being sent, sent, failed for now, or cancelled. */
public sealed interface SendState {
    /** Queued or in flight; the queue sends it when the events queued before it in the room are done. */
    record Pending() implements SendState {
    }

    /** The server took the event and gave it this ID. */
    record Sent(EventId eventId) implements SendState {
        public Sent {
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /**
     * Sending failed after the client's retries. Later events of the room wait behind it, to keep
     * their order, until it is retried ({@link SendHandle#retry()}) or cancelled ({@link SendHandle#cancel()}).
     */
    record Failed(SendFailedException error) implements SendState {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Removed from the queue before it was sent; it will never be sent. */
    record Cancelled() implements SendState {
    }
}
