package dev.mxj.event;

import dev.mxj.id.ServerName;

import java.util.List;

/**
 * {@code m.space.parent}: a space the room belongs to; the space's room ID is the state key.
 *
 * @param via       {@code via}, servers to join through; entries that are not server names are skipped
 * @param canonical {@code canonical}: this is the room's main parent; false when absent or not a boolean
 */
public record SpaceParentContent(List<ServerName> via, boolean canonical) implements KnownContent {
    public static final String TYPE = "m.space.parent";

    public SpaceParentContent {
        via = List.copyOf(via);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** False when {@code via} is missing or holds no server: the room is then not part of that space. */
    public boolean isPartOfSpace() {
        return !via.isEmpty();
    }
}
