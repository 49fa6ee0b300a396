package dev.mxj;

import dev.mxj.id.RoomId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MatrixClient#close()} and the store: a sync being saved, or a send being recorded, is
 * finished and waited for, and mxj makes no store call after {@code close()} returned, so the app
 * may close its store then.
 */
class ClientCloseStoreTest {
    private final MockHomeserver mock = MockHomeserver.start();

    @AfterEach
    void tearDown() {
        mock.close();
    }

    @Test
    void closeWaitsForASyncBeingSaved() throws Exception {
        GatedStore gate = new GatedStore("apply");
        mock.ok("{\"filter_id\":\"1\"}").ok(MockHomeserver.resource("/spec-examples/sync/sync-response.json"));
        MatrixClient client = mock.builder().stateStore(gate.store).build();
        client.sync().start();

        assertClosingWaitsForTheGate(client, gate);
    }

    @Test
    void closeWaitsForASendBeingRecorded() throws Exception {
        GatedStore gate = new GatedStore("markSendSent");
        mock.ok("{\"event_id\":\"$sent\"}");
        MatrixClient client = mock.builder().stateStore(gate.store).build();
        client.rooms().roomById(RoomId.of("!room:example.org")).sendText("hello");

        assertClosingWaitsForTheGate(client, gate);
    }

    @Test
    void closingTwiceLeavesTheSharedConnectionPoolToTheOtherClient() {
        MatrixClient first = mock.client();
        try (MatrixClient second = first.newBuilder().build()) {
            first.close();
            first.close();
            mock.ok("{\"versions\":[\"v1.16\"]}");
            assertEquals(List.of("v1.16"), second.server().versions().orTimeout(5, TimeUnit.SECONDS).join()
                    .versions());
        }
    }

    /** The gated call has started; close() must not return before it ends, and nothing may follow it. */
    private static void assertClosingWaitsForTheGate(MatrixClient client, GatedStore gate) throws Exception {
        assertTrue(gate.entered.await(5, TimeUnit.SECONDS), "the store call to hold up never came");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(client::close);
        Thread.sleep(300);
        assertFalse(closing.isDone(), "close() returned while mxj was still writing to the store");
        gate.release.countDown();
        closing.get(MatrixClient.CLOSE_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        assertTrue(gate.finished.get(), "close() returned before the store call ended");

        gate.closed.set(true);
        Thread.sleep(300);
        assertEquals(List.of(), gate.callsAfterClose, "store calls after close() returned");
    }

    /** A memory store, with a session, whose {@code gated} method waits for {@link #release}. */
    private final class GatedStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean finished = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        final List<String> callsAfterClose = new CopyOnWriteArrayList<>();
        final StateStore store;

        GatedStore(String gated) {
            MemoryStateStore memory = new MemoryStateStore();
            memory.saveSession(mock.session());
            store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                    new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                        if (closed.get()) {
                            callsAfterClose.add(method.getName());
                        }
                        boolean held = method.getName().equals(gated) && entered.getCount() > 0;
                        if (held) {
                            entered.countDown();
                            release.await(10, TimeUnit.SECONDS);
                        }
                        try {
                            return method.invoke(memory, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (held) {
                                finished.set(true);
                            }
                        }
                    });
        }
    }
}
