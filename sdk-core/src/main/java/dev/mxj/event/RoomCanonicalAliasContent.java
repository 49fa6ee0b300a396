package dev.mxj.event;

import dev.mxj.id.RoomAlias;

import java.util.List;
import java.util.Optional;

/**
 * {@code m.room.canonical_alias}: the room's main alias and the others it advertises.
 *
 * @param alias      {@code alias}; absent, null, empty or not a valid alias means none
 * @param altAliases {@code alt_aliases}; entries that are not valid aliases are skipped
 */
public record RoomCanonicalAliasContent(Optional<RoomAlias> alias, List<RoomAlias> altAliases)
        implements KnownContent {
    public static final String TYPE = "m.room.canonical_alias";

    public RoomCanonicalAliasContent {
        altAliases = List.copyOf(altAliases);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
