package dev.mxj.id;

import java.util.Objects;
import java.util.regex.Pattern;

/** A content URI, {@code mxc://server.name/mediaId}. */
public record MxcUri(String value) {
    private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]+");

    public MxcUri {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("mxc://")) {
            throw new IllegalArgumentException("Not an mxc:// URI: '" + value + "'");
        }
        int slash = value.indexOf('/', 6);
        if (slash < 0 || slash == value.length() - 1) {
            throw new IllegalArgumentException("mxc:// URI without a media ID: '" + value + "'");
        }
        new ServerName(value.substring(6, slash));
        if (!MEDIA_ID.matcher(value.substring(slash + 1)).matches()) {
            throw new IllegalArgumentException("mxc:// URI with an invalid media ID: '" + value + "'");
        }
    }

    public static MxcUri of(String value) {
        return new MxcUri(value);
    }

    public ServerName serverName() {
        return new ServerName(value.substring(6, value.indexOf('/', 6)));
    }

    public String mediaId() {
        return value.substring(value.indexOf('/', 6) + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
