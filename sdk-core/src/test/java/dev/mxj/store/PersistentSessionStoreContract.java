package dev.mxj.store;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session store contract plus what a store that outlives the process must also do. */
public abstract class PersistentSessionStoreContract extends SessionStoreContract {
    /** Closes {@code store} and opens it again on the same data, as a restarted process would. */
    protected abstract SessionStore reopen(SessionStore store) throws Exception;

    private SessionStore reopened(SessionStore store) throws Exception {
        return track(reopen(store));
    }

    @Test
    void reopenKeepsTheSession() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        SessionStore again = reopened(store);
        assertEquals(Optional.of(fullSession()), again.loadSession());

        again.saveSession(bareSession());
        SessionStore third = reopened(again);
        assertEquals(Optional.of(bareSession()), third.loadSession());
    }

    @Test
    void reopenKeepsAClear() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        store.clearSession();
        SessionStore again = reopened(store);
        assertEquals(Optional.empty(), again.loadSession());
    }
}
