package dev.mxj.event;

/** {@code m.room.guest_access}: whether guest users may join. */
public record RoomGuestAccessContent(String guestAccess) implements KnownContent {
    public static final String TYPE = "m.room.guest_access";
    public static final String CAN_JOIN = "can_join";
    public static final String FORBIDDEN = "forbidden";

    @Override
    public String type() {
        return TYPE;
    }
}
