package dev.mxj.room;

import dev.mxj.id.UserId;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names to show for a room's members, following the spec's "Calculating the display name for a
 * user": the user ID when the member has no display name; the display name when no other joined or
 * invited member uses it; otherwise "{@code Alice (@alice:example.org)}". A display name that looks
 * like a user ID (other than the member's own) is always disambiguated, so that nobody can pass
 * for someone else. Immutable; built in linear time with the name index the spec recommends.
 */
public final class MemberNames {
    private final Map<UserId, RoomMember> members;
    /** Display name to the joined and invited members using it. */
    private final Map<String, Set<UserId>> byName;

    private MemberNames(Map<UserId, RoomMember> members, Map<String, Set<UserId>> byName) {
        this.members = members;
        this.byName = byName;
    }

    /** The names of {@code members}; if a user appears twice, the later entry wins. */
    public static MemberNames of(Collection<RoomMember> members) {
        Map<UserId, RoomMember> byUser = new HashMap<>();
        for (RoomMember m : members) {
            byUser.put(m.userId(), m);
        }
        Map<String, Set<UserId>> byName = new HashMap<>();
        for (RoomMember m : byUser.values()) {
            if (m.membership() == Membership.JOIN || m.membership() == Membership.INVITE) {
                shownName(m).ifPresent(name -> byName.computeIfAbsent(name, k -> new HashSet<>()).add(m.userId()));
            }
        }
        return new MemberNames(Map.copyOf(byUser), byName);
    }

    /** The member, if known. */
    public Optional<RoomMember> member(UserId user) {
        return Optional.ofNullable(members.get(user));
    }

    /** The name to show for {@code user}: disambiguated if needed; the user ID if the member is unknown. */
    public String displayName(UserId user) {
        RoomMember m = members.get(user);
        Optional<String> name = m == null ? Optional.empty() : shownName(m);
        if (name.isEmpty()) {
            return user.value();
        }
        return isAmbiguous(user) ? disambiguated(name.get(), user) : name.get();
    }

    /** True if {@code user}'s display name is shared with another joined or invited member, or looks like a user ID. */
    public boolean isAmbiguous(UserId user) {
        RoomMember m = members.get(user);
        Optional<String> name = m == null ? Optional.empty() : shownName(m);
        if (name.isEmpty()) {
            return false;
        }
        Set<UserId> sharing = byName.getOrDefault(name.get(), Set.of());
        boolean shared = sharing.size() > (sharing.contains(user) ? 1 : 0);
        return shared || looksLikeAnotherUserId(name.get(), user);
    }

    /** The spec's disambiguated form, {@code "name (@user:server)"}. */
    public static String disambiguated(String displayName, UserId user) {
        return displayName + " (" + user.value() + ")";
    }

    /**
     * The display name a member shows: absent when it has none, or it is blank (read as none, since a
     * blank name identifies nobody), or it is exactly the member's own user ID.
     */
    private static Optional<String> shownName(RoomMember m) {
        return m.displayName().filter(n -> !n.isBlank() && !n.equals(m.userId().value()));
    }

    private static boolean looksLikeAnotherUserId(String name, UserId user) {
        String s = name.strip();
        if (!s.startsWith("@") || s.indexOf(':') < 0) {
            return false;
        }
        return !s.equals(user.value());
    }
}
