package dev.mxj.room;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.event.RoomJoinRulesContent;
import dev.mxj.event.RoomJoinRulesContent.AllowCondition;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.mxj.room.RoomManagementSupport.V3;
import static dev.mxj.room.RoomManagementSupport.assertJson;
import static dev.mxj.room.RoomManagementSupport.await;
import static dev.mxj.room.RoomManagementSupport.body;
import static dev.mxj.room.RoomManagementSupport.expect;
import static dev.mxj.room.RoomManagementSupport.failure;
import static dev.mxj.room.RoomManagementSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, joining, membership and state calls against the spec's request shapes. */
class RoomManagementTest {
    static final RoomId ROOM = RoomId.of("!sefiuhWgwghwWgh:example.com");
    static final String ROOM_PATH = V3 + "/rooms/" + ROOM.value();
    static final UserId BOB = UserId.of("@bob:example.org");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void createsTheSpecExampleRoom() {
        server.ok(spec("create_room_response.json"));

        Room room = await(client.rooms().create(CreateRoomRequest.builder().preset(Preset.PUBLIC_CHAT)
                .aliasLocalpart("thepub").name("The Grand Duke Pub").topic("All about happy hour")
                .creationContent(RawJson.parse("{\"m.federate\":false}")).build()));

        assertJson(spec("create_room_request.json"), body(expect(server, "POST", V3 + "/createRoom")));
        assertEquals(ROOM, room.roomId());
        assertFalse(room.isStored(), "a room is a handle before a sync stores it");
    }

    @Test
    void createsWithEveryOption() {
        server.ok(spec("create_room_response.json"));

        await(client.rooms().create(CreateRoomRequest.builder().visibility(Visibility.PRIVATE).roomVersion("10")
                .invite(BOB).direct(true).space().encrypted().userPowerLevel(BOB, 50)
                .initialState("m.room.guest_access", "", RawJson.parse("{\"guest_access\":\"can_join\"}")).build()));

        assertJson("""
                {"visibility":"private","room_version":"10","invite":["@bob:example.org"],"is_direct":true,
                 "creation_content":{"type":"m.space"},
                 "initial_state":[
                   {"type":"m.room.encryption","state_key":"","content":{"algorithm":"m.megolm.v1.aes-sha2"}},
                   {"type":"m.room.guest_access","state_key":"","content":{"guest_access":"can_join"}}],
                 "power_level_content_override":{"users":{"@alice:example.org":100,"@bob:example.org":50}}}
                """, body(expect(server, "POST", V3 + "/createRoom")));
    }

    @Test
    void joinsByAliasThroughViaServersWithTheAliasEncoded() {
        server.ok("{\"room_id\":\"" + ROOM.value() + "\"}");

        Room room = await(client.rooms().join(RoomAlias.of("#pub:example.com"),
                List.of(ServerName.of("a.example"), ServerName.of("b.example"))));

        RecordedRequest request = expect(server, "POST", V3 + "/join/#pub:example.com");
        assertTrue(request.getUrl().encodedPath().endsWith("/join/%23pub:example.com"), request.getUrl().encodedPath());
        assertEquals(List.of("a.example", "b.example"), request.getUrl().queryParameterValues("via"));
        assertEquals(ROOM, room.roomId());
    }

    @Test
    void membershipCallsSendTheUserAndReason() {
        for (int i = 0; i < 6; i++) {
            server.ok("{}");
        }
        server.ok("{\"room_id\":\"" + ROOM.value() + "\"}").ok("{\"room_id\":\"" + ROOM.value() + "\"}");
        Room room = client.rooms().roomById(ROOM);

        await(room.invite(BOB, Optional.empty()));
        await(room.kick(BOB, Optional.of("spam")));
        await(room.ban(BOB, Optional.of("more spam")));
        await(room.unban(BOB, Optional.empty()));
        await(room.leave(Optional.of("bye")));
        await(room.forget());
        await(client.rooms().join(ROOM));
        await(client.rooms().knock(ROOM, Optional.of("let me in"), List.of(ServerName.of("example.com"))));

        assertJson("{\"user_id\":\"@bob:example.org\"}", body(expect(server, "POST", ROOM_PATH + "/invite")));
        assertJson("{\"user_id\":\"@bob:example.org\",\"reason\":\"spam\"}", body(expect(server, "POST", ROOM_PATH + "/kick")));
        assertJson("{\"user_id\":\"@bob:example.org\",\"reason\":\"more spam\"}", body(expect(server, "POST", ROOM_PATH + "/ban")));
        assertJson("{\"user_id\":\"@bob:example.org\"}", body(expect(server, "POST", ROOM_PATH + "/unban")));
        assertJson("{\"reason\":\"bye\"}", body(expect(server, "POST", ROOM_PATH + "/leave")));
        assertJson("{}", body(expect(server, "POST", ROOM_PATH + "/forget")));
        assertJson("{}", body(expect(server, "POST", V3 + "/join/" + ROOM.value())));
        RecordedRequest knock = expect(server, "POST", V3 + "/knock/" + ROOM.value());
        assertJson("{\"reason\":\"let me in\"}", body(knock));
        assertEquals(List.of("example.com"), knock.getUrl().queryParameterValues("via"));
    }

    @Test
    void stateSettersPutTheSpecContent() {
        for (int i = 0; i < 4; i++) {
            server.ok("{\"event_id\":\"$e" + i + "\"}");
        }
        Room room = client.rooms().roomById(ROOM);

        assertEquals(EventId.of("$e0"), await(room.setName("Pub")));
        await(room.setJoinRules(new RoomJoinRulesContent(RoomJoinRulesContent.RESTRICTED,
                List.of(new AllowCondition(AllowCondition.ROOM_MEMBERSHIP, Optional.of(RoomId.of("!space:example.com")))))));
        await(room.setCanonicalAlias(Optional.of(RoomAlias.of("#pub:example.com")), List.of(RoomAlias.of("#p:example.com"))));
        await(room.enableEncryption());

        assertJson("{\"name\":\"Pub\"}", body(expect(server, "PUT", ROOM_PATH + "/state/m.room.name/")));
        assertJson("{\"join_rule\":\"restricted\",\"allow\":[{\"type\":\"m.room_membership\",\"room_id\":\"!space:example.com\"}]}",
                body(expect(server, "PUT", ROOM_PATH + "/state/m.room.join_rules/")));
        assertJson("{\"alias\":\"#pub:example.com\",\"alt_aliases\":[\"#p:example.com\"]}",
                body(expect(server, "PUT", ROOM_PATH + "/state/m.room.canonical_alias/")));
        assertJson("{\"algorithm\":\"m.megolm.v1.aes-sha2\"}",
                body(expect(server, "PUT", ROOM_PATH + "/state/m.room.encryption/")));
    }

    @Test
    void setsOneUsersLevelKeepingTheRest() {
        server.ok("{\"ban\":50,\"users\":{\"@alice:example.org\":100},\"org.example.custom\":true}")
                .ok("{\"event_id\":\"$pl\"}");

        await(client.rooms().roomById(ROOM).setUserPowerLevel(BOB, 50));

        expect(server, "GET", ROOM_PATH + "/state/m.room.power_levels/");
        assertJson("{\"ban\":50,\"users\":{\"@alice:example.org\":100,\"@bob:example.org\":50},\"org.example.custom\":true}",
                body(expect(server, "PUT", ROOM_PATH + "/state/m.room.power_levels/")));
    }

    @Test
    void readsStateAndMissingStateIsEmpty() {
        server.ok("{\"topic\":\"Cheese\"}").error(404, "M_NOT_FOUND", "Event not found.");
        Room room = client.rooms().roomById(ROOM);

        assertEquals(Optional.of("Cheese"), await(room.stateEvent("m.room.topic", "")).orElseThrow().string("topic"));
        assertEquals(Optional.empty(), await(room.stateEvent("m.room.name", "")));
        expect(server, "GET", ROOM_PATH + "/state/m.room.topic/");
    }

    @Test
    void aForbiddenCallIsATypedError() {
        server.error(403, "M_FORBIDDEN", "You are not in this room.");

        MatrixApiException e = failure(client.rooms().roomById(ROOM).setTopic("x"), MatrixApiException.class);

        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertEquals(403, e.httpStatus());
    }
}
