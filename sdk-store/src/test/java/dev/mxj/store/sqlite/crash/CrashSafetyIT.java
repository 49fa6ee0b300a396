package dev.mxj.store.sqlite.crash;

import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomInfo;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.store.sqlite.crash.PhaseBoard.Phase;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety, proven: the sync loop runs on a {@link SqliteStore} in a child JVM
 * ({@link SyncUntilKilled}) against Dendrite while another user sends numbered messages, and is
 * killed with SIGKILL at many points, then restarted from the same file. After every kill a copy of
 * the files must open, read, and hold exactly {@code msg-0 .. msg-(k-1)} with nothing the child had
 * saved missing; at the end, after a last clean run, every message sent must be stored exactly
 * once, in order.
 *
 * <p>Kills are aimed (see {@link Aim}) at JVM start and store opening, at any time during syncing,
 * and into the SQLite transaction of a save; the {@link PhaseBoard} tells in which phase each one
 * landed.
 *
 * <p>System properties: {@code mxj.crash.kills} (default 50), {@code mxj.crash.seed},
 * {@code mxj.crash.sendIntervalMs} (default 50).
 */
@ExtendWith(DendriteExtension.class)
class CrashSafetyIT {
    static final int KILLS = Integer.getInteger("mxj.crash.kills", 50);
    static final long SEED = Long.getLong("mxj.crash.seed", 20_261_126L);
    static final Duration SEND_INTERVAL = Duration.ofMillis(Long.getLong("mxj.crash.sendIntervalMs", 50));
    /** Kill delays after the child's first request, spread over its phases. */
    static final int MIN_DELAY_MS = 50;
    static final int MAX_DELAY_MS = 1500;
    /** Kills aimed at a save go for one of the first this many saves of a life... */
    static final int MAX_SAVE_AIMED_AT = 5;
    /** ...and land up to this long after the save began. */
    static final int MAX_IN_SAVE_MICROS = 3000;
    static final Duration FIRST_POLL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private Path storeFile;
    private ChildRuns children;
    private PhaseBoard board;
    private Path boardFile;

    @Test
    void noEventIsLostOrDuplicatedWhenTheSyncingProcessIsKilled(Dendrite dendrite, TestUser sender, TestUser syncer)
            throws Exception {
        long testStart = System.nanoTime();
        storeFile = dir.resolve("store").resolve("syncer.db");
        children = new ChildRuns(dir);
        boardFile = dir.resolve("phase-board");
        board = PhaseBoard.map(boardFile);

        RawClient from = new RawClient(dendrite.baseUrl(), sender.userId(), sender.accessToken());
        RawClient to = new RawClient(dendrite.baseUrl(), syncer.userId(), syncer.accessToken());
        RoomId room = RoomId.of(from.createRoom(Map.of("preset", "private_chat", "name", "crash safety")));
        from.invite(room.value(), syncer.userId());
        to.join(room.value());
        try (SqliteStore store = SqliteStore.open(storeFile)) {
            store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(syncer.userId()),
                    DeviceId.of(syncer.deviceId()), syncer.accessToken()));
        }

        Random random = new Random(SEED);
        Figures figures = new Figures();
        Process child = null;
        try (MessageSender messages = MessageSender.start(from, room.value(), SEND_INTERVAL)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                messages.check();
                board.reset();
                long spawned = System.nanoTime();
                child = spawn("life " + kill);
                Aim aim = Aim.pick(random, 2);
                if (aim == Aim.START) {
                    TimeUnit.MILLISECONDS.sleep(figures.startDelayMillis(random));
                } else {
                    awaitFirstPoll(child, kill);
                    figures.started(System.nanoTime() - spawned);
                    if (aim == Aim.ANY_TIME) {
                        TimeUnit.MILLISECONDS.sleep(MIN_DELAY_MS + random.nextInt(MAX_DELAY_MS - MIN_DELAY_MS + 1));
                    } else {
                        awaitSave(1 + random.nextInt(MAX_SAVE_AIMED_AT));
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(MAX_IN_SAVE_MICROS + 1)));
                    }
                }

                int acked = messages.acked();
                Phase phase = board.phase();
                int maxSavedBefore = board.maxMessage();
                children.kill(child, "kill #" + kill);
                child = null;
                // Read after death: everything the child saw saved must be in the file.
                int savedInLife = board.saved();
                int maxSavedInLife = board.maxMessage();

                String when = "after kill #" + kill + " (" + aim + ", phase " + phase + ", " + savedInLife
                        + " syncs saved in this life, " + acked + " messages sent)";
                int stored = checkCopy(room, messages.eventIds(), when);
                assertTrue(stored >= figures.stored, when + ": the store went back from " + figures.stored
                        + " to " + stored + " messages");
                assertTrue(stored > maxSavedInLife, when + ": the child had saved msg-" + maxSavedInLife
                        + ", but the store holds only msg-0 to msg-" + (stored - 1));
                figures.killed(aim, phase, savedInLife, board.limited(), Math.max(0, acked - stored));
                if (phase == Phase.APPLYING && board.pending() > maxSavedBefore) {
                    // The save under way held msg-pending: it is in the store in full, or not at all.
                    figures.killedInSave(stored > board.pending());
                }
                figures.stored = stored;
            }

            List<String> sent = messages.stop();
            catchUp(sent.size());
            try (SqliteStore store = SqliteStore.open(storeFile)) {
                int stored = checkStore(store, room, sent, "at the end");
                assertEquals(sent.size(), stored, "at the end: every message sent must be stored");
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStart);
            figures.print(sent.size(), messages.retries(), seconds);
        } finally {
            ChildRuns.destroy(child);
        }
    }

    /** Starts a child JVM on the store; its output goes to the children's log. */
    private Process spawn(String life) throws IOException {
        return children.start(life, "256m", SyncUntilKilled.class, storeFile.toString(), boardFile.toString());
    }

    /**
     * Waits until save number {@code n} of this life has begun (checking every 50 us), or for at
     * most {@link #FIRST_POLL_TIMEOUT}.
     */
    private void awaitSave(int n) {
        long deadline = System.nanoTime() + FIRST_POLL_TIMEOUT.toNanos();
        while (board.saved() < n - 1 || board.phase() != Phase.APPLYING) {
            if (board.saved() >= n || System.nanoTime() > deadline) {
                return;
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private void awaitFirstPoll(Process child, int kill) {
        children.await(child, "life " + kill, "its first sync request", () -> board.polls() > 0, FIRST_POLL_TIMEOUT,
                TimeUnit.MILLISECONDS.toNanos(2), () -> "phase " + board.phase());
    }

    /** Checks a copy of the killed child's files (see {@link ChildRuns#copyOf}). */
    private int checkCopy(RoomId room, List<String> sentIds, String when) throws IOException {
        try (SqliteStore store = SqliteStore.open(children.copyOf(storeFile))) {
            return checkStore(store, room, sentIds, when);
        } catch (RuntimeException e) {
            throw new AssertionError(when + ": the store does not open or read: " + e, e);
        }
    }

    /** The store reads; its token and rooms agree; its timeline holds msg-0 .. msg-(k-1). Returns k. */
    private static int checkStore(SqliteStore store, RoomId room, List<String> sentIds, String when) {
        assertTrue(store.loadSession().isPresent(), when + ": the session is gone");
        Optional<String> token = store.syncToken();
        List<RoomInfo> rooms = store.rooms();
        if (token.isEmpty()) {
            assertTrue(rooms.isEmpty(), when + ": rooms were saved without a sync token: " + rooms);
            return 0;
        }
        Optional<RoomInfo> info = store.room(room);
        assertTrue(info.isPresent() && info.get().membership() == Membership.JOIN,
                when + ": the store has a sync token but not the joined room: " + rooms);
        return StoredTimeline.read(store, room).checkPrefix(sentIds, when);
    }

    /** Runs a child until it has saved message {@code count - 1}, then stops it cleanly. */
    private void catchUp(int count) throws Exception {
        board.reset();
        Process child = spawn("catch-up");
        try {
            children.await(child, "catch-up", "saving msg-" + (count - 1), () -> board.maxMessage() >= count - 1,
                    CATCH_UP_TIMEOUT, TimeUnit.MILLISECONDS.toNanos(10), () -> "it saved up to msg-" + board.maxMessage());
            OutputStream stdin = child.getOutputStream();
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "The last child did not stop within 30 s. Log:\n"
                    + children.tail());
            assertEquals(0, child.exitValue(), "The last child must stop cleanly. Log:\n" + children.tail());
            assertEquals(Phase.STOPPED, board.phase());
        } finally {
            ChildRuns.destroy(child);
        }
    }

    /**
     * What the kills hit, for the summary. {@link Aim#START} kills land from spawn until about the
     * first sync request; {@link Aim#ANY_TIME} 50-1500 ms after it (any phase, mostly the long poll);
     * {@link Aim#SAVE} 0-3 ms into one of the first saves of the life.
     */
    private static final class Figures extends KillTally<Phase> {
        int beforeFirstSave;
        int withUndelivered;
        int maxUndelivered;
        long savedSyncs;
        int limited;

        Figures() {
            super(Phase.class);
        }

        void killed(Aim aim, Phase phase, int saved, int limitedSyncs, int undelivered) {
            killed(aim, phase);
            beforeFirstSave += saved == 0 ? 1 : 0;
            withUndelivered += undelivered > 0 ? 1 : 0;
            maxUndelivered = Math.max(maxUndelivered, undelivered);
            savedSyncs += saved;
            limited += limitedSyncs;
        }

        void print(int sent, int retries, long seconds) {
            printKills("crash_kill_points", "Crash safety", SEED, "kills inside a save holding messages");
            System.out.println("  kills with sent messages not yet in the store: " + withUndelivered
                    + " (at most " + maxUndelivered + " messages); kills before the life's first save: "
                    + beforeFirstSave + "; syncs saved by killed lives: " + savedSyncs + " (" + limited + " limited)");
            System.out.println("  spawn to first sync request: " + typicalStartMillis() + " ms mean");
            System.out.println("  messages sent: " + sent + " (every " + SEND_INTERVAL.toMillis() + " ms, "
                    + retries + " retried sends), all stored once and in order; " + seconds + " s in all");
        }
    }
}
