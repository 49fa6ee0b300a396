package dev.mxj.store;

import dev.mxj.auth.Session;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link SessionStore} that lives as long as the process. For tests and short-lived bots. */
public final class MemorySessionStore implements SessionStore {
    private final AtomicReference<Session> session = new AtomicReference<>();

    @Override
    public Optional<Session> loadSession() {
        return Optional.ofNullable(session.get());
    }

    @Override
    public void saveSession(Session value) {
        session.set(Objects.requireNonNull(value, "session"));
    }

    @Override
    public void clearSession() {
        session.set(null);
    }
}
