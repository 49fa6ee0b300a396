package dev.mxj.store;

/** {@link MemorySessionStore} against the session store contract. It does not persist. */
class MemorySessionStoreTest extends SessionStoreContract {
    @Override
    protected SessionStore newStore() {
        return new MemorySessionStore();
    }
}
