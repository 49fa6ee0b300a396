package dev.mxj.auth;

import java.util.Optional;

/**
 * Where the client's session stands. Observe it with
 * {@link dev.mxj.MatrixClient#onSessionStateChanged}; an app shows a login screen on
 * {@link NotLoggedIn} and {@link Ended}, and a "sign in again" prompt on {@link SoftLoggedOut}.
 */
public sealed interface SessionState {
    /** The session, while there is one to use or to resume. */
    default Optional<Session> session() {
        return Optional.empty();
    }

    /** No session yet, or the user logged out. */
    record NotLoggedIn() implements SessionState {
    }

    /** Logged in; requests carry this session's access token. */
    record Active(Session current) implements SessionState {
        @Override
        public Optional<Session> session() {
            return Optional.of(current);
        }
    }

    /**
     * The server invalidated the access token but kept the device ("soft logout") and it could
     * not be refreshed. Log in again with the same device id to keep local data and encryption keys.
     */
    record SoftLoggedOut(Session previous, String reason) implements SessionState {
        @Override
        public Optional<Session> session() {
            return Optional.of(previous);
        }
    }

    /** The server ended the session (hard logout, device deleted, refresh refused). Log in anew. */
    record Ended(String reason) implements SessionState {
    }
}
