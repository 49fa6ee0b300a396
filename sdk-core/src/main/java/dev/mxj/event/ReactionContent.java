package dev.mxj.event;

import dev.mxj.id.EventId;

/**
 * {@code m.reaction}: an annotation of another event. Its {@code m.relates_to} must have
 * {@code rel_type} {@code m.annotation}, an {@code event_id} and a {@code key}.
 *
 * @param relatesTo the event reacted to
 * @param key       the reaction, usually an emoji
 */
public record ReactionContent(EventId relatesTo, String key) implements KnownContent {
    public static final String TYPE = "m.reaction";

    @Override
    public String type() {
        return TYPE;
    }
}
