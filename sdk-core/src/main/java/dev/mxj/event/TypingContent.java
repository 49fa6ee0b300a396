package dev.mxj.event;

import dev.mxj.id.UserId;

import java.util.List;

/** {@code m.typing} (ephemeral): the users typing in the room now; entries that are not user IDs are skipped. */
public record TypingContent(List<UserId> userIds) implements KnownContent {
    public static final String TYPE = "m.typing";

    public TypingContent {
        userIds = List.copyOf(userIds);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
