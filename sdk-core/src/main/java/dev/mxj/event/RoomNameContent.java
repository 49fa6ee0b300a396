package dev.mxj.event;

/** {@code m.room.name}: the room's name; empty means the name was removed. */
public record RoomNameContent(String name) implements KnownContent {
    public static final String TYPE = "m.room.name";

    @Override
    public String type() {
        return TYPE;
    }
}
