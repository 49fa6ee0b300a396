package dev.mxj.relations;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code Room.relations()} reaches the room's {@code /relations} through the client's transport. */
class RoomRelationsWiringTest {
    @Test
    void roomRelationsUseTheClientsTransport() {
        try (MockHomeserver mock = MockHomeserver.start()) {
            mock.ok(MockHomeserver.resource("/spec-examples/relations/relations.json"));
            try (MatrixClient client = mock.loggedInClient()) {
                RelationsPage page = client.rooms().roomById(RoomId.of("!room:example.org")).relations()
                        .relations(EventId.of("$parent"), RelationsQuery.all()).join();
                assertFalse(page.chunk().isEmpty());
            }
            assertEquals("/_matrix/client/v1/rooms/!room:example.org/relations/$parent",
                    mock.take().getUrl().encodedPath());
        }
    }
}
