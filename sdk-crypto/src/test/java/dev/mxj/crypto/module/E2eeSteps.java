package dev.mxj.crypto.module;

import dev.mxj.MatrixClient;
import dev.mxj.event.Decrypted;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.store.StoredEvent;
import dev.mxj.sync.SyncSettings;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps the end-to-end encryption integration tests share (on Dendrite, in sdk-crypto and
 * sdk-store): an encrypted room of two clients, syncing until something holds, reading what a
 * timeline decrypted. Every wait has a deadline and fails the test with what it waited for.
 */
public final class E2eeSteps {
    /** Syncs that return quickly when nothing is new. */
    public static final SyncSettings QUICK = SyncSettings.defaults().withTimeout(Duration.ofMillis(200));

    private E2eeSteps() {
    }

    /** A private, encrypted room that {@code a} creates and {@code b} (user {@code bob}) joins; both know it. */
    public static Room encryptedRoom(MatrixClient a, MatrixClient b, TestUser bob) {
        Room room = await(a.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).encrypted()
                .invite(UserId.of(bob.userId())).build()));
        await(b.rooms().join(room.roomId(), List.of()));
        syncUntil(b, () -> b.rooms().roomById(room.roomId()).isEncrypted(), "bob knows the room encrypted");
        syncUntil(a, () -> joined(a, room.roomId()) == 2, "alice sees bob joined");
        return room;
    }

    /** The room's joined members as {@code client} knows them (0 while it does not know the room). */
    public static long joined(MatrixClient client, RoomId roomId) {
        Room room = client.rooms().roomById(roomId);
        return room.isStored() ? room.info().joinedMemberCount() : 0;
    }

    /** The event as {@code client}'s timeline decrypted it, syncing until it has (20 s at most). */
    public static Decrypted decryptedIn(MatrixClient client, RoomId roomId, EventId id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Timeline timeline = client.rooms().roomById(roomId).timeline()) {
                Optional<TimelineItem.Event> item = timeline.items().stream()
                        .filter(TimelineItem.Event.class::isInstance).map(TimelineItem.Event.class::cast)
                        .filter(i -> i.eventId().equals(Optional.of(id))).findFirst();
                if (item.isPresent() && item.get().decryption() instanceof Decrypted d) {
                    return d;
                }
                assertTrue(System.nanoTime() < deadline, () -> id + " never decrypted: "
                        + item.map(TimelineItem.Event::decryption).orElse(null));
            }
            await(client.sync().syncOnce(QUICK));
        }
    }

    /** The body of a decrypted text message. */
    public static String body(Decrypted decrypted) {
        return assertInstanceOf(RoomMessageContent.class, decrypted.event().content()).body();
    }

    /** The Megolm session an encrypted event was sent in. */
    public static String sessionOf(RoomEvent event) {
        return event.raw().object("content").flatMap(c -> c.string("session_id")).orElseThrow();
    }

    /** The event as {@code client}'s store holds it, if among the room's latest 100. */
    public static Optional<RoomEvent> stored(MatrixClient client, RoomId room, EventId id) {
        return client.rooms().roomById(room).latestEvents(100).stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                .filter(e -> e.eventId().equals(id)).findFirst();
    }

    /** Syncs {@code client} until {@code condition} holds (20 s at most). */
    public static void syncUntil(MatrixClient client, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + what);
            await(client.sync().syncOnce(QUICK));
        }
    }

    /** The future's value, failing after 30 s. */
    public static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
