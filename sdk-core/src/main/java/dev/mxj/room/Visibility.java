package dev.mxj.room;

import java.util.Locale;

/** Whether a room is listed in the server's published room directory. */
public enum Visibility {
    PUBLIC,
    PRIVATE;

    /** The spec's name: {@code public} or {@code private}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the spec's name; anything but {@code public} is {@link #PRIVATE}. */
    public static Visibility of(String value) {
        return "public".equals(value) ? PUBLIC : PRIVATE;
    }
}
