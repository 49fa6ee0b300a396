package dev.mxj.timeline;

import dev.mxj.send.LocalEcho;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The own user's changes of an event that are still in the send queue, already applied to its item
 * (as matrix-rust-sdk does): they are replaced by the server's copies when those arrive by sync, and
 * undone if cancelled. Each is the local echo, with its {@link dev.mxj.send.SendState} (a failed one
 * stays applied until it is retried or cancelled).
 *
 * @param edit      the newest queued edit: the item's {@link TimelineItem.Event#content()} is its new content
 * @param redaction a queued redaction: the item is shown redacted
 * @param reactions the own queued reactions per key (also in {@link Aggregations#reactions()}, marked
 *                  {@link dev.mxj.relations.Reaction#isPending() pending})
 */
public record PendingChanges(Optional<LocalEcho> edit, Optional<LocalEcho> redaction, Map<String, LocalEcho> reactions) {
    private static final PendingChanges NONE = new PendingChanges(Optional.empty(), Optional.empty(), Map.of());

    public PendingChanges {
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(redaction, "redaction");
        reactions = Map.copyOf(reactions);
    }

    /** Nothing queued. */
    public static PendingChanges none() {
        return NONE;
    }

    /** True when nothing is queued for the item. */
    public boolean isEmpty() {
        return edit.isEmpty() && redaction.isEmpty() && reactions.isEmpty();
    }
}
