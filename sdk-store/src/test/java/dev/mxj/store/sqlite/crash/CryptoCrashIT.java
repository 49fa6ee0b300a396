package dev.mxj.store.sqlite.crash;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.store.sqlite.crash.CryptoBoard.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of the SQLite crypto store, proven: a child JVM ({@link SaveCryptoUntilKilled})
 * saves {@link CryptoWorkload}'s machine-like changes to the crypto tables of a {@link SqliteStore}
 * file and is killed with SIGKILL, many times, often inside a save's transaction; the next child
 * recovers the same file itself. After every kill a copy of the files must open and hold exactly
 * the state after some save {@code s}: no save the child saw return is missing, at most the one
 * under way is extra, no one-time key is both in the account and behind a stored Olm session (or
 * gone from both), no room key is lost, and every table reads as a {@link MemoryCryptoStore} with
 * saves 1..s applied.
 *
 * <p>No homeserver is involved: the saves are the machine's, the I/O between them is a pause.
 * System properties: {@code mxj.cryptoCrash.kills} (default 30), {@code mxj.cryptoCrash.seed}.
 */
class CryptoCrashIT {
    static final int KILLS = Integer.getInteger("mxj.cryptoCrash.kills", 30);
    static final long SEED = Long.getLong("mxj.cryptoCrash.seed", 20_260_206L);
    static final Duration FIRST_SAVE_TIMEOUT = Duration.ofSeconds(30);
    /** Kills aimed at any time land up to this long after the life's first save. */
    static final int MAX_ANY_TIME_MS = 400;
    /** Kills aimed at a save go for one up to this many saves into the life... */
    static final int MAX_SAVE_AIMED_AT = 40;
    /** ...and land up to this long after that save began. */
    static final int MAX_IN_SAVE_MICROS = 1500;

    @TempDir
    Path dir;
    private Path storeFile;
    private ChildRuns children;
    private CryptoBoard board;
    private Path boardFile;

    @Test
    void noOneTimeKeyIsReusedAndNoRoomKeyLostWhenTheSavingProcessIsKilled() throws Exception {
        long testStart = System.nanoTime();
        storeFile = dir.resolve("store").resolve("keys.db");
        children = new ChildRuns(dir);
        boardFile = dir.resolve("board");
        board = CryptoBoard.map(boardFile);
        Random random = new Random(SEED);
        MemoryCryptoStore model = new MemoryCryptoStore();
        Figures figures = new Figures();
        Process child = null;
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                board.reset();
                long spawned = System.nanoTime();
                child = spawn("life " + kill);
                Aim aim = Aim.pick(random, 4);
                int firstOfLife = -1;
                if (aim == Aim.START) {
                    TimeUnit.MILLISECONDS.sleep(figures.startDelayMillis(random));
                } else {
                    firstOfLife = awaitFirstSave(child, kill);
                    figures.started(System.nanoTime() - spawned);
                    if (aim == Aim.ANY_TIME) {
                        TimeUnit.MILLISECONDS.sleep(random.nextInt(MAX_ANY_TIME_MS + 1));
                    } else {
                        awaitSave(firstOfLife + random.nextInt(MAX_SAVE_AIMED_AT));
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(MAX_IN_SAVE_MICROS + 1)));
                    }
                }

                Phase phase = board.phase();
                int pending = board.pending();
                children.kill(child, "kill #" + kill);
                child = null;
                int saved = board.saved();

                String when = "after kill #" + kill + " (" + aim + ", phase " + phase + ", save " + pending
                        + " under way, save " + saved + " returned)";
                int s = checkCopy(model, figures.stored, when);
                assertTrue(s >= figures.stored, when + ": the store went back from save " + figures.stored
                        + " to " + s);
                assertTrue(s >= saved, when + ": save " + saved + " returned, but the store holds only save " + s);
                assertTrue(s <= Math.max(figures.stored, saved) + 1, when + ": the store holds save " + s
                        + ", more than the one under way");
                figures.killed(aim, phase, firstOfLife < 0 ? 0 : Math.max(0, saved - firstOfLife + 1));
                if (phase == Phase.SAVING && pending > figures.stored) {
                    figures.killedInSave(s == pending);
                }
                figures.stored = s;
            }
            // The original file, recovered by this process as the next start of the app would.
            try (SqliteStore store = SqliteStore.open(storeFile)) {
                CryptoStore keys = store.cryptoStore();
                int s = CryptoStateCheck.lastSave(keys);
                assertEquals(figures.stored, s, "at the end: the file and its last copy differ");
                CryptoStateCheck.promisesKept(keys, s, "at the end");
                CryptoStateCheck.sameAs(model, keys, s, "at the end");
            }
            figures.print(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStart));
            assertTrue(figures.inSaveCommitted + figures.inSaveRolledBack > 0,
                    "no kill landed inside a save; the test proved less than it should. Phases: " + figures.phases);
        } finally {
            ChildRuns.destroy(child);
        }
    }

    /**
     * Checks a copy of the killed child's files (see {@link ChildRuns#copyOf}) and brings
     * {@code model} to the save it holds.
     */
    private int checkCopy(MemoryCryptoStore model, int modelAt, String when) throws IOException {
        try (SqliteStore store = SqliteStore.open(children.copyOf(storeFile))) {
            CryptoStore keys = store.cryptoStore();
            int s = CryptoStateCheck.lastSave(keys);
            CryptoStateCheck.promisesKept(keys, s, when);
            for (int t = modelAt + 1; t <= s; t++) {
                model.save(CryptoWorkload.save(t));
            }
            if (s >= modelAt) {
                CryptoStateCheck.sameAs(model, keys, s, when);
            }
            return s;
        } catch (RuntimeException e) {
            throw new AssertionError(when + ": the store does not open or read: " + e, e);
        }
    }

    private Process spawn(String life) throws IOException {
        return children.start(life, "128m", SaveCryptoUntilKilled.class, storeFile.toString(), boardFile.toString());
    }

    /** Waits until the child's first save of this life has begun; returns its number. */
    private int awaitFirstSave(Process child, int kill) {
        children.await(child, "life " + kill, "its first save", () -> board.pending() >= 0, FIRST_SAVE_TIMEOUT,
                100_000, () -> "phase " + board.phase());
        return board.pending();
    }

    /** Waits (checking every 20 us) until save {@code n} has begun, or at most 10 s. */
    private void awaitSave(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (board.pending() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000);
        }
    }

    /**
     * What the kills hit, for the summary. {@link Aim#START} kills land from spawn until about the
     * first save; {@link Aim#ANY_TIME} up to 400 ms after the life's first save (in a save or between
     * two); {@link Aim#SAVE} 0-1.5 ms into a save.
     */
    private static final class Figures extends KillTally<Phase> {
        long savesInKilledLives;

        Figures() {
            super(Phase.class);
        }

        void killed(Aim aim, Phase phase, int saves) {
            killed(aim, phase);
            savesInKilledLives += saves;
        }

        void print(long seconds) {
            printKills("crypto_crash_kill_points", "Crypto store crash safety", SEED, "kills inside a save");
            System.out.println("  saves completed by killed lives: " + savesInKilledLives + "; the store ended at save "
                    + stored + ", consistent after every kill; " + seconds + " s in all");
        }
    }
}
