package dev.mxj.id;

import java.util.Objects;

/**
 * An event ID: {@code $opaque:server.name} in room versions 1 and 2, {@code $base64hash} from
 * version 3 on. Both forms are accepted.
 */
public record EventId(String value) {
    public EventId {
        Objects.requireNonNull(value, "value");
        if (value.length() < 2 || value.charAt(0) != '$') {
            throw new IllegalArgumentException("Not a Matrix event ID: '" + value + "'. Expected $ followed by the ID");
        }
        if (value.length() > Sigils.MAX_LENGTH) {
            throw new IllegalArgumentException("Event ID longer than 255 characters");
        }
        Sigils.requireNoWhitespace(value, "Event ID");
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
