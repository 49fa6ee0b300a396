package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.store.StateStore;
import dev.mxj.store.StoredEvent;
import dev.mxj.sync.SyncFilter;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testing.RawClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline scenario against Dendrite, for any {@link StateStore}: 30 messages, a sync with a
 * timeline limit of 5 (limited: a gap), back-pagination to {@code m.room.create}, then a live append.
 * Public so that sdk-store runs it on a SQLite store and reopens the file.
 */
public final class TimelineScenario {
    /** What the scenario made: the room and its 30 (then 31) message IDs, oldest first. */
    public record Outcome(RoomId room, List<String> messages) {
    }

    private static final SyncSettings LIMIT_5 = SyncSettings.defaults()
            .withFilter(SyncFilter.defaults().withTimelineLimit(5)).withTimeout(Duration.ofSeconds(2));

    private TimelineScenario() {
    }

    /** Runs the scenario as the user with this access token and device on the server at {@code baseUrl}. */
    public static Outcome run(URI baseUrl, String userId, String deviceId, String accessToken, StateStore store)
            throws Exception {
        RawClient raw = new RawClient(baseUrl, userId, accessToken);
        RoomId room = RoomId.of(raw.createRoom(Map.of("name", "Timeline test", "preset", "private_chat")));
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            sent.add(raw.send(room.value(), "message " + i));
        }
        store.saveSession(Session.of(baseUrl, UserId.of(userId), DeviceId.of(deviceId), accessToken));
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(baseUrl).stateStore(store).build()) {
            syncUntil(client, () -> store.event(room, EventId.of(sent.get(29))).isPresent(), "the 30th message");
            assertTrue(!store.gaps(room).isEmpty(), "a limit of 5 leaves a gap");
            try (Timeline timeline = client.rooms().roomById(room).timeline()) {
                TimelineProtocolTest.Mirror mirror = new TimelineProtocolTest.Mirror();
                try (AutoCloseable sub = timeline.subscribe(mirror::accept)) {
                    assertInstanceOf(TimelineUpdate.Snapshot.class, mirror.next());
                    assertInstanceOf(TimelineItem.Gap.class, mirror.items.get(0));
                    PaginationResult result = new PaginationResult(0, false);
                    for (int pages = 0; !result.reachedStart() && pages < 20; pages++) {
                        result = timeline.paginateBackwards(10).get(20, TimeUnit.SECONDS);
                    }
                    assertTrue(result.reachedStart(), "paginated back to the start");
                    assertEquals(sent, messages(timeline.items()), "every message once, in order");
                    RoomEvent first = (RoomEvent) ((TimelineItem.Event) timeline.items().get(0)).event();
                    assertEquals("m.room.create", first.type());
                    assertEquals(List.of(), store.gaps(room));
                    assertEquals(sent, storedMessages(store, room), "persisted");

                    sent.add(raw.send(room.value(), "live message"));
                    syncUntil(client, () -> store.event(room, EventId.of(sent.get(30))).isPresent(), "the live one");
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!messages(mirror.items).equals(sent) && System.nanoTime() < deadline) {
                        mirror.next();
                    }
                    assertEquals(sent, messages(mirror.items), "the live message arrived as a diff");
                }
            }
        }
        return new Outcome(room, List.copyOf(sent));
    }

    /** The IDs of the {@code m.room.message} events the store holds for {@code room}, in order. */
    public static List<String> storedMessages(StateStore store, RoomId room) {
        List<String> out = new ArrayList<>();
        for (StoredEvent stored : store.latestEvents(room, 10_000)) {
            if (stored.event() instanceof RoomEvent event && event.type().equals("m.room.message")) {
                out.add(event.eventId().value());
            }
        }
        return out;
    }

    private static List<String> messages(List<TimelineItem> items) {
        List<String> out = new ArrayList<>();
        for (TimelineItem item : items) {
            if (item instanceof TimelineItem.Event e && e.event() instanceof RoomEvent event
                    && event.type().equals("m.room.message")) {
                out.add(event.eventId().value());
            }
        }
        return out;
    }

    private static void syncUntil(MatrixClient client, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Dendrite did not deliver within 30 s: " + what);
            }
            client.sync().syncOnce(LIMIT_5).join();
        }
    }
}
