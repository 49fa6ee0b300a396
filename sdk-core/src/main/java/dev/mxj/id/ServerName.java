package dev.mxj.id;

import java.util.Objects;

/**
 * A homeserver's name, as the spec's grammar defines it: {@code hostname [ ":" port ]} where the
 * hostname is a DNS name, an IPv4 literal or a bracketed IPv6 literal.
 */
public record ServerName(String value) {
    private static final int MAX_HOST = 255;
    private static final int MAX_IPV6 = 45;
    private static final int MAX_PORT_DIGITS = 5;

    public ServerName {
        Objects.requireNonNull(value, "value");
        int port = portStart(value);
        if (port < 0) {
            throw new IllegalArgumentException("Not a Matrix server name: '" + value
                    + "'. Use a host name, an IPv4 address or a bracketed IPv6 address, with an optional :port.");
        }
        if (port < value.length()) {
            int number = Integer.parseInt(value.substring(port + 1));
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("Port out of range in server name '" + value + "'.");
            }
        }
    }

    /**
     * Checks the grammar: a bracketed IPv6 literal ({@code [} 2 to 45 of {@code 0-9 A-F a-f : .}
     * {@code ]}) or 1 to 255 of {@code A-Z a-z 0-9 . -} (which covers IPv4 literals), then
     * optionally {@code :} and 1 to 5 digits. Returns the index of the port's colon, the length
     * when there is no port, or -1 when {@code value} does not match. Written out rather than as a
     * regular expression: every sender of every synced event is checked.
     */
    private static int portStart(String value) {
        int length = value.length();
        int end;
        if (length > 0 && value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 3 || close - 1 > MAX_IPV6) {
                return -1;
            }
            for (int i = 1; i < close; i++) {
                char c = value.charAt(i);
                if (!(isHexDigit(c) || c == ':' || c == '.')) {
                    return -1;
                }
            }
            end = close + 1;
        } else {
            end = 0;
            while (end < length && isHostChar(value.charAt(end))) {
                end++;
            }
            if (end == 0 || end > MAX_HOST) {
                return -1;
            }
        }
        if (end == length) {
            return length;
        }
        int digits = length - end - 1;
        if (value.charAt(end) != ':' || digits < 1 || digits > MAX_PORT_DIGITS) {
            return -1;
        }
        for (int i = end + 1; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return end;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static boolean isHostChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
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
