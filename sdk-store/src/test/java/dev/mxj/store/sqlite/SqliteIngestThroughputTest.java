package dev.mxj.store.sqlite;

import dev.mxj.event.RoomEvent;
import dev.mxj.event.SyncEvent;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Membership;
import dev.mxj.room.RoomMember;
import dev.mxj.store.StateChanges;
import dev.mxj.testing.SyncBuilders;
import dev.mxj.testing.SyncBuilders.SyncBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.mxj.testing.SyncBuilders.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast one big sync goes in: 1,000 rooms of 130 timeline events each (10 of them member state
 * events, also saved as state and members), in one apply. Logs the figure and checks only that
 * everything arrived: timing belongs in a benchmark harness, not in an assertion.
 */
class SqliteIngestThroughputTest {
    private static final Logger log = LoggerFactory.getLogger(SqliteIngestThroughputTest.class);
    private static final int ROOMS = 1_000;
    private static final int EVENTS_PER_ROOM = 130;
    private static final int MEMBERS_PER_ROOM = 10;

    @TempDir
    Path dir;

    @Test
    void ingestsOneBigSync() {
        Random random = new Random(42);
        try (SqliteStore warmUp = SqliteStore.open(dir.resolve("warm-up.db"))) {
            warmUp.apply(bigSync("w", 100, random));
        }
        StateChanges first = bigSync("a", ROOMS, random);
        StateChanges second = bigSync("b", ROOMS, random);
        try (SqliteStore store = SqliteStore.open(dir.resolve("big.db"))) {
            int events = ROOMS * EVENTS_PER_ROOM;
            log.info("Ingested {} events ({} rooms x {}) in one apply into an empty store: {}", events, ROOMS,
                    EVENTS_PER_ROOM, timed(store, first, events));
            log.info("Ingested {} more events into a store that held as many: {}", events,
                    timed(store, second, events));
            RoomId last = SyncBuilders.room(ROOMS - 1);
            assertEquals(ROOMS, store.rooms().size());
            assertEquals(2 * EVENTS_PER_ROOM, store.latestEvents(last, 1_000).size());
            assertEquals(MEMBERS_PER_ROOM * 2, store.members(last).size());
        }
    }

    /**
     * Applies {@code changes} and says how long it took: wall time (with the commit's disk writes)
     * and this thread's CPU time, which varies less on a busy machine.
     */
    private static String timed(SqliteStore store, StateChanges changes, int events) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        store.apply(changes);
        long wallMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        return wallMs + " ms wall (" + events * 1000L / wallMs + " events/s), " + cpuMs + " ms CPU";
    }

    /** {@code rooms} rooms, each with {@link #EVENTS_PER_ROOM} events with realistic IDs and sizes. */
    private static StateChanges bigSync(String batch, int rooms, Random random) {
        SyncBuilder sync = SyncBuilders.sync("token-" + batch);
        for (int r = 0; r < rooms; r++) {
            List<SyncEvent> timeline = new ArrayList<>();
            List<RoomEvent> state = new ArrayList<>();
            List<RoomMember> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_ROOM; m++) {
                UserId user = UserId.of("@user" + batch + m + ":example.org");
                RoomEvent join = SyncBuilders.state(hashId(random), "m.room.member", user.value(), user,
                        obj("membership", "join", "displayname", "User " + batch + m,
                                "avatar_url", "mxc://example.org/avatar" + m));
                timeline.add(join);
                state.add(join);
                members.add(SyncBuilders.member(user, Membership.JOIN, "User " + batch + m));
            }
            for (int e = MEMBERS_PER_ROOM; e < EVENTS_PER_ROOM; e++) {
                timeline.add(SyncBuilders.message(hashId(random), SyncBuilders.ALICE,
                        "Message " + e + " of room " + r + ": a line of chat about the weather, lunch and the build."));
            }
            sync.room(SyncBuilders.roomChanges(SyncBuilders.info(SyncBuilders.room(r), "Room " + r))
                    .state(state.toArray(RoomEvent[]::new)).timeline(timeline)
                    .members(members.toArray(RoomMember[]::new)).limited(Optional.of("prev-" + batch + r)));
        }
        return sync.build();
    }

    /** A room-version-4+ style event ID name: 43 URL-safe base64 characters of a random hash. */
    private static String hashId(Random random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
