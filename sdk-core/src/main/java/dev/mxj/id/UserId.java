package dev.mxj.id;

import java.util.Objects;

/**
 * A Matrix user ID, {@code @localpart:server.name}. Accepts the historical localpart characters the
 * spec still allows on the wire (any printable ASCII but ':'), since other servers create them.
 */
public record UserId(String value) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("User ID longer than 255 characters: '" + value.substring(0, 40) + "...'");
        }
        int colon = value.indexOf(':');
        if (!value.startsWith("@") || colon < 2) {
            throw new IllegalArgumentException("Not a Matrix user ID: '" + value + "'. Expected @localpart:server.name");
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("User ID localpart has a character outside printable ASCII: '" + value + "'");
            }
        }
        new ServerName(value.substring(colon + 1));
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId of(String localpart, ServerName server) {
        return new UserId("@" + localpart + ":" + server.value());
    }

    public String localpart() {
        return value.substring(1, value.indexOf(':'));
    }

    public ServerName serverName() {
        return new ServerName(value.substring(value.indexOf(':') + 1));
    }

    /** True if the localpart uses only the characters the spec allows for new user IDs. */
    public boolean isStrictlyValid() {
        return localpart().chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '=' || c == '-' || c == '/' || c == '+');
    }

    @Override
    public String toString() {
        return value;
    }
}
