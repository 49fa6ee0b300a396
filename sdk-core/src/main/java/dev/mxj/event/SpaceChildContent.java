package dev.mxj.event;

import dev.mxj.id.ServerName;

import java.util.List;
import java.util.Optional;

/**
 * {@code m.space.child}: a room of a space; the room ID is the state key.
 *
 * @param via       {@code via}, servers to join through; entries that are not server names are skipped
 * @param order     {@code order}; empty when absent or invalid (not a string of 1 to 50 characters
 *                  from {@code \x20} to {@code \x7E}), as the spec says
 * @param suggested {@code suggested}, false when absent or not a boolean
 */
public record SpaceChildContent(List<ServerName> via, Optional<String> order, boolean suggested)
        implements KnownContent {
    public static final String TYPE = "m.space.child";

    public SpaceChildContent {
        via = List.copyOf(via);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** False when {@code via} is missing or holds no server: the room is then not part of the space. */
    public boolean isPartOfSpace() {
        return !via.isEmpty();
    }
}
