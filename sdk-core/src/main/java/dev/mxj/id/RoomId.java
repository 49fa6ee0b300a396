package dev.mxj.id;

import java.util.Objects;

/** A room ID, {@code !opaque:server.name}. */
public record RoomId(String value) {
    public RoomId {
        Objects.requireNonNull(value, "value");
        Sigils.requireServerPart(value, '!', "room ID", "!opaque:server.name");
        Sigils.requireNoWhitespace(value, "Room ID");
    }

    public static RoomId of(String value) {
        return new RoomId(value);
    }

    public ServerName serverName() {
        return new ServerName(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
