package dev.mxj.sync;

import dev.mxj.MatrixClient;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.store.RoomChanges;
import dev.mxj.store.StateChanges;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.mxj.internal.sync.SyncJson.TS;
import static dev.mxj.internal.sync.SyncJson.message;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.sync.LoopFixture.await;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's protocol: filter upload, tokens, request parameters, listeners, stop. */
class SyncLoopTest {
    private static final RoomId ROOM = RoomId.of("!room:example.org");
    private final LoopFixture f = new LoopFixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void filterIsUploadedOnceAndReusedByLaterSyncsAndClients() {
        f.filter("f1").ok(sync("s1").json()).ok(sync("s2").json());
        f.sync().syncOnce().join();
        f.sync().syncOnce().join();

        RecordedRequest upload = f.take();
        assertEquals("POST", upload.getMethod());
        assertEquals("/_matrix/client/v3/user/" + USER.value() + "/filter", upload.getUrl().encodedPath().replace("%40", "@"));
        assertEquals(SyncFilter.defaults().json(), RawJson.parse(upload.getBody().utf8()));
        RecordedRequest first = f.takeSync();
        assertEquals("f1", first.getUrl().queryParameter("filter"));
        assertNull(first.getUrl().queryParameter("since"));
        assertEquals("0", first.getUrl().queryParameter("timeout"), "the first sync does not long-poll");
        RecordedRequest second = f.takeSync();
        assertEquals("f1", second.getUrl().queryParameter("filter"));
        assertEquals("s1", second.getUrl().queryParameter("since"));
        assertEquals(Optional.of("s2"), f.store.syncToken());

        try (MatrixClient again = f.mock.builder().stateStore(f.store).build()) {
            f.ok(sync("s3").json());
            again.sync().syncOnce().join();
            RecordedRequest third = f.takeSync();
            assertEquals("f1", third.getUrl().queryParameter("filter"), "the store remembers the filter ID");
            assertEquals("s2", third.getUrl().queryParameter("since"));
        }
        f.filter("f2").ok(sync("s4").json());
        f.sync().syncOnce(SyncSettings.defaults().withFilter(SyncFilter.defaults().withTimelineLimit(5))).join();
        assertEquals("POST", f.take().getMethod(), "a changed filter is uploaded anew");
        assertEquals("f2", f.takeSync().getUrl().queryParameter("filter"));
    }

    @Test
    void loopAdvancesTheTokenSavesAndNotifies() throws Exception {
        List<RoomChanges> rooms = new CopyOnWriteArrayList<>();
        List<StateChanges> all = new CopyOnWriteArrayList<>();
        f.sync().onRoomUpdate(rooms::add);
        f.sync().onChanges(all::add);
        f.filter("f1")
                .ok(sync("s1").join(ROOM, r -> r.state(roomState("$n", "m.room.name", obj("name", "Lobby")))).json())
                .ok(sync("s2").join(ROOM, r -> r.timeline(message("$m", USER, TS, "hi"))).json());
        f.sync().start(SyncSettings.defaults().withTimeout(Duration.ofSeconds(7)).withSetPresence(SetPresence.OFFLINE));

        f.take();
        assertNull(f.takeSync().getUrl().queryParameter("since"));
        RecordedRequest second = f.takeSync();
        assertEquals("s1", second.getUrl().queryParameter("since"));
        assertEquals("7000", second.getUrl().queryParameter("timeout"));
        assertEquals("offline", second.getUrl().queryParameter("set_presence"));
        assertNull(second.getUrl().queryParameter("full_state"));
        assertEquals("s2", f.takeSync().getUrl().queryParameter("since"), "the third request hangs: a long poll");

        await(() -> all.size() == 2 && rooms.size() == 2, "both responses are announced");
        assertEquals(Optional.of("s2"), f.store.syncToken());
        assertEquals(Optional.of("Lobby"), f.store.room(ROOM).orElseThrow().name());
        assertEquals(1, f.store.latestEvents(ROOM, 10).size());
        assertEquals(List.of("s1", "s2"), all.stream().map(StateChanges::nextBatch).toList());
        assertInstanceOf(SyncState.Running.class, f.sync().state());
        f.sync().stop().get(2, TimeUnit.SECONDS);
        assertInstanceOf(SyncState.Idle.class, f.sync().state());
    }

    @Test
    void stopCancelsTheLongPollPromptly() throws Exception {
        f.filter("f1").ok(sync("s1").json());
        f.sync().start();
        f.take();
        f.takeSync();
        f.takeSync();
        long start = System.nanoTime();
        f.sync().stop().get(2, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1000, "stop took " + ms + " ms");
        Thread.sleep(100);
        assertEquals(3, f.mock.requestCount(), "nothing is sent after stop");
        await(() -> f.stateNames().equals(List.of("Running", "Idle")), "Running, then Idle");
        f.ok(sync("s2").json());
        f.sync().start();
        assertEquals("s1", f.takeSync().getUrl().queryParameter("since"), "a new start resumes from the token");
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void fullStateIsAskedOnlyByTheFirstRequestOfARun() throws Exception {
        f.filter("f1").ok(sync("s1").json()).ok(sync("s2").json());
        f.sync().syncOnce().join();
        f.take();
        f.takeSync();
        f.sync().start(SyncSettings.defaults().withFullState(true));
        RecordedRequest full = f.takeSync();
        assertEquals("true", full.getUrl().queryParameter("full_state"));
        assertEquals("0", full.getUrl().queryParameter("timeout"), "the server ignores the timeout with full_state");
        RecordedRequest next = f.takeSync();
        assertNull(next.getUrl().queryParameter("full_state"));
        assertEquals("30000", next.getUrl().queryParameter("timeout"));
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void aThrowingListenerIsIsolated() throws Exception {
        List<RoomChanges> seen = new CopyOnWriteArrayList<>();
        f.sync().onRoomUpdate(r -> {
            throw new IllegalStateException("listener bug");
        });
        f.sync().onRoomUpdate(seen::add);
        f.filter("f1").ok(sync("s1").join(ROOM, r -> r.unread(1, 0)).json())
                .ok(sync("s2").join(ROOM, r -> r.unread(2, 0)).json());
        f.sync().start();
        await(() -> seen.size() == 2, "the second listener saw both syncs");
        assertInstanceOf(SyncState.Running.class, f.sync().state());
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void progressIsReportedForTheFirstSyncOnly() {
        List<SyncProgress> progress = new CopyOnWriteArrayList<>();
        f.sync().onProgress(progress::add);
        f.filter("f1")
                .ok(sync("s1").join(RoomId.of("!a:x.org"), r -> r.unread(0, 0))
                        .join(RoomId.of("!b:x.org"), r -> r.unread(0, 0)).invite(RoomId.of("!c:x.org")).json())
                .ok(sync("s2").join(RoomId.of("!a:x.org"), r -> r.unread(1, 0)).json());
        f.sync().syncOnce().join();
        await(() -> progress.size() == 3, "three rooms reported");
        assertEquals(new SyncProgress(3, 3), progress.get(2));
        assertTrue(progress.get(2).isDone());
        f.sync().syncOnce().join();
        assertEquals(3, progress.size(), "no progress for incremental syncs");
    }

    @Test
    void syncOnceIsRefusedWhileTheLoopRuns() throws Exception {
        f.filter("f1").ok(sync("s1").json());
        f.sync().start();
        CompletionException e = assertThrows(CompletionException.class, () -> f.sync().syncOnce().join());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        f.sync().stop().get(2, TimeUnit.SECONDS);
    }

    @Test
    void startingWithoutASessionTerminates() {
        try (MatrixClient anonymous = f.mock.builder().build()) {
            anonymous.sync().start();
            assertInstanceOf(SyncState.Terminated.class, anonymous.sync().state());
        }
    }
}
