package dev.mxj.id;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A homeserver's name, as the spec's grammar defines it: {@code hostname [ ":" port ]} where the
 * hostname is a DNS name, an IPv4 literal or a bracketed IPv6 literal.
 */
public record ServerName(String value) {
    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:\\[[0-9A-Fa-f:.]{2,45}]|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[A-Za-z0-9.-]{1,255})(?::[0-9]{1,5})?");

    public ServerName {
        Objects.requireNonNull(value, "value");
        if (!GRAMMAR.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a Matrix server name: '" + value
                    + "'. Use a host name, an IPv4 address or a bracketed IPv6 address, with an optional :port.");
        }
        int colon = value.lastIndexOf(':');
        if (colon > value.lastIndexOf(']')) {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port out of range in server name '" + value + "'.");
            }
        }
    }

    public static ServerName of(String value) {
        return new ServerName(value);
    }

    /** The host part, without the port. IPv6 literals keep their brackets. */
    public String host() {
        int colon = value.lastIndexOf(':');
        return colon > value.lastIndexOf(']') ? value.substring(0, colon) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
