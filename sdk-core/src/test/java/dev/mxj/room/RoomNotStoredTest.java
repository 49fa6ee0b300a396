package dev.mxj.room;

import dev.mxj.MatrixClient;
import dev.mxj.id.RoomId;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.internal.sync.SyncJson.member;
import static dev.mxj.internal.sync.SyncJson.obj;
import static dev.mxj.internal.sync.SyncJson.roomState;
import static dev.mxj.internal.sync.SyncJson.sync;
import static dev.mxj.testing.MockHomeserver.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A room handle before the store holds its room: {@code storedInfo()} is empty, {@code info()} a typed error. */
class RoomNotStoredTest {
    private static final RoomId ROOM = RoomId.of("!new:example.org");

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemoryStateStore store = new MemoryStateStore();
    private final MatrixClient client;

    RoomNotStoredTest() {
        store.saveSession(mock.session());
        client = mock.builder().stateStore(store).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    @Test
    void aRoomNoSyncBroughtHasNoInfoYetAndSaysWhatToDo() {
        Room room = client.rooms().roomById(ROOM);
        assertFalse(room.isStored());
        assertEquals(Optional.empty(), room.storedInfo());
        RoomNotStoredException error = assertThrows(RoomNotStoredException.class, room::info);
        assertEquals(ROOM, error.roomId());
        assertTrue(error.getMessage().contains("Sync first"), error.getMessage());
        assertTrue(error.getMessage().contains("storedInfo()"), error.getMessage());
        assertThrows(RoomNotStoredException.class, room::displayName);

        mock.ok("{\"filter_id\":\"f\"}").ok(sync("s1").join(ROOM, r -> r.state(
                roomState("$n", "m.room.name", obj("name", "Fresh")), member("$m", USER, "join", "Alice"))).json());
        client.sync().syncOnce().join();

        assertTrue(room.isStored(), "the same handle sees the room once synced");
        RoomInfo info = room.storedInfo().orElseThrow();
        assertEquals(Optional.of("Fresh"), info.name());
        assertEquals(info, room.info());
        assertEquals("Fresh", room.displayName().text());
    }
}
