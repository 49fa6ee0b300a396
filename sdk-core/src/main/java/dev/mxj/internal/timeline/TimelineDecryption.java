package dev.mxj.internal.timeline;

import dev.mxj.event.Decrypted;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.PlainText;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.spi.RoomKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Decryption for one timeline. Events are decrypted before they are loaded into the timeline's
 * {@link EventIndex}, so that edits, reactions and thread replies aggregate by their decrypted
 * content; the index renders each item with the result recorded here ({@link #resultOf}). A module
 * that answers at once (the usual case) gives the decrypted event right away; one that answers later
 * leaves a placeholder {@link UnableToDecrypt} until its answer goes to {@code later}. Events that
 * could not be decrypted are tried again when room keys of their session arrive ({@link #retry}).
 */
final class TimelineDecryption {
    static final String DECRYPTING = "Not decrypted yet: the encryption module is still working on it";

    private final E2ee e2ee;
    private final RoomId room;
    private final Executor callbacks;
    private final Consumer<List<SyncEvent>> later;
    /** Results of the encrypted events seen, by event ID; events not here were not encrypted. */
    private final Map<EventId, DecryptionResult> results = new ConcurrentHashMap<>();
    /** The encrypted originals of events not decrypted (yet), to try again. */
    private final Map<EventId, RoomEvent> undecrypted = new ConcurrentHashMap<>();

    /**
     * @param later gets the copies of loaded events whose result came late (on {@code callbacks}); the
     *              owner replaces them in its model
     */
    TimelineDecryption(E2ee e2ee, RoomId room, Executor callbacks, Consumer<List<SyncEvent>> later) {
        this.e2ee = e2ee;
        this.room = room;
        this.callbacks = callbacks;
        this.later = later;
    }

    /** {@code events}, each encrypted one replaced by its decrypted form when the module could decrypt it. */
    List<SyncEvent> decrypt(List<SyncEvent> events) {
        List<SyncEvent> out = null;
        for (int i = 0; i < events.size(); i++) {
            SyncEvent event = events.get(i);
            if (!(event instanceof RoomEvent encrypted) || !E2ee.isEncrypted(encrypted)) {
                continue;
            }
            SyncEvent shown = decryptOne(encrypted, true);
            if (shown != event) {
                if (out == null) {
                    out = new ArrayList<>(events);
                }
                out.set(i, shown);
            }
        }
        return out == null ? events : out;
    }

    /** What became of {@code event}'s encryption: {@link PlainText} unless it was encrypted. */
    DecryptionResult resultOf(SyncEvent event) {
        Optional<EventId> id = EventIndex.idOf(event);
        DecryptionResult result = id.isEmpty() ? null : results.get(id.get());
        return result == null ? new PlainText() : result;
    }

    /**
     * Decrypts again the events that {@code keys} may unlock; answers the copies to put in place of the
     * loaded ones (decrypted, or with a new reason), results recorded.
     */
    List<SyncEvent> retry(RoomKeys keys) {
        if (!keys.roomId().equals(room)) {
            return List.of();
        }
        List<SyncEvent> copies = new ArrayList<>();
        for (RoomEvent encrypted : List.copyOf(undecrypted.values())) {
            DecryptionResult before = results.get(encrypted.eventId());
            boolean retryable = !(before instanceof UnableToDecrypt utd) || utd.reason().mayResolveLater();
            if (retryable && E2ee.sessionId(encrypted).filter(keys.sessionIds()::contains).isPresent()) {
                SyncEvent shown = decryptOne(encrypted, false);
                if (!results.get(encrypted.eventId()).equals(before)) {
                    copies.add(shown);
                }
            }
        }
        return copies;
    }

    /** Decrypts and records; answers the event to load: the decrypted one, else the encrypted original. */
    private SyncEvent decryptOne(RoomEvent encrypted, boolean placeholder) {
        CompletableFuture<DecryptionResult> answer = e2ee.decrypt(room, encrypted);
        if (answer.isDone()) {
            return record(encrypted, answer.join());
        }
        answer.thenAcceptAsync(result -> later.accept(List.of(record(encrypted, result))), callbacks);
        if (placeholder) {
            results.put(encrypted.eventId(), new UnableToDecrypt(UnableToDecrypt.Reason.OTHER, DECRYPTING));
            undecrypted.put(encrypted.eventId(), encrypted);
        }
        return encrypted;
    }

    private SyncEvent record(RoomEvent encrypted, DecryptionResult result) {
        results.put(encrypted.eventId(), result);
        if (result instanceof Decrypted decrypted) {
            undecrypted.remove(encrypted.eventId());
            return decrypted.event();
        }
        undecrypted.put(encrypted.eventId(), encrypted);
        return encrypted;
    }
}
