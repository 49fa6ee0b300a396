package dev.mxj.internal.send;

import dev.mxj.MatrixApiException;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.http.RetryClassifier;
import dev.mxj.json.RawJson;
import dev.mxj.store.QueuedSend;
import dev.mxj.store.QueuedSend.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends the queue of one room, one event at a time, in queue order. A network or server failure that
 * outlasts the transport's retries gets more rounds after growing delays; then, or at once for a
 * refusal, the event fails. The sender stops at a failed event (later ones wait, to keep their order)
 * and when the queue is empty; {@link #kick()} starts it again.
 * Picking the next event and cancelling or editing one are done under this object's lock, so an event
 * is never changed or removed while in flight.
 */
final class RoomSender {
    private static final Logger log = LoggerFactory.getLogger(RoomSender.class);

    private final SendQueue queue;
    private final RoomId room;
    /** Rounds of the transport's retries one event gets before it fails. */
    static final int MAX_ROUNDS = 4;

    private boolean running;
    private String inFlight;
    /**
     * An event that may have reached the server without its answer being recorded (in flight when the
     * previous run died, or cut off by a network failure): looked up on the server before it is sent again.
     */
    private String uncertain;
    /** The event the rounds count for (touched only on the queue's worker thread). */
    private String roundsOf;
    private int rounds;

    RoomSender(SendQueue queue, RoomId room) {
        this.queue = queue;
        this.room = room;
    }

    /**
     * Starts sending what a previous run left: its first event waiting may have been in flight when
     * that run ended, so it is looked up first ({@link EchoLookup}).
     */
    synchronized void resume() {
        if (!running) {
            try {
                uncertain = queue.store().queuedSends(room).stream().filter(e -> e.status() != Status.SENT)
                        .findFirst().filter(e -> e.status() == Status.PENDING).map(QueuedSend::transactionId)
                        .orElse(null);
            } catch (RuntimeException e) {
                log.warn("Could not read the send queue of {}; it resumes on the next send or restart", room, e);
            }
        }
        kick();
    }

    /** Starts sending if not already. */
    synchronized void kick() {
        if (!running && !queue.closed()) {
            running = true;
            try {
                queue.worker().execute(this::next);
            } catch (RejectedExecutionException closing) {
                running = false; // the client closed meanwhile; the next run sends what is queued
            }
        }
    }

    synchronized boolean isInFlight(String txnId) {
        return txnId.equals(inFlight);
    }

    /** Removes a queued event unless it is in flight. */
    synchronized boolean cancel(String txnId) {
        if (txnId.equals(inFlight)) {
            return false;
        }
        boolean removed = queue.store().removeSend(room, txnId);
        if (removed) {
            // A cancelled failed event no longer holds back the rest.
            kick();
        }
        return removed;
    }

    /** Replaces the content of a waiting or failed event; false if it is in flight or sent. */
    synchronized boolean replace(String txnId, RawJson content) {
        return !txnId.equals(inFlight) && queue.store().replaceQueuedContent(room, txnId, content);
    }

    private void next() {
        QueuedSend entry;
        boolean lookUp;
        synchronized (this) {
            try {
                entry = queue.closed() ? null : nextToSend();
            } catch (RuntimeException e) {
                log.warn("Could not read the send queue of {}; it resumes on the next send or restart", room, e);
                entry = null;
            }
            if (entry == null || entry.status() == Status.FAILED) {
                running = false;
                inFlight = null;
                return;
            }
            inFlight = entry.transactionId();
            lookUp = entry.transactionId().equals(uncertain);
            if (lookUp) {
                uncertain = null;
            }
        }
        QueuedSend sending = entry;
        if (lookUp) {
            EchoLookup.find(queue.transport(), room, sending.transactionId()).whenComplete((found, error) ->
                    queue.worker().execute(() -> {
                        if (found != null && found.isPresent()) {
                            log.info("The server already had {} in {}: not sent again", sending.transactionId(), room);
                            done(sending, found.get(), null);
                        } else {
                            if (error != null) {
                                log.debug("Could not look {} up before sending it again", sending.transactionId(),
                                        error);
                            }
                            send(sending);
                        }
                    }));
            return;
        }
        send(sending);
    }

    private void send(QueuedSend sending) {
        queue.send(sending).whenComplete((eventId, error) -> queue.worker().execute(() -> done(sending, eventId,
                error)));
    }

    /**
     * The first event not sent yet. One still waiting for the event ID of an earlier one is normally
     * resolved when that one is marked sent; if it is not (its parent is gone), it is dropped.
     */
    private QueuedSend nextToSend() {
        List<QueuedSend> queued = queue.store().queuedSends(room);
        for (QueuedSend entry : queued) {
            if (entry.status() == Status.SENT) {
                continue;
            }
            Optional<String> parentTxn = entry.dependsOn();
            if (parentTxn.isEmpty()) {
                return entry;
            }
            Optional<QueuedSend> parent = queued.stream()
                    .filter(e -> e.transactionId().equals(parentTxn.get())).findFirst();
            if (parent.isPresent() && parent.get().eventId().isPresent()) {
                queue.store().markSendSent(room, parent.get().transactionId(), parent.get().eventId().get());
                return nextToSend();
            }
            log.info("Dropping queued event {} in {}: the event it needed was removed", entry.transactionId(), room);
            queue.store().removeSend(room, entry.transactionId());
            queue.dropped(entry);
            return nextToSend();
        }
        return null;
    }

    private void done(QueuedSend entry, EventId eventId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        try {
            if (cause == null) {
                queue.store().markSendSent(room, entry.transactionId(), eventId);
                queue.emit(entry.with(Status.SENT, Optional.of(eventId), Optional.empty()));
                queue.emitDependents(room, entry.transactionId());
            } else if (queue.closed() || cause instanceof CancellationException) {
                // Left pending: the next run sends it again with the same transaction ID.
                log.debug("Send of {} in {} stopped by close; it stays queued", entry.transactionId(), room);
                stop();
                return;
            } else if (RetryClassifier.kind(cause) != RetryClassifier.Kind.PERMANENT && backOff(entry, cause)) {
                return; // the transport's retries ran out: the queue waits longer, then tries again
            } else {
                QueuedSend.Failure failure = SendFailures.of(cause);
                log.info("Could not send {} in {}: {} ({})", entry.transactionId(), room, failure.reason(),
                        failure.message());
                rounds = 0;
                queue.handle(entry).failedBecause(cause);
                queue.store().markSendFailed(room, entry.transactionId(), failure);
                queue.emit(entry.with(Status.FAILED, Optional.empty(), Optional.of(failure)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the result of sending {} in {}", entry.transactionId(), room, e);
            stop();
            return;
        }
        synchronized (this) {
            inFlight = null;
        }
        next();
    }

    /**
     * Schedules another round of attempts for a network or server failure, or a rate limit, after a
     * growing delay (at least what the server asked for), up to {@link #MAX_ROUNDS}; false when the
     * rounds are used up (the event then fails).
     */
    private boolean backOff(QueuedSend entry, Throwable cause) {
        if (!entry.transactionId().equals(roundsOf)) {
            roundsOf = entry.transactionId();
            rounds = 0;
        }
        if (rounds >= MAX_ROUNDS) {
            rounds = 0;
            return false;
        }
        rounds++;
        if (RetryClassifier.kind(cause) == RetryClassifier.Kind.NETWORK) {
            synchronized (this) {
                uncertain = entry.transactionId(); // the request may have reached the server before the failure
            }
        }
        Duration ours = queue.roundDelay().multipliedBy(1L << (rounds - 1));
        Duration asked = cause instanceof MatrixApiException api ? api.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
        Duration delay = asked.compareTo(ours) > 0 ? asked : ours;
        log.info("Sending {} in {} failed for now; trying again in {} ms", entry.transactionId(), room,
                delay.toMillis());
        synchronized (this) {
            inFlight = null; // it may be cancelled or edited while it waits
        }
        try {
            queue.schedule(() -> queue.worker().execute(this::next), delay);
        } catch (RejectedExecutionException e) {
            stop(); // the client closed
        }
        return true;
    }

    private synchronized void stop() {
        running = false;
        inFlight = null;
    }
}
