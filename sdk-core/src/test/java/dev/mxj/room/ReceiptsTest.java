package dev.mxj.room;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.mxj.room.RoomManagementSupport.assertJson;
import static dev.mxj.room.RoomManagementSupport.await;
import static dev.mxj.room.RoomManagementSupport.body;
import static dev.mxj.room.RoomManagementSupport.expect;
import static dev.mxj.room.RoomManagementTest.ROOM;
import static dev.mxj.room.RoomManagementTest.ROOM_PATH;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sending read receipts, read markers and typing notices. */
class ReceiptsTest {
    private static final EventId EVENT = EventId.of("$1435641916114394fHBLK:matrix.org");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void sendsPublicPrivateAndThreadedReceipts() {
        server.ok("{}").ok("{}").ok("{}");
        Room room = client.rooms().roomById(ROOM);

        await(room.sendReceipt(ReceiptType.READ, EVENT, Optional.empty()));
        await(room.sendReceipt(ReceiptType.READ_PRIVATE, EVENT, Optional.of("main")));
        await(room.sendReceipt(ReceiptType.READ, EVENT, Optional.of("$root")));

        assertJson("{}", body(expect(server, "POST", ROOM_PATH + "/receipt/m.read/" + EVENT.value())));
        assertJson("{\"thread_id\":\"main\"}", body(expect(server, "POST", ROOM_PATH + "/receipt/m.read.private/" + EVENT.value())));
        assertJson("{\"thread_id\":\"$root\"}", body(expect(server, "POST", ROOM_PATH + "/receipt/m.read/" + EVENT.value())));
    }

    @Test
    void movesTheReadMarkers() {
        server.ok("{}").ok("{}");
        Room room = client.rooms().roomById(ROOM);

        await(room.setReadMarkers(EVENT, Optional.of(EVENT), Optional.of(EventId.of("$private"))));
        await(room.setReadMarkers(EVENT, Optional.empty(), Optional.empty()));

        assertJson("{\"m.fully_read\":\"" + EVENT.value() + "\",\"m.read\":\"" + EVENT.value()
                + "\",\"m.read.private\":\"$private\"}", body(expect(server, "POST", ROOM_PATH + "/read_markers")));
        assertJson("{\"m.fully_read\":\"" + EVENT.value() + "\"}", body(expect(server, "POST", ROOM_PATH + "/read_markers")));
    }

    @Test
    void sendsTypingWithATimeoutAndStops() {
        server.ok("{}").ok("{}");
        Room room = client.rooms().roomById(ROOM);

        await(room.sendTyping(true, Duration.ofSeconds(30)));
        await(room.sendTyping(false, Duration.ZERO));

        String path = ROOM_PATH + "/typing/@alice:example.org";
        assertJson("{\"typing\":true,\"timeout\":30000}", body(expect(server, "PUT", path)));
        assertJson("{\"typing\":false}", body(expect(server, "PUT", path)));
        assertThrows(IllegalArgumentException.class, () -> room.sendTyping(true, Duration.ZERO));
    }
}
