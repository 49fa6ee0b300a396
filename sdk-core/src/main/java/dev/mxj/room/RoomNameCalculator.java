package dev.mxj.room;

import java.util.ArrayList;
import java.util.List;

/** The spec's room name algorithm, behind {@link RoomDisplayName#of}. */
final class RoomNameCalculator {
    private RoomNameCalculator() {
    }

    static RoomDisplayName calculate(RoomInfo room, MemberNames members, int heroLimit) {
        if (room.name().filter(n -> !n.isEmpty()).isPresent()) {
            return new RoomDisplayName.Named(room.name().get());
        }
        if (room.canonicalAlias().isPresent()) {
            return new RoomDisplayName.Aliased(room.canonicalAlias().get());
        }
        List<Hero> heroes = room.heroes();
        List<String> names = heroNames(heroes.subList(0, Math.min(heroLimit, heroes.size())), heroes, members);
        long total = room.joinedMemberCount() + room.invitedMemberCount();
        // Rule 3.3 (alone) is checked first: read in order, rule 3.1 would also match an empty room.
        if (total <= 1) {
            return names.isEmpty() ? new RoomDisplayName.Empty()
                    : new RoomDisplayName.EmptyWas(names, heroes.size() - names.size());
        }
        // Rules 3.1 and 3.2: heroes cover everyone else (others is then 0), or a count says how many more.
        return new RoomDisplayName.Calculated(names, Math.max(0, total - 1 - names.size()));
    }

    /**
     * The names of {@code shown}: from {@code members} where it knows the hero, else from the hero's
     * profile, disambiguated against the other heroes.
     */
    private static List<String> heroNames(List<Hero> shown, List<Hero> all, MemberNames members) {
        List<RoomMember> asMembers = new ArrayList<>();
        for (Hero h : all) {
            asMembers.add(new RoomMember(h.userId(), Membership.JOIN, h.displayName(), h.avatarUrl()));
        }
        MemberNames heroNames = MemberNames.of(asMembers);
        List<String> names = new ArrayList<>();
        for (Hero h : shown) {
            names.add(members.member(h.userId()).isPresent() ? members.displayName(h.userId())
                    : heroNames.displayName(h.userId()));
        }
        return names;
    }
}
