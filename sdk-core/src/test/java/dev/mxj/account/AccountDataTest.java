package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.event.DirectContent;
import dev.mxj.event.FullyReadContent;
import dev.mxj.event.IgnoredUserListContent;
import dev.mxj.event.PushRulesContent;
import dev.mxj.event.RoomNameContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.account.AccountTestSupport.ME;
import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.failure;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Global and room account data, raw and typed, against the spec's examples. */
class AccountDataTest {
    static final RoomId ROOM = RoomId.of("!726s6s6q:example.com");
    private static final String GLOBAL = "/_matrix/client/v3/user/" + ME + "/account_data/";
    private static final String PER_ROOM = "/_matrix/client/v3/user/" + ME + "/rooms/" + ROOM + "/account_data/";

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void setsAndReadsGlobalAccountData() {
        server.ok("{}").ok(spec("account-data-set.json"));
        RawJson content = RawJson.parse(spec("account-data-set.json"));

        await(client.account().setAccountData("org.example.custom.config", content));
        Optional<RawJson> read = await(client.account().accountData("org.example.custom.config"));

        assertJson(spec("account-data-set.json"), body(expect(server, "PUT", GLOBAL + "org.example.custom.config")));
        expect(server, "GET", GLOBAL + "org.example.custom.config");
        assertEquals(Optional.of(content), read);
    }

    @Test
    void missingAccountDataIsEmpty() {
        server.json(404, spec("account-data-404.json")).json(404, spec("room-account-data-404.json"));

        assertEquals(Optional.empty(), await(client.account().accountData("org.example.none")));
        assertEquals(Optional.empty(), await(client.account().roomAccountData(ROOM, "org.example.none")));
        expect(server, "GET", GLOBAL + "org.example.none");
        expect(server, "GET", PER_ROOM + "org.example.none");
    }

    @Test
    void setsAndReadsRoomAccountData() {
        server.ok("{}").ok("{\"colour\":\"blue\"}");

        await(client.account().setRoomAccountData(ROOM, "org.example.colour", RawJson.parse("{\"colour\":\"blue\"}")));
        RawJson read = await(client.account().roomAccountData(ROOM, "org.example.colour")).orElseThrow();

        assertJson("{\"colour\":\"blue\"}", body(expect(server, "PUT", PER_ROOM + "org.example.colour")));
        assertEquals(Optional.of("blue"), read.string("colour"));
    }

    @Test
    void aServerRefusalIsATypedError() {
        server.json(400, spec("account-data-set-400.json"));

        MatrixApiException e = failure(client.account().setAccountData("org.example.x", RawJson.emptyObject()),
                MatrixApiException.class);

        assertEquals(ErrorCode.NOT_JSON, e.errorCode());
    }

    @Test
    void readsTypedGlobalAndRoomAccountData() {
        server.ok("{\"@bob:example.org\":[\"" + ROOM + "\"]}")
                .ok("{\"global\":{\"override\":[]}}")
                .ok("{\"event_id\":\"$143273582443PhrSn:example.org\"}");

        DirectContent direct = await(client.account().accountData(DirectContent.class)).orElseThrow();
        PushRulesContent rules = await(client.account().accountData(PushRulesContent.class)).orElseThrow();
        FullyReadContent read = await(client.account().roomAccountData(ROOM, FullyReadContent.class)).orElseThrow();

        assertEquals(Map.of(UserId.of("@bob:example.org"), List.of(ROOM)), direct.rooms());
        assertEquals(1, rules.global().keys().size());
        assertEquals(EventId.of("$143273582443PhrSn:example.org"), read.eventId());
        expect(server, "GET", GLOBAL + "m.direct");
        expect(server, "GET", GLOBAL + "m.push_rules");
        expect(server, "GET", PER_ROOM + "m.fully_read");
    }

    @Test
    void storedContentThatBreaksTheSchemaFailsTheTypedRead() {
        server.ok("{\"ignored_users\":[]}");

        InvalidResponseException e = failure(client.account().accountData(IgnoredUserListContent.class),
                InvalidResponseException.class);

        assertTrue(e.getMessage().contains("m.ignored_user_list"), e.getMessage());
    }

    @Test
    void writesTypedContent() {
        server.ok("{}").ok("{}");
        UserId bob = UserId.of("@bob:example.org");

        await(client.account().setAccountData(new DirectContent(Map.of(bob, List.of(ROOM)))));
        await(client.account().setAccountData(new IgnoredUserListContent(Set.of(bob))));

        assertJson("{\"@bob:example.org\":[\"" + ROOM + "\"]}", body(expect(server, "PUT", GLOBAL + "m.direct")));
        assertJson("{\"ignored_users\":{\"@bob:example.org\":{}}}",
                body(expect(server, "PUT", GLOBAL + "m.ignored_user_list")));
    }

    @Test
    void typedCallsRejectTypesThatAreNotAccountDataThere() {
        IllegalArgumentException notGlobal = assertThrows(IllegalArgumentException.class,
                () -> client.account().accountData(TagContent.class));
        assertTrue(notGlobal.getMessage().contains("room account data"), notGlobal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.account().accountData(RoomNameContent.class));
        assertThrows(IllegalArgumentException.class, () -> client.account().roomAccountData(ROOM, DirectContent.class));
        IllegalArgumentException readOnly = assertThrows(IllegalArgumentException.class,
                () -> client.account().setAccountData(new PushRulesContent(RawJson.emptyObject())));
        assertTrue(readOnly.getMessage().contains("push rules"), readOnly.getMessage());
        assertEquals(0, server.requestCount());
    }

    @Test
    void badArgumentsThrowAtOnce() {
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class,
                () -> client.account().setAccountData("org.example.x", RawJson.parse("[\"secret\"]")));
        assertEquals("Account data content must be a JSON object, was an array.", notObject.getMessage());
        IllegalArgumentException emptyType = assertThrows(IllegalArgumentException.class,
                () -> client.account().accountData(""));
        assertEquals("Account data type cannot be empty.", emptyType.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> client.account().setRoomAccountData(ROOM, "x", RawJson.parse("1")));
        assertThrows(NullPointerException.class, () -> client.account().roomAccountData(null, "x"));
        assertEquals(0, server.requestCount());
    }
}
