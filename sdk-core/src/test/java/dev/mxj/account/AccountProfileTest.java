package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.id.MxcUri;
import dev.mxj.id.UserId;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.mxj.account.AccountTestSupport.ME;
import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.failure;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Profile and presence against the spec's examples. */
class AccountProfileTest {
    private static final UserId BOB = UserId.of("@bob/x:example.org");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void readsAWholeProfileKeepingItsOtherFields() {
        server.ok(spec("profile.json"));

        Profile profile = await(client.account().profile(BOB));

        RecordedRequest request = expect(server, "GET", "/_matrix/client/v3/profile/@bob/x:example.org");
        assertEquals("/_matrix/client/v3/profile/@bob%2Fx:example.org", request.getUrl().encodedPath());
        assertEquals(Optional.of("Alice Margatroid"), profile.displayName());
        assertEquals(Optional.of(MxcUri.of("mxc://matrix.org/SDGdghriugerRg")), profile.avatarUrl());
        assertEquals(Optional.of("Europe/London"), profile.timeZone());
        assertEquals(Optional.of("custom_value"), profile.raw().string("m.example_field"));
    }

    @Test
    void ownProfileUsesTheSessionsUser() {
        server.ok("{}");

        Profile profile = await(client.account().profile());

        expect(server, "GET", "/_matrix/client/v3/profile/" + ME);
        assertEquals(Optional.empty(), profile.displayName());
        assertEquals(Optional.empty(), profile.avatarUrl());
    }

    @Test
    void anUnknownUserIsATypedError() {
        server.json(404, spec("profile-404.json"));

        MatrixApiException e = failure(client.account().profile(BOB), MatrixApiException.class);

        assertEquals(ErrorCode.NOT_FOUND, e.errorCode());
        assertEquals("Profile not found", e.error());
    }

    @Test
    void readsOneFieldAndA404IsEmpty() {
        server.ok(spec("profile-field.json")).json(404, spec("profile-404.json"))
                .ok("{\"avatar_url\":\"not a uri\"}");

        assertEquals(Optional.of("Alice"), await(client.account().displayName(BOB)));
        assertEquals(Optional.empty(), await(client.account().avatarUrl(BOB)));
        assertEquals(Optional.empty(), await(client.account().avatarUrl(BOB)), "an invalid mxc URI reads as none");

        expect(server, "GET", "/_matrix/client/v3/profile/@bob/x:example.org/displayname");
        expect(server, "GET", "/_matrix/client/v3/profile/@bob/x:example.org/avatar_url");
    }

    @Test
    void setsTheDisplayNameAndAvatar() {
        server.ok("{}").ok("{}");

        await(client.account().setDisplayName("Alice Wonderland"));
        await(client.account().setAvatarUrl(MxcUri.of("mxc://matrix.org/SDGdghriugerRg")));

        assertJson(spec("profile-field-set.json"),
                body(expect(server, "PUT", "/_matrix/client/v3/profile/" + ME + "/displayname")));
        assertJson("{\"avatar_url\":\"mxc://matrix.org/SDGdghriugerRg\"}",
                body(expect(server, "PUT", "/_matrix/client/v3/profile/" + ME + "/avatar_url")));
    }

    @Test
    void aRefusedChangeIsATypedError() {
        server.json(403, spec("profile-field-set-403.json"));

        MatrixApiException e = failure(client.account().setDisplayName("x"), MatrixApiException.class);

        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
    }

    @Test
    void anEmptyDisplayNameIsSentAsIsSinceTheSpecSetsNoLimit() {
        server.ok("{}");

        await(client.account().setDisplayName(""));

        assertJson("{\"displayname\":\"\"}", body(server.take()));
    }

    @Test
    void withoutASessionCallsFailWithoutARequest() {
        try (MatrixClient anonymous = server.client()) {
            failure(anonymous.account().profile(), SessionEndedException.class);
            failure(anonymous.account().setDisplayName("x"), SessionEndedException.class);
            failure(anonymous.account().ignoreUser(BOB), SessionEndedException.class);
        }
        assertEquals(0, server.requestCount());
    }

    @Test
    void readsPresence() {
        server.ok(spec("presence.json"))
                .ok("{\"presence\":\"online\",\"status_msg\":null,\"currently_active\":true}");

        Presence bob = await(client.account().presence(BOB));
        Presence mine = await(client.account().presence());

        assertEquals(PresenceState.UNAVAILABLE, bob.state());
        assertEquals(Optional.of(Duration.ofMillis(420845)), bob.lastActiveAgo());
        assertEquals(Optional.empty(), bob.statusMessage());
        assertEquals(PresenceState.ONLINE, mine.state());
        assertEquals(Optional.of(true), mine.currentlyActive());
        expect(server, "GET", "/_matrix/client/v3/presence/@bob/x:example.org/status");
        expect(server, "GET", "/_matrix/client/v3/presence/" + ME + "/status");
    }

    @Test
    void hiddenPresenceIsATypedError() {
        server.json(403, spec("presence-403.json"));

        assertEquals(ErrorCode.FORBIDDEN, failure(client.account().presence(BOB), MatrixApiException.class).errorCode());
    }

    @Test
    void setsPresenceWithAndWithoutAMessage() {
        server.ok("{}").ok("{}");

        await(client.account().setPresence(PresenceState.ONLINE, "I am here."));
        await(client.account().setPresence(PresenceState.OFFLINE));

        assertJson(spec("presence-set.json"), body(expect(server, "PUT", "/_matrix/client/v3/presence/" + ME + "/status")));
        assertJson("{\"presence\":\"offline\"}", body(server.take()));
    }

    @Test
    void badPresenceArgumentsThrowAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> PresenceState.of(""));
        assertThrows(NullPointerException.class, () -> client.account().setPresence(null));
        assertThrows(NullPointerException.class, () -> client.account().setDisplayName(null));
        assertEquals(0, server.requestCount());
    }
}
