package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads never wait for writes, and writes wait (a bounded time) for other writers. */
@Timeout(30)
class SqliteLockingTest {
    @TempDir
    Path dir;

    static Session session(String accessToken) {
        return Session.of(URI.create("https://hs.example.org"), UserId.of("@carol:example.org"),
                DeviceId.of("CAROL"), accessToken);
    }

    @Test
    void aReadDuringALongWriteSeesTheLastCommit() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("long-write.db"))) {
            store.saveSession(session("syt_old"));
            CountDownLatch inTransaction = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() ->
                    store.database().write("write slowly", connection -> {
                        SessionTable.save(connection, session("syt_new"));
                        inTransaction.countDown();
                        await(release);
                        return null;
                    }));
            assertTrue(inTransaction.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertEquals(Optional.of(session("syt_old")), store.loadSession());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < SqliteDatabase.BUSY_TIMEOUT_MS, "reads waited " + millis + " ms for the writer");

            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(session("syt_new")), store.loadSession());
        }
    }

    @Test
    void aReadWhileAnotherProcessWritesDoesNotFail() throws Exception {
        Path file = dir.resolve("other-process.db");
        try (SqliteStore store = SqliteStore.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            store.saveSession(session("syt_old"));
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("UPDATE session SET access_token = 'syt_other'");
            assertEquals(Optional.of(session("syt_old")), store.loadSession());
            s.execute("COMMIT");
            assertEquals(Optional.of(session("syt_other")), store.loadSession());
        }
    }

    @Test
    void aWriteWaitsForAnotherProcessToCommit() throws Exception {
        Path file = dir.resolve("waiting.db");
        try (SqliteStore store = SqliteStore.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            CompletableFuture<Void> save = CompletableFuture.runAsync(() -> store.saveSession(session("syt_mine")));
            Thread.sleep(300);
            assertTrue(!save.isDone(), "the save should wait for the other writer");
            s.execute("COMMIT");
            save.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(session("syt_mine")), store.loadSession());
        }
    }

    @Test
    void aWriteBlockedTooLongSaysWhy() throws Exception {
        Path file = dir.resolve("blocked.db");
        try (SqliteStore store = SqliteStore.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            store.saveSession(session("syt_kept"));
            s.execute("BEGIN IMMEDIATE");
            StoreException e = assertThrows(StoreException.class, () -> store.saveSession(session("syt_lost")));
            s.execute("ROLLBACK");
            assertTrue(e.getMessage().contains("Could not save the session"), e.getMessage());
            assertTrue(e.getMessage().contains("one client"), e.getMessage());
            assertTrue(!e.getMessage().contains("syt_lost"), e.getMessage());
            assertEquals(Optional.of(session("syt_kept")), store.loadSession());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
