package dev.mxj.store;

import dev.mxj.id.RoomId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.testing.SyncBuilders.SyncBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mxj.testing.SyncBuilders.ALICE;
import static dev.mxj.testing.SyncBuilders.member;
import static dev.mxj.testing.SyncBuilders.message;
import static dev.mxj.testing.SyncBuilders.room;
import static dev.mxj.testing.SyncBuilders.roomChanges;
import static dev.mxj.testing.SyncBuilders.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Part of {@link StateStoreContract}: readers that run while applies go on see each apply whole.
 * Apply number {@code g} writes token {@code t<g>} and names every room {@code gen-<g>}.
 */
public interface StateStoreConcurrencyTests {
    /** A new, empty store that the suite closes after the test. */
    StateStore stateStore() throws Exception;

    @Test
    @Timeout(120)
    default void readersNeverSeeHalfAnApply() throws Exception {
        StateStore store = stateStore();
        int applies = 40;
        List<RoomId> rooms = List.of(room(1), room(2), room(3));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger wholeReads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                try {
                    for (int g = 1; g <= applies; g++) {
                        SyncBuilder sync = sync("t" + g);
                        for (RoomId roomId : rooms) {
                            sync.room(roomChanges(RoomInfo.empty(roomId, Membership.JOIN).toBuilder()
                                    .name(Optional.of("gen-" + g)).build())
                                    .timeline(message("g" + g + "r" + roomId.value().charAt(5), ALICE, "gen " + g))
                                    .members(member(ALICE, Membership.JOIN, "gen-" + g)));
                        }
                        store.apply(sync.build());
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    do {
                        long before = generation(store.syncToken());
                        List<RoomInfo> seen = store.rooms();
                        long after = generation(store.syncToken());
                        if (seen.isEmpty()) {
                            assertEquals(0, before, "a token was saved before its rooms");
                            continue;
                        }
                        assertEquals(rooms.size(), seen.size(), "rooms of one apply seen in part: " + seen);
                        long g = generation(seen.get(0));
                        for (RoomInfo info : seen) {
                            assertEquals(g, generation(info), "rooms from two applies seen together: " + seen);
                        }
                        long events = store.latestEvents(rooms.get(0), 1_000).size();
                        long members = Long.parseLong(store.member(rooms.get(0), ALICE).orElseThrow().displayName()
                                .orElseThrow().substring(4));
                        // Each read sees a commit no older than the read before it.
                        String order = "token " + before + ", rooms " + g + ", token " + after + ", events "
                                + events + ", member gen " + members;
                        assertTrue(before <= g && g <= after && after <= events && events <= members, order);
                        wholeReads.incrementAndGet();
                    } while (writing.get());
                    return null;
                }));
            }
            start.countDown();
            writer.get(100, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.of("t" + applies), store.syncToken());
        assertTrue(wholeReads.get() > 0, "the readers never saw a store with rooms");
    }

    private static long generation(Optional<String> token) {
        return token.map(t -> Long.parseLong(t.substring(1))).orElse(0L);
    }

    private static long generation(RoomInfo info) {
        return Long.parseLong(info.name().orElseThrow().substring(4));
    }
}
