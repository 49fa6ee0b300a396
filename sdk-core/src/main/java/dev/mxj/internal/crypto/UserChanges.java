package dev.mxj.internal.crypto;

import dev.mxj.id.UserId;

import java.util.HashSet;
import java.util.Set;

/**
 * The device-list and membership parts of syncs, merged in sync order: a later sync's word on a
 * user wins (a user who left and then changed shares a room again; one who changed and then left
 * does not).
 */
record UserChanges(Set<UserId> changed, Set<UserId> left, Set<UserId> members) {
    static final UserChanges NONE = new UserChanges(Set.of(), Set.of(), Set.of());

    /** These changes followed by {@code later}'s. */
    UserChanges then(UserChanges later) {
        if (this == NONE || equals(NONE)) {
            return later;
        }
        Set<UserId> changed = new HashSet<>(this.changed);
        changed.removeAll(later.left);
        changed.addAll(later.changed);
        Set<UserId> left = new HashSet<>(this.left);
        left.removeAll(later.changed);
        left.removeAll(later.members);
        left.addAll(later.left);
        Set<UserId> members = new HashSet<>(this.members);
        members.removeAll(later.left);
        members.addAll(later.members);
        return new UserChanges(changed, left, members);
    }
}
