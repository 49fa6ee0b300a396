package dev.mxj.internal.account;

import java.util.Objects;
import java.util.regex.Pattern;

/** The spec's rule for 3PID client secrets: 1 to 255 characters of {@code [0-9a-zA-Z.=_-]}. Internal. */
public final class ClientSecrets {
    private static final Pattern VALID = Pattern.compile("[0-9a-zA-Z.=_-]{1,255}");

    private ClientSecrets() {
    }

    /** Returns {@code clientSecret}, or throws an IllegalArgumentException that says what is wrong (not the secret). */
    public static String check(String clientSecret) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (!VALID.matcher(clientSecret).matches()) {
            String problem = clientSecret.isEmpty() || clientSecret.length() > 255
                    ? "it has " + clientSecret.length() + " characters" : "it has a character outside that set";
            throw new IllegalArgumentException("A 3PID client secret must be 1 to 255 characters of [0-9a-zA-Z.=_-]; "
                    + problem + ".");
        }
        return clientSecret;
    }
}
