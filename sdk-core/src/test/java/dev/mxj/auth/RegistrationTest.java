package dev.mxj.auth;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.auth.AuthTestSupport.assertJson;
import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.body;
import static dev.mxj.auth.AuthTestSupport.failure;
import static dev.mxj.auth.AuthTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationTest {
    private static final String DUMMY_FLOW = "{\"flows\":[{\"stages\":[\"m.login.dummy\"]}],\"session\":\"s\"}";

    private final MockHomeserver server = MockHomeserver.start();
    private final MemorySessionStore store = new MemorySessionStore();
    private final MatrixClient client = server.builder().sessionStore(store).build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void registerSendsTheSpecShapeAndAdoptsTheSession() {
        server.json(401, DUMMY_FLOW).ok(spec("register-response.json"));

        RegistrationResult result = await(client.auth().register(RegistrationRequest.of("cheeky_monkey", "ilovebananas")
                .withDeviceId(DeviceId.of("GHTYAJCE")).withInitialDeviceDisplayName("Jungle Phone")));

        RecordedRequest first = server.take();
        assertEquals("POST", first.getMethod());
        assertEquals("/_matrix/client/v3/register", first.getUrl().encodedPath());
        assertNull(first.getUrl().queryParameter("kind"));
        assertJson("{\"username\":\"cheeky_monkey\",\"password\":\"ilovebananas\",\"device_id\":\"GHTYAJCE\","
                + "\"initial_device_display_name\":\"Jungle Phone\",\"refresh_token\":true}", body(first));
        assertNull(first.getHeaders().get("Authorization"));
        assertEquals(UserId.of("@cheeky_monkey:matrix.org"), result.userId());
        assertEquals(Optional.of(DeviceId.of("GHTYAJCE")), result.deviceId());
        assertFalse(result.guest());
        Session session = result.session().orElseThrow();
        assertEquals("abc123", session.accessToken());
        assertEquals(Optional.empty(), session.refreshToken());
        assertEquals(Optional.of(session), store.loadSession());
        assertEquals(Optional.of(session), client.session());
    }

    @Test
    void registeringWhileLoggedInSendsNoToken() {
        try (MatrixClient loggedIn = server.loggedInClient()) {
            server.json(401, DUMMY_FLOW).ok(spec("register-response.json"));

            await(loggedIn.auth().register(RegistrationRequest.of("bob", "pw")));

            assertNull(server.take().getHeaders().get("Authorization"));
            assertNull(server.take().getHeaders().get("Authorization"));
            assertEquals("abc123", loggedIn.session().orElseThrow().accessToken());
        }
    }

    @Test
    void inhibitLoginCreatesNoSession() {
        server.json(401, DUMMY_FLOW).ok("{\"user_id\":\"@cheeky_monkey:matrix.org\"}");

        RegistrationResult result = await(client.auth().register(RegistrationRequest.of("cheeky_monkey", "pw")
                .withInhibitLogin(true).withRequestRefreshToken(false)));

        assertJson("{\"username\":\"cheeky_monkey\",\"password\":\"pw\",\"inhibit_login\":true}", body(server.take()));
        assertEquals(Optional.empty(), result.session());
        assertEquals(Optional.empty(), result.deviceId());
        assertEquals(Optional.empty(), store.loadSession());
        assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
    }

    @Test
    void refreshTokenAndExpiryAreKept() {
        server.json(401, DUMMY_FLOW).ok("{\"user_id\":\"@a:b.c\",\"access_token\":\"at\",\"device_id\":\"D\","
                + "\"refresh_token\":\"rt\",\"expires_in_ms\":1000}");

        Session session = await(client.auth().register(RegistrationRequest.of("a", "pw"))).session().orElseThrow();

        assertEquals(Optional.of("rt"), session.refreshToken());
        assertTrue(session.accessTokenExpiresAt().isPresent());
    }

    @Test
    void aMissingAccessTokenIsInvalidAndSaysWhatToDo() {
        server.json(401, DUMMY_FLOW).ok("{\"user_id\":\"@a:b.c\",\"device_id\":\"D\"}");

        InvalidResponseException e = failure(client.auth().register(RegistrationRequest.of("a", "pw")),
                InvalidResponseException.class);

        assertTrue(e.getMessage().contains("access_token"), e.getMessage());
        assertTrue(e.getMessage().contains("log in"), e.getMessage());
        assertEquals(Optional.empty(), client.session());
    }

    @Test
    void registrationClosedIsForbidden() {
        server.json(403, spec("register-403.json"));

        MatrixApiException e = failure(client.auth().register(RegistrationRequest.of("a", "pw")),
                MatrixApiException.class);

        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
    }

    @Test
    void registrationTokenStage() {
        server.json(401, "{\"flows\":[{\"stages\":[\"m.login.registration_token\"]}],\"session\":\"s\"}")
                .ok(spec("register-response.json"));

        await(client.auth().register(RegistrationRequest.of("a", "pw"),
                UiaHandler.automatic().withRegistrationToken("fBVFdqVE")));

        server.take();
        assertJson("{\"type\":\"m.login.registration_token\",\"token\":\"fBVFdqVE\",\"session\":\"s\"}",
                body(server.take()).object("auth").orElseThrow());
    }

    @Test
    void guestRegistration() {
        server.ok(spec("register-response.json"));

        RegistrationResult result = await(client.auth().registerGuest("Guest phone"));

        RecordedRequest request = server.take();
        assertEquals("/_matrix/client/v3/register", request.getUrl().encodedPath());
        assertEquals("guest", request.getUrl().queryParameter("kind"));
        assertJson("{\"initial_device_display_name\":\"Guest phone\",\"refresh_token\":true}", body(request));
        assertTrue(result.guest());
        assertEquals(result.session(), store.loadSession());
    }

    @Test
    void usernameAvailability() {
        server.ok(spec("register-available.json"))
                .json(400, spec("register-400-user-in-use.json"))
                .error(400, "M_INVALID_USERNAME", "User ID can only contain characters a-z, 0-9, or '=_-./+'");

        assertTrue(await(client.auth().isUsernameAvailable("my_cool_localpart")));
        assertFalse(await(client.auth().isUsernameAvailable("taken")));
        MatrixApiException e = failure(client.auth().isUsernameAvailable("BAD NAME"), MatrixApiException.class);

        assertEquals(ErrorCode.INVALID_USERNAME, e.errorCode());
        RecordedRequest first = server.take();
        assertEquals("GET", first.getMethod());
        assertEquals("/_matrix/client/v3/register/available", first.getUrl().encodedPath());
        assertEquals("my_cool_localpart", first.getUrl().queryParameter("username"));
        assertNull(first.getHeaders().get("Authorization"));
    }

    @Test
    void registrationTokenValidity() {
        server.ok(spec("registration-token-validity.json"))
                .ok("{\"valid\":false}")
                .json(403, spec("registration-token-validity-403.json"))
                .error(404, "M_UNRECOGNIZED", "Unrecognized request");

        assertTrue(await(client.auth().isRegistrationTokenValid("fBVFdqVE")));
        assertFalse(await(client.auth().isRegistrationTokenValid("expired")));
        assertFalse(await(client.auth().isRegistrationTokenValid("closed")));
        MatrixApiException e = failure(client.auth().isRegistrationTokenValid("x"), MatrixApiException.class);

        assertEquals(ErrorCode.UNRECOGNIZED, e.errorCode());
        RecordedRequest first = server.take();
        assertEquals("/_matrix/client/v1/register/m.login.registration_token/validity", first.getUrl().encodedPath());
        assertEquals("fBVFdqVE", first.getUrl().queryParameter("token"));
    }
}
