package dev.mxj.event;

import dev.mxj.id.UserId;

import java.util.Set;

/** {@code m.ignored_user_list} (account data): the users ignored; keys that are not user IDs are skipped. */
public record IgnoredUserListContent(Set<UserId> ignoredUsers) implements KnownContent {
    public static final String TYPE = "m.ignored_user_list";

    public IgnoredUserListContent {
        ignoredUsers = Set.copyOf(ignoredUsers);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
