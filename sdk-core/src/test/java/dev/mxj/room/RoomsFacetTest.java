package dev.mxj.room;

import dev.mxj.MatrixClient;
import dev.mxj.id.RoomId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.StateStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code client.rooms()} over the spec's own /sync example. */
class RoomsFacetTest {
    @Test
    void roomListAndRoomsFromTheSpecExample() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore store = new MemoryStateStore();
            store.saveSession(mock.session());
            mock.ok("{\"filter_id\":\"1\"}").ok(MockHomeserver.resource("/spec-examples/sync/sync-response.json"));
            try (MatrixClient client = mock.builder().stateStore(store).build()) {
                CompletableFuture<RoomList> changed = new CompletableFuture<>();
                try (AutoCloseable sub = client.rooms().onListChanged(changed::complete)) {
                    assertTrue(client.rooms().list().rooms().isEmpty(), "nothing before the first sync");
                    client.sync().syncOnce().join();
                    RoomList list = changed.get(5, TimeUnit.SECONDS);
                    assertEquals(list, client.rooms().list());
                    assertEquals(List.of(RoomId.of("!726s6s6q:example.com")),
                            list.rooms().stream().map(RoomInfo::roomId).toList());
                    assertEquals(List.of(RoomId.of("!696r7674:example.com")),
                            list.invites().stream().map(RoomInfo::roomId).toList());
                    assertEquals(List.of(RoomId.of("!223asd456:example.com")),
                            list.knocks().stream().map(RoomInfo::roomId).toList());
                }
                Room joined = client.rooms().room(RoomId.of("!726s6s6q:example.com")).orElseThrow();
                assertTrue(!joined.latestEvents(10).isEmpty());
                assertTrue(!joined.displayName().text().isEmpty());
                assertTrue(client.rooms().room(RoomId.of("!unknown:example.com")).isEmpty());
            }
        }
    }

    @Test
    void theListIsReadFromTheStoreOnlyWhenSomeoneListens() throws Exception {
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemoryStateStore memory = new MemoryStateStore();
            memory.saveSession(mock.session());
            AtomicInteger listReads = new AtomicInteger();
            StateStore store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                    new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("rooms")) {
                            listReads.incrementAndGet();
                        }
                        try {
                            return method.invoke(memory, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            String example = MockHomeserver.resource("/spec-examples/sync/sync-response.json");
            mock.ok("{\"filter_id\":\"1\"}").ok(example).ok(example.replace("s72595_4483_1934", "s2"))
                    .ok(example.replace("s72595_4483_1934", "s3")).ok(example.replace("s72595_4483_1934", "s4"));
            try (MatrixClient client = mock.builder().stateStore(store).build()) {
                client.sync().syncOnce().join();
                int afterFirst = listReads.get(); // the first sync reads the stored rooms once, to process
                client.sync().syncOnce().join();
                Thread.sleep(200); // room-list work runs on the callback thread
                assertEquals(afterFirst, listReads.get(), "no listener: the room list is not read");
                LinkedBlockingQueue<RoomList> lists = new LinkedBlockingQueue<>();
                try (AutoCloseable sub = client.rooms().onListChanged(lists::add)) {
                    client.sync().syncOnce().join();
                    assertEquals(client.rooms().list(), lists.poll(5, TimeUnit.SECONDS));
                    client.sync().syncOnce().join();
                    // The next list is the last one updated with the synced rooms: no read, same list.
                    assertEquals(client.rooms().list(), lists.poll(5, TimeUnit.SECONDS));
                    assertEquals(afterFirst + 3, listReads.get(),
                            "one read for the listener's first list; the other two are this test's own");
                }
            }
        }
    }
}
