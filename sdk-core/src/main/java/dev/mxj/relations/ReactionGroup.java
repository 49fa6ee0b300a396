package dev.mxj.relations;

import dev.mxj.id.UserId;

import java.util.List;
import java.util.Optional;

/**
 * The reactions to one event with one key, oldest first, one per sender.
 *
 * @param key       the annotation key, usually an emoji
 * @param reactions the reactions, oldest first
 */
public record ReactionGroup(String key, List<Reaction> reactions) {
    public ReactionGroup {
        reactions = List.copyOf(reactions);
    }

    /** How many users reacted with this key. */
    public int count() {
        return reactions.size();
    }

    /** Who reacted, oldest first. */
    public List<UserId> senders() {
        return reactions.stream().map(Reaction::sender).toList();
    }

    /** {@code user}'s reaction with this key, if any. */
    public Optional<Reaction> by(UserId user) {
        return reactions.stream().filter(r -> r.sender().equals(user)).findFirst();
    }
}
