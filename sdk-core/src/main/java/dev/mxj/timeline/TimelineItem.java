package dev.mxj.timeline;

import dev.mxj.event.Decrypted;
import dev.mxj.event.DecryptionResult;
import dev.mxj.event.EventContent;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.PlainText;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.EventId;
import dev.mxj.relations.Redaction;
import dev.mxj.send.LocalEcho;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a {@link Timeline}: an event, a marker where older events are still to be fetched, or
 * an event of the user's own that is still in the send queue.
 */
public sealed interface TimelineItem permits TimelineItem.Event, TimelineItem.Gap, TimelineItem.Local {
    /**
     * A timeline event, well-formed or not, with what its related events say about it.
     *
     * <p>As in matrix-rust-sdk, events that only change another event are not items of their own:
     * edits ({@code m.replace}), reactions ({@code m.annotation}) and redactions update the item of
     * the event they target (a {@link TimelineDiff.Set}), whether they arrive by sync or by
     * back-pagination, and before or after their target. A room's main timeline also hides thread
     * replies ({@code m.thread}), as Element does: their root carries the thread's summary, and
     * {@link Timeline#thread} shows them.
     *
     * @param event        the event as received, or decrypted when it was encrypted and could be decrypted
     *                     (the original is {@link #original()}); once a redaction of it is seen, its
     *                     redacted form (by the room version's algorithm, with {@code unsigned.redacted_because})
     * @param decryption   what became of its encryption: {@link PlainText} for an event sent in the clear,
     *                     {@link Decrypted} (with the sending device and its trust), or {@link UnableToDecrypt}
     *                     (the item is replaced when the event's room key arrives)
     * @param aggregations its edits, reactions, thread summary, reply target and read receipts
     */
    record Event(SyncEvent event, DecryptionResult decryption, Aggregations aggregations) implements TimelineItem {
        public Event {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(decryption, "decryption");
            Objects.requireNonNull(aggregations, "aggregations");
        }

        /** A clear-text event with nothing related to it. */
        public Event(SyncEvent event) {
            this(event, new PlainText(), Aggregations.none());
        }

        /** A clear-text event with its aggregations. */
        public Event(SyncEvent event, Aggregations aggregations) {
            this(event, new PlainText(), aggregations);
        }

        /** An event with nothing related to it, as {@code decryption} says. */
        public Event(SyncEvent event, DecryptionResult decryption) {
            this(event, decryption, Aggregations.none());
        }

        /** The event as the server sent it: for a decrypted event, its {@code m.room.encrypted} original. */
        public SyncEvent original() {
            return decryption instanceof Decrypted decrypted ? decrypted.encrypted() : event;
        }

        /**
         * True when the encryption module withheld this event because the sending device is not
         * verified and the module shows only verified senders: hide the item, or mark it.
         */
        public boolean hiddenByTrustPolicy() {
            return decryption instanceof UnableToDecrypt utd
                    && utd.reason() == UnableToDecrypt.Reason.SENDER_NOT_TRUSTED;
        }

        /** The event's ID; empty only for a malformed event that has none. */
        public Optional<EventId> eventId() {
            if (event instanceof RoomEvent roomEvent) {
                return Optional.of(roomEvent.eventId());
            }
            return ((MalformedEvent) event).eventId().flatMap(Event::parseId);
        }

        /**
         * The content to show: the winning edit's {@code m.new_content}, else the event's own (for a
         * redacted event, what the redaction left). Empty for a malformed event.
         */
        public Optional<EventContent> content() {
            if (aggregations.editedContent().isPresent()) {
                return aggregations.editedContent();
            }
            return event instanceof RoomEvent roomEvent ? Optional.of(roomEvent.content()) : Optional.empty();
        }

        /** True when the event has a valid edit, or a queued one ({@link PendingChanges#edit()}). */
        public boolean isEdited() {
            return !aggregations.edits().isEmpty() || aggregations.pending().edit().isPresent();
        }

        /** True when own changes of this event (an edit, a reaction, a redaction) are still in the send queue. */
        public boolean hasPendingChanges() {
            return !aggregations.pending().isEmpty();
        }

        /**
         * True when the event was redacted (by the server, or locally once its redaction was seen, or
         * at once when the own redaction of it is queued: {@link PendingChanges#redaction()}).
         */
        public boolean isRedacted() {
            return Redaction.isRedacted(event.raw());
        }

        private static Optional<EventId> parseId(String value) {
            try {
                return Optional.of(EventId.of(value));
            } catch (IllegalArgumentException invalid) {
                return Optional.empty();
            }
        }
    }

    /**
     * Events the client has not fetched yet sit here: {@link Timeline#paginateBackwards(int)} fetches
     * them. Only ever the first item.
     */
    record Gap() implements TimelineItem {
    }

    /**
     * The local echo of an event this client queued ({@link dev.mxj.room.Room#sendText(String)}...):
     * shown at once at the end of the timeline, with its {@link dev.mxj.send.SendState}, and updated
     * in place as that changes. When the server's copy arrives by sync (it carries the same
     * {@code unsigned.transaction_id}) this item is removed and the event is added as an {@link Event};
     * a cancelled one is removed. Local items are always the last items. Queued edits, reactions and
     * redactions are no rows: they apply at once to their target's item ({@link Aggregations#pending()});
     * an edit or redaction of a queued event not sent yet applies to its row (the edit's new content is
     * the echo's content; a redaction hides the row until it is cancelled).
     *
     * @param echo the queued event and its state
     */
    record Local(LocalEcho echo) implements TimelineItem {
        public Local {
            Objects.requireNonNull(echo, "echo");
        }
    }
}
