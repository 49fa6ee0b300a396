package dev.mxj.internal.event;

/**
 * What a room version changes for clients. Versions are the spec's numbers; an unknown,
 * non-numeric version gets the rules of the versions before 11.
 */
public final class RoomVersions {
    /** The unstable identifier of room version 12's creator rules (MSC4289), which servers offered before 12. */
    private static final String HYDRA = "org.matrix.hydra.11";

    private RoomVersions() {
    }

    /**
     * Room version 12 and later: the create event's sender and {@code additional_creators} are the
     * creators, with infinite power level.
     */
    public static boolean hasPrivilegedCreators(String roomVersion) {
        return HYDRA.equals(roomVersion) || number(roomVersion) >= 12;
    }

    /** Room versions 1 to 10 name the creator in {@code content.creator}; later ones use the sender. */
    public static boolean hasCreatorField(String roomVersion) {
        return !HYDRA.equals(roomVersion) && number(roomVersion) < 11;
    }

    /** The version as a number, or -1 when it is not a plain number. */
    private static long number(String roomVersion) {
        if (roomVersion.isEmpty() || roomVersion.length() > 9 || !roomVersion.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(roomVersion);
    }
}
