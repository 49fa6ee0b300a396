package dev.mxj.room;

import dev.mxj.id.RoomAlias;

import java.util.ArrayList;
import java.util.List;

/**
 * A room's name as the spec's "Calculating the display name for a room" picks it: its
 * {@code m.room.name}, else its canonical alias, else one composed from the heroes. The composed
 * forms keep their parts so that an application can translate them; {@link #text()} gives the
 * English wording of the spec's examples ("Alice, Bob, and 3 others", "Empty Room (was Alice)").
 */
public sealed interface RoomDisplayName {
    /** The number of heroes used to compose a name unless told otherwise: the spec's "minimum 5". */
    int DEFAULT_HERO_LIMIT = 5;

    /** The name in English. */
    String text();

    /** The room's {@code m.room.name}. */
    record Named(String name) implements RoomDisplayName {
        @Override
        public String text() {
            return name;
        }
    }

    /** The room's canonical alias. */
    record Aliased(RoomAlias alias) implements RoomDisplayName {
        @Override
        public String text() {
            return alias.value();
        }
    }

    /**
     * A name composed from the other members: their names, and how many more members there are.
     *
     * @param names  the heroes' display names, disambiguated where needed
     * @param others the joined and invited members not named (the user aside)
     */
    record Calculated(List<String> names, long others) implements RoomDisplayName {
        public Calculated {
            names = List.copyOf(names);
        }

        @Override
        public String text() {
            return list(names, others);
        }
    }

    /**
     * The user is alone in the room; {@code names} are the members who were there (left or banned heroes).
     *
     * @param names  the heroes' display names
     * @param others heroes not named because of the hero limit
     */
    record EmptyWas(List<String> names, long others) implements RoomDisplayName {
        public EmptyWas {
            names = List.copyOf(names);
        }

        @Override
        public String text() {
            return "Empty Room (was " + list(names, others) + ")";
        }
    }

    /** The user is alone in the room and there is nobody to name it after. */
    record Empty() implements RoomDisplayName {
        @Override
        public String text() {
            return "Empty Room";
        }
    }

    /** The name of {@code room}, from its heroes' profiles as the room summary gave them. */
    static RoomDisplayName of(RoomInfo room) {
        return RoomNameCalculator.calculate(room, MemberNames.of(List.of()), DEFAULT_HERO_LIMIT);
    }

    /**
     * The name of {@code room}, taking heroes' names from {@code members} where it knows them (so that
     * names shared with any member are disambiguated), and using at most {@code heroLimit} heroes.
     */
    static RoomDisplayName of(RoomInfo room, MemberNames members, int heroLimit) {
        if (heroLimit < 1) {
            throw new IllegalArgumentException("heroLimit must be at least 1, was " + heroLimit);
        }
        return RoomNameCalculator.calculate(room, members, heroLimit);
    }

    /** "A", "A and B", "A, B, and C"; with a count of others as the last item ("A and 1 other"). */
    private static String list(List<String> names, long others) {
        List<String> items = new ArrayList<>(names);
        if (others > 0) {
            items.add(others + (others == 1 ? " other" : " others"));
        }
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> items.get(0);
            case 2 -> items.get(0) + " and " + items.get(1);
            default -> String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
        };
    }
}
