package dev.mxj.send;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixClient;
import dev.mxj.event.RoomEvent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.room.CreateRoomRequest;
import dev.mxj.room.Preset;
import dev.mxj.room.Room;
import dev.mxj.send.SendFailedException.Reason;
import dev.mxj.store.StoredEvent;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.mxj.send.SendIT.await;
import static dev.mxj.send.SendIT.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals from a real Dendrite: sending into a room the user is not in (403) and an event over the
 * size limit. Each is a typed {@link SendFailedException}; the queue keeps the event and the room's
 * later events, in order, until it is retried or fixed.
 */
@ExtendWith(DendriteExtension.class)
class SendFaultsIT {
    @Test
    void sendingIntoARoomOneIsNotInFailsForbiddenAndSendsInOrderOnceJoined(Dendrite dendrite, TestUser alice,
                                                                            TestUser bob) {
        try (MatrixClient owner = client(dendrite, alice); MatrixClient outsider = client(dendrite, bob)) {
            Room room = await(owner.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).build()));
            Room notJoined = outsider.rooms().roomById(room.roomId());

            SendHandle first = notJoined.sendText("one");
            SendHandle second = notJoined.sendText("two");
            SendFailedException error = failed(first);
            assertEquals(Reason.FORBIDDEN, error.reason(), error.getMessage());
            assertEquals(Optional.of(403), error.httpStatus());
            assertEquals(Optional.of(ErrorCode.FORBIDDEN), error.errorCode());
            assertTrue(error.getMessage().contains("not joined"), error.getMessage());
            assertEquals(new SendState.Pending(), second.state(), "the later event waits, to keep the order");
            List<LocalEcho> echoes = notJoined.localEchoes();
            assertEquals(List.of(first.transactionId(), second.transactionId()),
                    echoes.stream().map(LocalEcho::transactionId).toList());
            assertInstanceOf(SendState.Failed.class, echoes.get(0).state());

            await(room.invite(UserId.of(bob.userId()), Optional.empty()));
            await(outsider.rooms().join(room.roomId(), List.of()));
            assertTrue(first.retry());
            EventId one = await(first.sent());
            EventId two = await(second.sent());

            await(owner.sync().syncOnce());
            List<EventId> messages = messages(owner, room.roomId());
            assertEquals(List.of(one, two), messages, "each once, in the order queued");
        }
    }

    @Test
    void anEventOverTheSizeLimitFailsTooLargeAndIsSentOnceEditedSmaller(Dendrite dendrite, TestUser alice)
            throws Exception {
        try (MatrixClient me = client(dendrite, alice)) {
            Room room = await(me.rooms().create(CreateRoomRequest.builder().preset(Preset.PRIVATE_CHAT).build()));
            SendHandle big = room.sendText("x".repeat(70_000));
            SendHandle after = room.sendText("after");
            SendFailedException error = failed(big);
            assertEquals(Reason.TOO_LARGE, error.reason(), error.getMessage());
            assertEquals(new SendState.Pending(), after.state());

            assertEquals(big, big.edit("fits now").get(30, TimeUnit.SECONDS));
            assertTrue(big.retry());
            EventId small = await(big.sent());
            EventId later = await(after.sent());
            await(me.sync().syncOnce());
            assertEquals(List.of(small, later), messages(me, room.roomId()));
            RoomEvent sent = event(me, room.roomId(), small);
            assertEquals(Optional.of("fits now"), sent.raw().object("content").orElseThrow().string("body"));
        }
    }

    private static SendFailedException failed(SendHandle handle) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(handle.state() instanceof SendState.Failed failed)) {
            assertTrue(System.nanoTime() < end, "the send failed within 30 s; it is " + handle.state());
            sleep();
        }
        return failed.error();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The {@code m.room.message} events of the room in the owner's synced timeline, oldest first. */
    private static List<EventId> messages(MatrixClient client, RoomId roomId) {
        return client.rooms().room(roomId).orElseThrow().latestEvents(100).stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast)
                .filter(e -> e.type().equals("m.room.message")).map(RoomEvent::eventId).toList();
    }

    private static RoomEvent event(MatrixClient client, RoomId roomId, EventId id) {
        return client.rooms().room(roomId).orElseThrow().latestEvents(100).stream().map(StoredEvent::event)
                .filter(RoomEvent.class::isInstance).map(RoomEvent.class::cast).filter(e -> e.eventId().equals(id))
                .findFirst().orElseThrow();
    }
}
