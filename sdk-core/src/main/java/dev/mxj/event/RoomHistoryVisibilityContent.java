package dev.mxj.event;

/** {@code m.room.history_visibility}: who can read the room's history. */
public record RoomHistoryVisibilityContent(String historyVisibility) implements KnownContent {
    public static final String TYPE = "m.room.history_visibility";
    public static final String INVITED = "invited";
    public static final String JOINED = "joined";
    public static final String SHARED = "shared";
    public static final String WORLD_READABLE = "world_readable";

    @Override
    public String type() {
        return TYPE;
    }
}
