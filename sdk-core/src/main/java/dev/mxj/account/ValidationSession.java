package dev.mxj.account;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A 3PID validation session the homeserver started (it sent a token by email or SMS).
 *
 * @param sid       the session ID, to pass to {@link ThirdPartyIds#add} once the user has validated
 * @param submitUrl where to submit the token the user received, when the server wants the
 *                  client to do so; empty when validation happens without the client (a link)
 */
public record ValidationSession(String sid, Optional<URI> submitUrl) {
    public ValidationSession {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(submitUrl, "submitUrl");
    }
}
