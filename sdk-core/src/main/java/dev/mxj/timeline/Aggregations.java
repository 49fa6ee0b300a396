package dev.mxj.timeline;

import dev.mxj.event.EventContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.relations.ReactionGroup;
import dev.mxj.relations.ReactionToggle;
import dev.mxj.room.Receipt;
import dev.mxj.send.LocalEcho;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a timeline knows about one event from the events related to it, as a value: a new value
 * replaces the item (a {@link TimelineDiff.Set}) each time one of them changes.
 *
 * @param edits         the valid edits ({@code m.replace} by the original sender, see
 *                      {@link dev.mxj.relations.Edits}), oldest first: the edit history; the last one wins
 * @param editedContent the winning edit's {@code m.new_content}, parsed as the event's type; empty
 *                      when the event has no valid edit
 * @param reactions     the reactions ({@code m.annotation}) per key, ordered by each key's first reaction;
 *                      redacted reactions left out
 * @param ownReactions  the own user's reaction event per key, to redact to take it back
 * @param thread        for a thread root: its summary
 * @param inReplyTo     the event this one replies to ({@code m.in_reply_to}); a thread's reply fallback is
 *                      not a reply
 * @param threadRoot    the root of the thread this event is in ({@code m.thread})
 * @param readReceipts  the read receipts that point at this item in this timeline's thread: each user's
 *                      latest one, on the event it names or, when that event is hidden (a reaction, an
 *                      edit...), on the nearest shown event before it; newest first
 * @param pending       the own edits, reactions and redaction of this event still in the send queue,
 *                      already applied to the fields above
 */
public record Aggregations(List<RoomEvent> edits, Optional<EventContent> editedContent,
                           List<ReactionGroup> reactions, Map<String, EventId> ownReactions,
                           Optional<ThreadInfo> thread, Optional<EventId> inReplyTo, Optional<EventId> threadRoot,
                           List<Receipt> readReceipts, PendingChanges pending) {
    private static final Aggregations NONE = new Aggregations(List.of(), Optional.empty(), List.of(), Map.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public Aggregations {
        edits = List.copyOf(edits);
        reactions = List.copyOf(reactions);
        ownReactions = Map.copyOf(ownReactions);
        readReceipts = List.copyOf(readReceipts);
        java.util.Objects.requireNonNull(pending, "pending");
    }

    /** Aggregations with nothing pending in the send queue. */
    public Aggregations(List<RoomEvent> edits, Optional<EventContent> editedContent,
                        List<ReactionGroup> reactions, Map<String, EventId> ownReactions,
                        Optional<ThreadInfo> thread, Optional<EventId> inReplyTo, Optional<EventId> threadRoot,
                        List<Receipt> readReceipts) {
        this(edits, editedContent, reactions, ownReactions, thread, inReplyTo, threadRoot, readReceipts,
                PendingChanges.none());
    }

    /** Nothing related: no edit, reaction, thread or receipt. */
    public static Aggregations none() {
        return NONE;
    }

    /** The edit that wins, if any. */
    public Optional<RoomEvent> latestEdit() {
        return edits.isEmpty() ? Optional.empty() : Optional.of(edits.get(edits.size() - 1));
    }

    /** True when the own user reacted with {@code key} (also when that reaction is still queued). */
    public boolean reactedByMe(String key) {
        return ownReactions.containsKey(key) || pending.reactions().containsKey(key);
    }

    /**
     * What the own user must do to toggle the reaction {@code key}: redact their reaction with that
     * key, cancel it when it is still queued and not sent ({@link ReactionToggle.Cancel}), or send one
     * ({@link dev.mxj.room.Room#react} or {@link dev.mxj.room.Room#redact}).
     */
    public ReactionToggle toggleReaction(String key) {
        EventId own = ownReactions.get(key);
        if (own != null) {
            return new ReactionToggle.Redact(own);
        }
        LocalEcho queued = pending.reactions().get(key);
        return queued != null ? new ReactionToggle.Cancel(queued.transactionId()) : new ReactionToggle.Send(key);
    }
}
