package dev.mxj.id;

import java.util.Objects;

/** A room alias, {@code #alias:server.name}. */
public record RoomAlias(String value) {
    public RoomAlias {
        Objects.requireNonNull(value, "value");
        Sigils.requireServerPart(value, '#', "room alias", "#alias:server.name");
        Sigils.requireNoWhitespace(value, "Room alias");
    }

    public static RoomAlias of(String value) {
        return new RoomAlias(value);
    }

    public String localpart() {
        return value.substring(1, value.indexOf(':'));
    }

    public ServerName serverName() {
        return new ServerName(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
