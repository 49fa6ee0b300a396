package dev.mxj.room;

import dev.mxj.MatrixClient;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.mxj.room.RoomManagementSupport.V3;
import static dev.mxj.room.RoomManagementSupport.assertJson;
import static dev.mxj.room.RoomManagementSupport.await;
import static dev.mxj.room.RoomManagementSupport.body;
import static dev.mxj.room.RoomManagementSupport.expect;
import static dev.mxj.room.RoomManagementSupport.failure;
import static dev.mxj.room.RoomManagementSupport.spec;
import static dev.mxj.room.RoomManagementTest.BOB;
import static dev.mxj.room.RoomManagementTest.ROOM;
import static dev.mxj.room.RoomManagementTest.ROOM_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Aliases, the directory, upgrades, tombstones, direct chats and reports. */
class RoomManagementDirectoryTest {
    private static final RoomAlias ALIAS = RoomAlias.of("#pub:example.com");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void createsResolvesAndDeletesAliases() {
        server.ok("{}").ok("{\"room_id\":\"" + ROOM.value() + "\",\"servers\":[\"example.com\",\"bad server\"]}")
                .ok("{}").error(404, "M_NOT_FOUND", "Room alias not found.")
                .ok("{\"aliases\":[\"#pub:example.com\"]}");

        await(client.rooms().createAlias(ALIAS, ROOM));
        ResolvedAlias resolved = await(client.rooms().resolveAlias(ALIAS)).orElseThrow();
        await(client.rooms().deleteAlias(ALIAS));
        assertEquals(Optional.empty(), await(client.rooms().resolveAlias(ALIAS)));
        assertEquals(List.of(ALIAS), await(client.rooms().roomById(ROOM).aliases()));

        assertJson("{\"room_id\":\"" + ROOM.value() + "\"}", body(expect(server, "PUT", V3 + "/directory/room/#pub:example.com")));
        assertEquals(new ResolvedAlias(ROOM, List.of(ServerName.of("example.com"))), resolved);
        expect(server, "GET", V3 + "/directory/room/#pub:example.com");
        expect(server, "DELETE", V3 + "/directory/room/#pub:example.com");
        expect(server, "GET", V3 + "/directory/room/#pub:example.com");
        expect(server, "GET", ROOM_PATH + "/aliases");
    }

    @Test
    void publishesInTheDirectory() {
        server.ok("{}").ok("{\"visibility\":\"public\"}");
        Room room = client.rooms().roomById(ROOM);

        await(room.setDirectoryVisibility(Visibility.PUBLIC));

        assertEquals(Visibility.PUBLIC, await(room.directoryVisibility()));
        assertJson("{\"visibility\":\"public\"}", body(expect(server, "PUT", V3 + "/directory/list/room/" + ROOM.value())));
    }

    @Test
    void listsPublicRoomsWithTheSpecFilter() {
        server.ok(spec("public_rooms_response.json"));

        PublicRoomsPage page = await(client.rooms().publicRooms(PublicRoomsFilter.builder().limit(10)
                .searchTerm("foo").untypedRooms().roomType("m.space").thirdPartyInstanceId("irc-freenode")
                .server(ServerName.of("matrix.org")).build()));

        RecordedRequest request = expect(server, "POST", V3 + "/publicRooms");
        assertEquals("matrix.org", request.getUrl().queryParameter("server"));
        assertJson(spec("public_rooms_request.json").replace("\"include_all_networks\": false,", ""), body(request));
        assertEquals(Optional.of("p190q"), page.nextBatch());
        assertEquals(OptionalLong.of(115), page.totalRoomCountEstimate());
        PublicRoom cheese = page.rooms().get(0);
        assertEquals(RoomId.of("!ol19s:bleecker.street"), cheese.roomId());
        assertEquals(Optional.of(MxcUri.of("mxc://bleecker.street/CHEDDARandBRIE")), cheese.avatarUrl());
        assertEquals(37, cheese.joinedMembers());
        assertEquals(Optional.of("m.space"), cheese.roomType());
    }

    @Test
    void upgradesAndFollowsTheTombstone() {
        RoomId next = RoomId.of("!next:example.org");
        server.ok("{\"replacement_room\":\"" + next.value() + "\"}")
                .ok("{\"body\":\"moved\",\"replacement_room\":\"" + next.value() + "\"}")
                .ok("{\"room_id\":\"" + next.value() + "\"}")
                .error(404, "M_NOT_FOUND", "no tombstone");

        assertEquals(next, await(client.rooms().roomById(ROOM).upgrade("11")));
        assertEquals(next, await(client.rooms().followTombstone(ROOM)).roomId());
        failure(client.rooms().followTombstone(next), NoSuchElementException.class);

        assertJson("{\"new_version\":\"11\"}", body(expect(server, "POST", ROOM_PATH + "/upgrade")));
        expect(server, "GET", ROOM_PATH + "/state/m.room.tombstone/");
        RecordedRequest join = expect(server, "POST", V3 + "/join/" + next.value());
        assertEquals(List.of("example.org", "example.com"), join.getUrl().queryParameterValues("via"));
    }

    @Test
    void createsADirectChatAndAddsItToMDirect() {
        String direct = V3 + "/user/@alice:example.org/account_data/m.direct";
        server.ok("{\"room_id\":\"" + ROOM.value() + "\"}")
                .ok("{\"@carol:example.org\":[\"!old:example.org\"],\"not a user\":[\"x\"]}").ok("{}");

        Room room = await(client.rooms().createDirect(BOB));

        assertEquals(ROOM, room.roomId());
        assertJson("{\"preset\":\"trusted_private_chat\",\"invite\":[\"@bob:example.org\"],\"is_direct\":true}",
                body(expect(server, "POST", V3 + "/createRoom")));
        expect(server, "GET", direct);
        assertJson("{\"@carol:example.org\":[\"!old:example.org\"],\"not a user\":[\"x\"],\"@bob:example.org\":[\""
                + ROOM.value() + "\"]}", body(expect(server, "PUT", direct)));
    }

    @Test
    void listsDirectChats() {
        server.ok("{\"@bob:example.org\":[\"" + ROOM.value() + "\"]}");

        assertEquals(Map.of(BOB, List.of(ROOM)), await(client.rooms().directRooms()));
    }

    @Test
    void reportsAnEventAndARoom() {
        server.ok("{}").ok("{}");
        Room room = client.rooms().roomById(ROOM);

        await(room.reportEvent(EventId.of("$bad"), Optional.of("this makes me sad"), Optional.of(-100)));
        await(room.report("this makes me sad"));

        assertJson("{\"score\":-100,\"reason\":\"this makes me sad\"}", body(expect(server, "POST", ROOM_PATH + "/report/$bad")));
        assertJson("{\"reason\":\"this makes me sad\"}", body(expect(server, "POST", ROOM_PATH + "/report")));
    }
}
