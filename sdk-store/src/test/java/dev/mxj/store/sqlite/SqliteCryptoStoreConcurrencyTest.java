package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.id.DeviceId;
import dev.mxj.testing.SyncBuilders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.inbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads while saves run: they never wait for a save, never fail, and never see part of one (an
 * outbound session is read with exactly the share list it was saved with). Saves from several
 * threads, and sync saves of the {@link SqliteStore} in the same file, take turns.
 */
@Timeout(60)
class SqliteCryptoStoreConcurrencyTest {
    static final int SAVES = 300;
    static final int READERS = 3;

    @TempDir
    Path dir;

    @Test
    void aReadDuringALongSaveSeesTheLastCommitAtOnce() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("long-save.db"))) {
            store.save(CryptoChanges.builder().account(account("old", 1)).build());
            CountDownLatch inTransaction = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() ->
                    store.database().write("save slowly", connection -> {
                        CryptoWriter.write(connection, CryptoChanges.builder().account(account("new", 2)).build());
                        inTransaction.countDown();
                        await(release);
                        return null;
                    }));
            assertTrue(inTransaction.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertEquals(Optional.of(account("old", 1)), store.account());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < SqliteDatabase.BUSY_TIMEOUT_MS, "reads waited " + millis + " ms for the save");

            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(account("new", 2)), store.account());
        }
    }

    @Test
    void readersSeeEverySaveWhole() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("readers.db"))) {
            store.save(step(0));
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                Thread reader = new Thread(() -> {
                    try {
                        long lastRoomKeys = 0;
                        while (!done.get() && failure.get() == null) {
                            StoredOutboundGroupSession out = store.outboundGroupSession(ROOM).orElseThrow();
                            int n = Integer.parseInt(out.sessionId().substring(1));
                            assertEquals(shares(n), out.sharedWith(), "the share list of o" + n);
                            assertEquals(n, out.messageCount());
                            long roomKeys = store.inboundGroupSessions(ROOM).size();
                            assertTrue(roomKeys >= lastRoomKeys, "room keys went from " + lastRoomKeys + " to "
                                    + roomKeys);
                            assertTrue(roomKeys >= n + 1, "o" + n + " was saved with g" + n + ", but only "
                                    + roomKeys + " room keys are there");
                            lastRoomKeys = roomKeys;
                            reads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "reader-" + r);
                reader.start();
                readers.add(reader);
            }
            for (int n = 1; n <= SAVES && failure.get() == null; n++) {
                store.save(step(n));
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(20));
            }
            assertNull(failure.get(), () -> "a reader failed: " + failure.get());
            assertTrue(reads.get() > READERS, "the readers read " + reads.get() + " times");
            assertEquals(SAVES + 1, store.inboundGroupSessions(ROOM).size());
        }
    }

    @Test
    void cryptoSavesAndSyncSavesInOneFileTakeTurns() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("shared.db"))) {
            CompletableFuture<Void> syncs = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 50; i++) {
                    store.apply(SyncBuilders.sync("s" + i).room(SyncBuilders.roomChanges(SyncBuilders.room(1))
                            .timeline(SyncBuilders.message("m" + i, SyncBuilders.ALICE, "message " + i))).build());
                }
            });
            CompletableFuture<Void> otherThread = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 100; i++) {
                    store.cryptoStore().save(CryptoChanges.builder().olmSession(olm("keyC", "c" + i, "p", i)).build());
                }
            });
            for (int i = 0; i < 100; i++) {
                store.cryptoStore().save(CryptoChanges.builder().olmSession(olm("keyB", "b" + i, "p", i)).build());
            }
            syncs.get(30, TimeUnit.SECONDS);
            otherThread.get(30, TimeUnit.SECONDS);

            assertEquals(Optional.of("s50"), store.syncToken());
            assertEquals(50, store.latestEvents(SyncBuilders.room(1), 100).size());
            assertEquals(100, store.cryptoStore().olmSessions("keyB").size());
            assertEquals(100, store.cryptoStore().olmSessions("keyC").size());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Save {@code n}: outbound session o{n} with its own share list, and room key g{n}. */
    private static CryptoChanges step(int n) {
        return CryptoChanges.builder()
                .outboundGroupSession(new StoredOutboundGroupSession(ROOM, "o" + n, "pickle-" + n, 1000, n,
                        604_800_000L, 100, false, shares(n)))
                .inboundGroupSession(inbound(ROOM, "g" + n, "room-key-" + n))
                .build();
    }

    /** 1 to 40 entries, all naming {@code n}, so a list mixed from two saves shows. */
    private static List<ShareEntry> shares(int n) {
        List<ShareEntry> out = new ArrayList<>();
        for (int i = 0; i <= n % 40; i++) {
            out.add(new ShareEntry(BOB, DeviceId.of("D" + i), "curve-" + i, n, Optional.empty(),
                    i % 2 == 0 ? Optional.of("req-" + n) : Optional.empty()));
        }
        return out;
    }
}
