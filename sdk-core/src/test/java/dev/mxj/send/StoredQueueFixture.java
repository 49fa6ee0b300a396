package dev.mxj.send;

import dev.mxj.MatrixClient;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the send tests whose queue outlives a client: a mock homeserver, and one state store
 * (which is the session store too) that each new {@link #client()} opens, as an application
 * restarted on its store would.
 */
abstract class StoredQueueFixture {
    final MockHomeserver server = MockHomeserver.start();
    final MemoryStateStore store = new MemoryStateStore();

    @AfterEach
    void closeServer() {
        server.close();
    }

    /** A new client on the shared store, logged in to {@link #server}. */
    MatrixClient client() {
        store.saveSession(server.session());
        return server.builder().stateStore(store).build();
    }
}
