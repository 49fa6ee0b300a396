package dev.mxj.relations;

import dev.mxj.event.RoomEvent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Intentional mentions: {@code m.mentions} in an event's content. Invalid user IDs are skipped.
 *
 * @param userIds {@code user_ids}: the users mentioned
 * @param room    {@code room}: the whole room is mentioned ({@code @room})
 */
public record Mentions(Set<UserId> userIds, boolean room) {
    public Mentions {
        userIds = Set.copyOf(userIds);
    }

    /**
     * The mentions of {@code event}; empty if its content has no {@code m.mentions} object (an
     * older client: fall back to the push rules' body matching). For an edit, pass the edit event:
     * its top-level {@code m.mentions} are the ones that notify.
     */
    public static Optional<Mentions> of(RoomEvent event) {
        return event.raw().object("content").flatMap(c -> c.object("m.mentions")).map(Mentions::parse);
    }

    /** Parses an {@code m.mentions} object. */
    public static Mentions parse(RawJson mentions) {
        Set<UserId> users = new LinkedHashSet<>();
        for (String id : mentions.strings("user_ids")) {
            try {
                users.add(UserId.of(id));
            } catch (IllegalArgumentException invalid) {
                // Skipped: a bad ID mentions nobody.
            }
        }
        return new Mentions(users, mentions.bool("room").orElse(false));
    }

    /** True if {@code user} is mentioned by ID. */
    public boolean mentions(UserId user) {
        return userIds.contains(user);
    }
}
