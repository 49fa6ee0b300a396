package dev.mxj.auth;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.account.WhoAmI;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, logout and registration against a real Dendrite (sdk-testkit). */
@ExtendWith(DendriteExtension.class)
class AuthIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static MatrixClient client(Dendrite dendrite) {
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).build();
    }

    private static String freshName() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "auth-" + HexFormat.of().formatHex(bytes);
    }

    @Test
    void offersPasswordLogin(Dendrite dendrite) {
        try (MatrixClient client = client(dendrite)) {
            List<LoginFlow> flows = await(client.auth().loginFlows());

            assertTrue(flows.stream().anyMatch(f -> f.type().equals("m.login.password")), flows::toString);
        }
    }

    @Test
    void registersThroughUiaAndIsLoggedIn(Dendrite dendrite) {
        MemorySessionStore store = new MemorySessionStore();
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build()) {
            String name = freshName();
            assertTrue(await(client.auth().isUsernameAvailable(name)));

            // Dendrite answers the first /register with a 401 offering [m.login.dummy].
            RegistrationResult result = await(client.auth().register(
                    RegistrationRequest.of(name, "correct-horse-battery").withInitialDeviceDisplayName("AuthIT"),
                    UiaHandler.automatic()));

            assertEquals(UserId.of("@" + name + ":" + dendrite.serverName()), result.userId());
            assertEquals(result.session(), store.loadSession());
            WhoAmI me = await(client.account().whoami());
            assertEquals(result.userId(), me.userId());
            assertEquals(result.deviceId(), me.deviceId());
            assertFalse(await(client.auth().isUsernameAvailable(name)));
        }
    }

    @Test
    void registersWithoutLoggingIn(Dendrite dendrite) {
        try (MatrixClient client = client(dendrite)) {
            RegistrationResult result = await(client.auth().register(
                    RegistrationRequest.of(freshName(), "correct-horse-battery").withInhibitLogin(true)));

            assertEquals(Optional.empty(), result.session());
            assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
            Session session = await(client.auth().login(LoginRequest.password(result.userId(), "correct-horse-battery")));
            assertEquals(result.userId(), session.userId());
        }
    }

    @Test
    void takenAndInvalidUsernames(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = client(dendrite)) {
            assertFalse(await(client.auth().isUsernameAvailable(user.localpart())));
            MatrixApiException invalid = failure(client.auth().isUsernameAvailable("not a valid name!"),
                    MatrixApiException.class);
            assertEquals(ErrorCode.INVALID_USERNAME, invalid.errorCode());
            MatrixApiException taken = failure(client.auth().register(
                    RegistrationRequest.of(user.localpart(), "correct-horse-battery")), MatrixApiException.class);
            assertEquals(ErrorCode.USER_IN_USE, taken.errorCode());
        }
    }

    @Test
    void logsInByFullUserId(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = client(dendrite)) {
            Session session = await(client.auth().login(LoginRequest.password(user.userId(), user.password())
                    .withInitialDeviceDisplayName("AuthIT")));

            assertEquals(UserId.of(user.userId()), session.userId());
            WhoAmI me = await(client.account().whoami());
            assertEquals(session.userId(), me.userId());
            assertEquals(Optional.of(session.deviceId()), me.deviceId());
            assertFalse(me.isGuest());
        }
    }

    @Test
    void logsInByLocalpartOnAChosenDevice(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = client(dendrite)) {
            Session session = await(client.auth().login(LoginRequest.password(user.localpart(), user.password())
                    .withDeviceId(DeviceId.of("AUTHITDEVICE"))));

            assertEquals(UserId.of(user.userId()), session.userId());
            assertEquals(DeviceId.of("AUTHITDEVICE"), session.deviceId());
            assertEquals(Optional.of(DeviceId.of("AUTHITDEVICE")), await(client.account().whoami()).deviceId());
        }
    }

    @Test
    void wrongPasswordIsForbidden(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = client(dendrite)) {
            MatrixApiException e = failure(client.auth().login(LoginRequest.password(user.userId(), "wrong-password")),
                    MatrixApiException.class);

            assertEquals(403, e.httpStatus());
            assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
            assertFalse(e.getMessage().contains("wrong-password"));
            assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
        }
    }

    @Test
    void badLoginTokenIsForbidden(Dendrite dendrite) {
        // Dendrite cannot mint login tokens for clients (no SSO, no /login/get_token), so only the
        // request shape and the refusal can be tested against it.
        try (MatrixClient client = client(dendrite)) {
            MatrixApiException e = failure(client.auth().login(LoginRequest.token("not-a-real-login-token")),
                    MatrixApiException.class);

            assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        }
    }

    @Test
    void logoutEndsTheSessionHereAndOnTheServer(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = client(dendrite)) {
            Session session = await(client.auth().login(LoginRequest.password(user.userId(), user.password())));

            await(client.auth().logout());

            assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
            failure(client.account().whoami(), SessionEndedException.class);
            try (MatrixClient stale = restored(dendrite, session)) {
                failure(stale.account().whoami(), SessionEndedException.class);
                assertInstanceOf(SessionState.Ended.class, stale.sessionState());
            }
        }
    }

    @Test
    void logoutAllEndsEveryOtherSession(Dendrite dendrite, TestUser user) {
        Session registered = Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken());
        try (MatrixClient first = client(dendrite); MatrixClient second = client(dendrite);
             MatrixClient third = restored(dendrite, registered)) {
            await(first.auth().login(LoginRequest.password(user.userId(), user.password())));
            await(second.auth().login(LoginRequest.password(user.userId(), user.password())));
            await(second.account().whoami());

            await(first.auth().logoutAll());

            assertInstanceOf(SessionState.NotLoggedIn.class, first.sessionState());
            failure(second.account().whoami(), SessionEndedException.class);
            failure(third.account().whoami(), SessionEndedException.class);
            assertInstanceOf(SessionState.Ended.class, second.sessionState());
        }
    }

    @Test
    void registersAGuest(Dendrite dendrite) {
        try (MatrixClient client = client(dendrite)) {
            RegistrationResult guest = await(client.auth().registerGuest("AuthIT guest"));

            assertTrue(guest.guest());
            assertTrue(guest.session().isPresent());
            WhoAmI me = await(client.account().whoami());
            assertEquals(guest.userId(), me.userId());
            assertTrue(me.isGuest());
        }
    }

    @Test
    void registrationTokenValidityIsNotImplementedByDendrite(Dendrite dendrite) {
        // Dendrite v0.13.8 has no /v1/register/m.login.registration_token/validity (nor the UIA stage);
        // a server that has it answers false for an unknown token.
        try (MatrixClient client = client(dendrite)) {
            try {
                assertFalse(await(client.auth().isRegistrationTokenValid("no-such-token")));
            } catch (java.util.concurrent.CompletionException e) {
                MatrixApiException api = assertInstanceOf(MatrixApiException.class, e.getCause());
                assertEquals(ErrorCode.UNRECOGNIZED, api.errorCode());
            }
        }
    }

    private static MatrixClient restored(Dendrite dendrite, Session session) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(session);
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }
}
