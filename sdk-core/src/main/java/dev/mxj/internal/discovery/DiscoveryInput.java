package dev.mxj.internal.discovery;

import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;

import java.net.URI;

/**
 * What the user typed, turned into the two places discovery looks.
 *
 * @param wellKnownOrigin  where {@code /.well-known/matrix/client} is fetched: {@code https://hostname}
 *                         for a server name or user ID (the spec uses the hostname, without the
 *                         port), or the scheme, host and port of a URL
 * @param homeserverGuess  what is tried as the homeserver when there is no well-known file:
 *                         {@code https://} plus the whole server name, or the URL as given
 */
record DiscoveryInput(URI wellKnownOrigin, URI homeserverGuess) {
    static final String EXAMPLES = "a server name such as example.org, a user ID such as @alice:example.org, "
            + "or the homeserver URL such as https://matrix.example.org";

    /**
     * @throws IllegalArgumentException with a message for the user if {@code input} is none of the
     *         three forms
     */
    static DiscoveryInput parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Nothing was entered. Enter " + EXAMPLES + ".");
        }
        if (text.startsWith("@")) {
            UserId user;
            try {
                user = UserId.of(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid Matrix user ID. Enter " + EXAMPLES
                        + ".", e);
            }
            return fromServerName(user.serverName());
        }
        if (text.contains("://")) {
            URI url = BaseUrls.parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                    + "' is not a usable http(s) URL. Enter " + EXAMPLES + "."));
            return new DiscoveryInput(BaseUrls.origin(url), url);
        }
        String name = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            return fromServerName(ServerName.of(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a server name, user ID or URL. Enter "
                    + EXAMPLES + ".", e);
        }
    }

    private static DiscoveryInput fromServerName(ServerName server) {
        return new DiscoveryInput(URI.create("https://" + server.host()), URI.create("https://" + server.value()));
    }
}
