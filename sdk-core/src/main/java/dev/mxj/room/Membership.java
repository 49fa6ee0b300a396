package dev.mxj.room;

import java.util.Optional;

/** A user's membership of a room, as {@code m.room.member} states it. */
public enum Membership {
    JOIN("join"), INVITE("invite"), LEAVE("leave"), BAN("ban"), KNOCK("knock");

    private final String wire;

    Membership(String wire) {
        this.wire = wire;
    }

    /** The spec's string, e.g. {@code "join"}. */
    public String wire() {
        return wire;
    }

    /** The membership named by the spec's string; empty for anything else. */
    public static Optional<Membership> fromWire(String value) {
        for (Membership m : values()) {
            if (m.wire.equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
