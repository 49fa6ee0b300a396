package dev.mxj.timeline;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.Room;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.sync.SyncFilter;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.TestUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Two users in one room on Dendrite: ALICE through an mxj client (a memory store, synced by the
 * test), BOB through raw HTTP calls; with builders of related events and a subscriber that records
 * every diff.
 */
final class LiveHarness implements AutoCloseable {
    private static final AtomicLong TXN = new AtomicLong(System.nanoTime());

    final RawClient alice;
    final RawClient bob;
    final MemoryStateStore store = new MemoryStateStore();
    final MatrixClient client;
    final RoomId roomId;
    final Room room;
    private final SyncSettings settings;

    /** A public room ALICE made and BOB joined; ALICE's client syncs with this timeline limit. */
    LiveHarness(Dendrite dendrite, TestUser a, TestUser b, int timelineLimit) {
        alice = new RawClient(dendrite.baseUrl(), a.userId(), a.accessToken());
        bob = new RawClient(dendrite.baseUrl(), b.userId(), b.accessToken());
        roomId = RoomId.of(alice.createRoom(Map.of("preset", "public_chat", "name", "aggregations")));
        bob.join(roomId.value());
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(a.userId()), DeviceId.of(a.deviceId()),
                a.accessToken()));
        client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).stateStore(store).build();
        room = client.rooms().roomById(roomId);
        settings = SyncSettings.defaults().withTimeout(Duration.ofMillis(300))
                .withFilter(SyncFilter.defaults().withTimelineLimit(timelineLimit));
    }

    /** Syncs until {@code condition} holds, for at most 30 s. */
    void syncUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            await(client.sync().syncOnce(settings));
        }
    }

    /** Syncs until the store has {@code event}. */
    void syncUntilStored(String event) {
        syncUntil("the store has " + event, () -> store.event(roomId, EventId.of(event)).isPresent());
    }

    String redact(RawClient who, String event) {
        return who.call("PUT", "/rooms/" + enc(roomId.value()) + "/redact/" + enc(event) + "/" + TXN.incrementAndGet(),
                Map.of("reason", "test")).string("event_id").orElseThrow();
    }

    String edit(RawClient who, String target, String body) {
        return who.sendEvent(roomId.value(), "m.room.message", Map.of("msgtype", "m.text", "body", "* " + body,
                "m.new_content", Map.of("msgtype", "m.text", "body", body),
                "m.relates_to", Map.of("rel_type", "m.replace", "event_id", target)));
    }

    String react(RawClient who, String target, String key) {
        return who.sendEvent(roomId.value(), "m.reaction", Map.of("m.relates_to",
                Map.of("rel_type", "m.annotation", "event_id", target, "key", key)));
    }

    String threadReply(RawClient who, String root, String body) {
        return who.sendEvent(roomId.value(), "m.room.message", Map.of("msgtype", "m.text", "body", body,
                "m.relates_to", Map.of("rel_type", "m.thread", "event_id", root, "is_falling_back", true,
                        "m.in_reply_to", Map.of("event_id", root))));
    }

    @Override
    public void close() {
        client.close();
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A subscriber that keeps the items its updates build, and every diff. */
    static final class Watch {
        private final BlockingQueue<TimelineUpdate> updates = new LinkedBlockingQueue<>();
        final List<TimelineItem> items = new ArrayList<>();
        final List<TimelineDiff> diffs = new ArrayList<>();

        void accept(TimelineUpdate update) {
            updates.add(update);
        }

        /** Applies the updates delivered so far. */
        Watch drain() {
            TimelineUpdate update;
            while ((update = updates.poll()) != null) {
                if (update instanceof TimelineUpdate.Snapshot snapshot) {
                    items.clear();
                    items.addAll(snapshot.items());
                } else {
                    List<TimelineDiff> batch = ((TimelineUpdate.Diffs) update).diffs();
                    diffs.addAll(batch);
                    batch.forEach(diff -> diff.applyTo(items));
                }
            }
            return this;
        }

        /** The event item of {@code eventId} in the items built so far. */
        Optional<TimelineItem.Event> item(String eventId) {
            return items.stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                    .filter(e -> e.eventId().map(EventId::value).filter(eventId::equals).isPresent()).findFirst();
        }

        /** True when the item of {@code eventId} is there and passes {@code test}. */
        boolean has(String eventId, Predicate<TimelineItem.Event> test) {
            return drain().item(eventId).filter(test).isPresent();
        }

        /** The IDs of the event items. */
        List<String> ids() {
            return items.stream().filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                    .map(e -> e.eventId().map(EventId::value).orElse("?")).toList();
        }
    }
}
