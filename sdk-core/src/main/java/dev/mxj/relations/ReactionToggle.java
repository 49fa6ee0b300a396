package dev.mxj.relations;

import dev.mxj.id.EventId;

/** What to do to toggle one's own reaction: send a new one, or redact the existing one. */
public sealed interface ReactionToggle {
    /** No reaction with this key yet: send an {@code m.reaction} with {@code key}. */
    record Send(String key) implements ReactionToggle {
    }

    /** Already reacted with this key: redact {@code reaction}. */
    record Redact(EventId reaction) implements ReactionToggle {
    }
}
