package dev.mxj.store.sqlite.crash;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.store.sqlite.crash.CryptoBoard.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private Path log;
    private CryptoBoard board;
    private Path boardFile;

    @Test
    void noOneTimeKeyIsReusedAndNoRoomKeyLostWhenTheSavingProcessIsKilled() throws Exception {
        long testStart = System.nanoTime();
        storeFile = dir.resolve("store").resolve("keys.db");
        log = dir.resolve("children.log");
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
                Aim aim = Aim.pick(random);
                int firstOfLife = -1;
                if (aim == Aim.START) {
                    TimeUnit.MILLISECONDS.sleep(random.nextInt((int) Math.max(1, figures.typicalStartMillis())));
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
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "kill #" + kill + ": the child did not die");
                assertEquals(137, child.exitValue(), "kill #" + kill + ": the child must die by SIGKILL; it exited"
                        + " on its own (did the store fail to open or save?). Log:\n" + tail());
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
            if (child != null) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Opens a copy of the killed child's files (database, WAL, shared memory), so that the next
     * child recovers the original itself; checks it and brings {@code model} to the save it holds.
     */
    private int checkCopy(MemoryCryptoStore model, int modelAt, String when) throws IOException {
        Path copies = Files.createDirectories(dir.resolve("check"));
        Path copy = copies.resolve(storeFile.getFileName());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path from = Path.of(storeFile + suffix);
            Path target = Path.of(copy + suffix);
            Files.deleteIfExists(target);
            if (Files.exists(from)) {
                Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try (SqliteStore store = SqliteStore.open(copy)) {
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
        Files.writeString(log, "=== " + life + " ===\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java,
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx128m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"),
                SaveCryptoUntilKilled.class.getName(), storeFile.toString(), boardFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Waits until the child's first save of this life has begun; returns its number. */
    private int awaitFirstSave(Process child, int kill) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_SAVE_TIMEOUT.toNanos();
        while (board.pending() < 0) {
            if (!child.isAlive()) {
                throw new AssertionError("life " + kill + ": the child exited (" + child.exitValue()
                        + ") before its first save. Log:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("life " + kill + ": no save within " + FIRST_SAVE_TIMEOUT + " (phase "
                        + board.phase() + "). Log:\n" + tail());
            }
            LockSupport.parkNanos(100_000);
        }
        return board.pending();
    }

    /** Waits (checking every 20 us) until save {@code n} has begun, or at most 10 s. */
    private void awaitSave(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (board.pending() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** Where a kill is aimed. */
    enum Aim {
        /** At a random time from spawn until about the first save: JVM start, opening the store. */
        START,
        /** At a random time up to 400 ms after the life's first save: in a save or between two. */
        ANY_TIME,
        /** Into a save (its SQLite transaction), 0-1.5 ms after it began. */
        SAVE;

        /** One kill in 10 at the start, 4 into a save, the rest at any time. */
        static Aim pick(Random random) {
            int r = random.nextInt(10);
            return r == 0 ? START : r <= 4 ? SAVE : ANY_TIME;
        }
    }

    /** What the kills hit, for the summary. */
    private static final class Figures {
        final Map<Aim, Integer> aims = new EnumMap<>(Aim.class);
        final Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
        int kills;
        long savesInKilledLives;
        int inSaveCommitted;
        int inSaveRolledBack;
        int stored;
        long startNanos;
        int starts;

        void started(long nanos) {
            startNanos += nanos;
            starts++;
        }

        long typicalStartMillis() {
            return starts == 0 ? 1000 : TimeUnit.NANOSECONDS.toMillis(startNanos / starts);
        }

        void killed(Aim aim, Phase phase, int saves) {
            kills++;
            aims.merge(aim, 1, Integer::sum);
            phases.merge(phase, 1, Integer::sum);
            savesInKilledLives += saves;
        }

        void killedInSave(boolean committed) {
            if (committed) {
                inSaveCommitted++;
            } else {
                inSaveRolledBack++;
            }
        }

        void print(long seconds) {
            System.out.println("RESULT crypto_crash_kill_points " + kills + " kills");
            System.out.println("Crypto store crash safety: " + kills + " SIGKILLs (seed " + SEED + "), aimed " + aims
                    + "; phase when the kill was sent: " + phases);
            System.out.println("  kills inside a save: " + (inSaveCommitted + inSaveRolledBack) + " ("
                    + inSaveRolledBack + " rolled back, " + inSaveCommitted + " had committed)");
            System.out.println("  saves completed by killed lives: " + savesInKilledLives + "; the store ended at save "
                    + stored + ", consistent after every kill; " + seconds + " s in all");
        }
    }
}
