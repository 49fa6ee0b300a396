package dev.mxj.examples;

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
import dev.mxj.timeline.Timeline;
import dev.mxj.timeline.TimelineItem;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Two local users talk end-to-end encrypted: Alice makes an encrypted room and invites Bob; each
 * message leaves encrypted with Megolm (its room key sent to the other's device over Olm), the
 * server stores only {@code m.room.encrypted}, and the other side's timeline shows it decrypted.
 * Both clients run sdk-crypto's OlmMachine on libolm.
 */
final class EncryptedConversation {
    private static final SyncSettings QUICK = SyncSettings.defaults().withTimeout(Duration.ofMillis(500));
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Consumer<String> say;

    EncryptedConversation(Consumer<String> say) {
        this.say = say;
    }

    void run(MatrixClient alice, MatrixClient bob) {
        UserId bobId = bob.session().orElseThrow().userId();
        Room aliceRoom = alice.rooms().create(CreateRoomRequest.builder().name("mxj encrypted demo room")
                .preset(Preset.PRIVATE_CHAT).encrypted().invite(bobId).build()).join();
        RoomId roomId = aliceRoom.roomId();
        say.accept("Alice created the end-to-end encrypted room " + roomId + " and invited " + bobId);
        bob.rooms().join(roomId).join();
        syncUntil(bob, () -> bob.rooms().roomById(roomId).isEncrypted());
        syncUntil(alice, () -> aliceRoom.isStored() && aliceRoom.info().joinedMemberCount() == 2);
        say.accept("Bob joined the encrypted room");

        send(alice, "Alice", bob, "Bob", roomId, "Our secret: the cake is in the blue cupboard.");
        send(bob, "Bob", alice, "Alice", roomId, "Thanks, I will keep it between us.");
    }

    /** One message: sent encrypted, stored encrypted by the server, decrypted by the other side. */
    private void send(MatrixClient from, String fromName, MatrixClient to, String toName, RoomId roomId,
                      String text) {
        EventId id = from.rooms().roomById(roomId).sendText(text).sent().join();
        say.accept(fromName + " → " + toName + " (encrypted): " + text);
        RoomEvent received = syncUntilPresent(to, () -> stored(to, roomId, id));
        String algorithm = received.raw().object("content").flatMap(c -> c.string("algorithm")).orElse("?");
        say.accept("  the server holds it as " + received.type() + " (" + algorithm + "), "
                + (received.raw().json().contains(text) ? "WITH the plaintext" : "not the plaintext"));
        Decrypted decrypted;
        try (Timeline timeline = to.rooms().roomById(roomId).timeline()) {
            decrypted = syncUntilPresent(to, () -> decryptedItem(timeline, id));
        }
        String body = ((RoomMessageContent) decrypted.event().content()).body();
        say.accept(toName + " decrypted it: " + body + " (sent by device "
                + decrypted.sender().deviceId().map(Object::toString).orElse("?") + ", "
                + decrypted.sender().trust().toString().toLowerCase(Locale.ROOT) + ")");
    }

    private static Optional<Decrypted> decryptedItem(Timeline timeline, EventId id) {
        return timeline.items().stream().filter(TimelineItem.Event.class::isInstance)
                .map(TimelineItem.Event.class::cast).filter(item -> item.eventId().equals(Optional.of(id)))
                .map(TimelineItem.Event::decryption).filter(Decrypted.class::isInstance).map(Decrypted.class::cast)
                .findFirst();
    }

    private static Optional<RoomEvent> stored(MatrixClient client, RoomId roomId, EventId id) {
        return client.rooms().roomById(roomId).latestEvents(50).stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                .filter(event -> event.eventId().equals(id)).findFirst();
    }

    private static void syncUntil(MatrixClient client, Supplier<Boolean> condition) {
        syncUntilPresent(client, () -> condition.get() ? Optional.of(true) : Optional.empty());
    }

    /** Syncs until {@code value} answers something: the demo's clients do not sync in the background. */
    private static <T> T syncUntilPresent(MatrixClient client, Supplier<Optional<T>> value) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<T> found = value.get();
        while (found.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo waited " + WAIT.toSeconds() + " s for sync in vain");
            }
            client.sync().syncOnce(QUICK).join();
            found = value.get();
        }
        return found.get();
    }
}
