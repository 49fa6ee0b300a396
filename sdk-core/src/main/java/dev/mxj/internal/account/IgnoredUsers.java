package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.event.IgnoredUserListContent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code m.ignored_user_list}: read, change one entry, write back. Everything else in the content
 * (other fields, each user's object) is kept. This client's changes run one at a time, so two
 * quick {@code ignoreUser} calls do not overwrite each other; another client's change between
 * our read and write can still be lost, since the API has no compare-and-set.
 */
final class IgnoredUsers {
    private static final String FIELD = "ignored_users";

    private final AccountDataCalls accountData;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    IgnoredUsers(AccountDataCalls accountData) {
        this.accountData = accountData;
    }

    /** The ignored users; keys that are not user IDs are skipped, and a missing list reads as empty. */
    CompletableFuture<Set<UserId>> list() {
        return Calls.map(accountData.global(IgnoredUserListContent.TYPE), content -> {
            Set<UserId> users = new LinkedHashSet<>();
            for (String key : content.flatMap(raw -> raw.object(FIELD)).map(RawJson::keys).orElse(Set.of())) {
                try {
                    users.add(UserId.of(key));
                } catch (IllegalArgumentException notAUserId) {
                    // Kept in the content, left out of the answer.
                }
            }
            return Collections.unmodifiableSet(users);
        });
    }

    CompletableFuture<Void> ignore(UserId user) {
        Objects.requireNonNull(user, "user");
        return change(user, true);
    }

    CompletableFuture<Void> unignore(UserId user) {
        Objects.requireNonNull(user, "user");
        return change(user, false);
    }

    private synchronized CompletableFuture<Void> change(UserId user, boolean ignored) {
        CompletableFuture<Void> mine = Calls.then(tail.handle((value, error) -> null),
                ignoredValue -> Calls.then(accountData.global(IgnoredUserListContent.TYPE),
                        current -> write(current, user, ignored)));
        tail = mine;
        return mine;
    }

    private CompletableFuture<Void> write(Optional<RawJson> current, UserId user, boolean ignored) {
        Map<String, Object> root = new LinkedHashMap<>();
        current.filter(RawJson::isObject).ifPresent(raw -> copyInto(raw.tree(), root));
        Map<String, Object> users = new LinkedHashMap<>();
        Object existing = root.get(FIELD);
        if (existing instanceof Map<?, ?>) {
            copyInto(existing, users);
        }
        boolean present = users.containsKey(user.value());
        if (present == ignored) {
            return CompletableFuture.completedFuture(null);
        }
        if (ignored) {
            users.put(user.value(), new LinkedHashMap<>());
        } else {
            users.remove(user.value());
        }
        root.put(FIELD, users);
        return accountData.setGlobal(IgnoredUserListContent.TYPE, RawJson.ofTree(root));
    }

    private static void copyInto(Object tree, Map<String, Object> target) {
        for (Map.Entry<?, ?> e : ((Map<?, ?>) tree).entrySet()) {
            target.put(String.valueOf(e.getKey()), e.getValue());
        }
    }
}
