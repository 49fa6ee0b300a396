package dev.mxj.event;

import java.util.Optional;

/**
 * {@code m.room.name}: the room's name. An absent, null or empty {@code name} is read as the empty
 * string, and the spec treats such a room as having no name (see {@link #nonEmpty()}).
 */
public record RoomNameContent(String name) implements KnownContent {
    public static final String TYPE = "m.room.name";

    @Override
    public String type() {
        return TYPE;
    }

    /** The name, unless it is empty (the name was removed). */
    public Optional<String> nonEmpty() {
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
