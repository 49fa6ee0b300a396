package dev.mxj.sync;

import dev.mxj.MatrixClient;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A logged-in client on a {@link MockHomeserver} with a {@link MemoryStateStore}, and its sync states recorded. */
final class LoopFixture implements AutoCloseable {
    static final String SYNC_PATH = "/_matrix/client/v3/sync";

    final MockHomeserver mock = MockHomeserver.start();
    final MemoryStateStore store = new MemoryStateStore();
    final MatrixClient client;
    final List<SyncState> states = new CopyOnWriteArrayList<>();

    LoopFixture() {
        store.saveSession(mock.session());
        client = mock.builder().stateStore(store).build();
        client.sync().onStateChanged(states::add);
    }

    SyncService sync() {
        return client.sync();
    }

    LoopFixture filter(String id) {
        mock.ok("{\"filter_id\":\"" + id + "\"}");
        return this;
    }

    LoopFixture ok(String json) {
        mock.ok(json);
        return this;
    }

    /** The connection breaks before the response: a network failure. */
    LoopFixture disconnect() {
        mock.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        return this;
    }

    RecordedRequest take() {
        return mock.take();
    }

    /** Takes the next request, checking it is a sync. */
    RecordedRequest takeSync() {
        RecordedRequest r = mock.take();
        assertTrue(r.getUrl().encodedPath().equals(SYNC_PATH), () -> "expected a sync but was " + r.getRequestLine());
        return r;
    }

    /** Waits up to 5 s for {@code condition}. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The state classes seen so far, repeats folded (each failure while Offline reports a new
     * {@code retryIn}), e.g. [Running, Offline, Running].
     */
    List<String> stateNames() {
        List<String> names = new java.util.ArrayList<>();
        for (SyncState s : states) {
            String name = s.getClass().getSimpleName();
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public void close() {
        client.close();
        mock.close();
    }
}
