package dev.mxj.auth;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.mxj.auth.AuthTestSupport.assertJson;
import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.body;
import static dev.mxj.auth.AuthTestSupport.failure;
import static dev.mxj.auth.AuthTestSupport.spec;
import static dev.mxj.auth.AuthTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final MockHomeserver server = MockHomeserver.start();
    private final MemorySessionStore store = new MemorySessionStore();
    private final MatrixClient client = server.builder().sessionStore(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void loginFlowsReadsTheSpecExample() {
        server.ok(spec("login-flows.json"));

        List<LoginFlow> flows = await(client.auth().loginFlows());

        assertEquals(List.of("m.login.password", "m.login.token"), flows.stream().map(LoginFlow::type).toList());
        assertFalse(flows.get(0).getLoginToken());
        assertTrue(flows.get(1).getLoginToken());
        assertEquals(Optional.of(true), flows.get(1).raw().bool("get_login_token"));
        RecordedRequest request = server.take();
        assertEquals("GET", request.getMethod());
        assertEquals("/_matrix/client/v3/login", request.getUrl().encodedPath());
    }

    @Test
    void identityProvidersStayRaw() {
        server.ok("{\"flows\":[{\"type\":\"m.login.sso\",\"identity_providers\":[{\"id\":\"oidc-github\","
                + "\"name\":\"GitHub\",\"brand\":\"github\"}]}]}");

        LoginFlow sso = await(client.auth().loginFlows()).get(0);

        assertEquals("m.login.sso", sso.type());
        assertEquals(Optional.of("GitHub"), sso.identityProviders().get(0).string("name"));
    }

    @Test
    void passwordLoginSendsTheSpecShapeAndAdoptsTheSession() {
        server.ok(spec("login-response.json"));

        Session session = await(client.auth().login(LoginRequest.password("cheeky_monkey", "ilovebananas")
                .withInitialDeviceDisplayName("Jungle Phone")));

        RecordedRequest request = server.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/_matrix/client/v3/login", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
        // The spec's example request, plus refresh_token: mxj supports refresh tokens.
        assertEquals(with(RawJson.parse(spec("login-request.json")), "refresh_token", true), body(request));

        assertEquals(UserId.of("@cheeky_monkey:matrix.org"), session.userId());
        assertEquals(DeviceId.of("GHTYAJCE"), session.deviceId());
        assertEquals("abc123", session.accessToken());
        assertEquals(Optional.of("def456"), session.refreshToken());
        assertEquals(Optional.of(NOW.plusMillis(60000)), session.accessTokenExpiresAt());
        assertEquals(server.url(), session.homeserverUrl());
        assertEquals(Optional.of(session), client.session());
        assertEquals(Optional.of(session), store.loadSession());
        assertInstanceOf(SessionState.Active.class, client.sessionState());
    }

    @Test
    void laterRequestsCarryTheNewToken() {
        server.ok(spec("login-response.json"))
                .ok("{\"user_id\":\"@cheeky_monkey:matrix.org\",\"device_id\":\"GHTYAJCE\"}");

        await(client.auth().login(LoginRequest.password("cheeky_monkey", "ilovebananas")));
        await(client.account().whoami());

        server.take();
        assertEquals("Bearer abc123", server.take().getHeaders().get("Authorization"));
    }

    @Test
    void identifierTypesHaveTheSpecShape() {
        server.ok(spec("login-response.json")).ok(spec("login-response.json")).ok(spec("login-response.json"));

        await(client.auth().login(LoginRequest.password(UserId.of("@alice:example.org"), "pw")));
        await(client.auth().login(LoginRequest.password(UserIdentifier.email("alice@example.org"), "pw")));
        await(client.auth().login(LoginRequest.password(UserIdentifier.phone("GB", "07700900123"), "pw")));

        assertJson("{\"type\":\"m.id.user\",\"user\":\"@alice:example.org\"}",
                body(server.take()).object("identifier").orElseThrow());
        assertJson("{\"type\":\"m.id.thirdparty\",\"medium\":\"email\",\"address\":\"alice@example.org\"}",
                body(server.take()).object("identifier").orElseThrow());
        assertJson("{\"type\":\"m.id.phone\",\"country\":\"GB\",\"phone\":\"07700900123\"}",
                body(server.take()).object("identifier").orElseThrow());
    }

    @Test
    void tokenLoginSendsTheSpecShape() {
        server.ok(spec("login-response.json"));

        await(client.auth().login(LoginRequest.token("login-token-123")));

        assertJson("{\"type\":\"m.login.token\",\"token\":\"login-token-123\",\"refresh_token\":true}",
                body(server.take()));
    }

    @Test
    void deviceIdIsSentAndStandsInWhenTheAnswerLacksIt() {
        server.ok("{\"user_id\":\"@alice:example.org\",\"access_token\":\"tok\"}");

        Session session = await(client.auth().login(LoginRequest.password("alice", "pw")
                .withDeviceId(DeviceId.of("MYDEVICE")).withRequestRefreshToken(false)));

        assertJson("{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\",\"user\":\"alice\"},"
                + "\"password\":\"pw\",\"device_id\":\"MYDEVICE\"}", body(server.take()));
        assertEquals(DeviceId.of("MYDEVICE"), session.deviceId());
        assertEquals(Optional.empty(), session.refreshToken());
        assertEquals(Optional.empty(), session.accessTokenExpiresAt());
    }

    @Test
    void anAnswerWithoutDeviceIdIsInvalidWhenNoneWasAsked() {
        server.ok("{\"user_id\":\"@alice:example.org\",\"access_token\":\"tok-SECRET\"}");

        InvalidResponseException e = failure(client.auth().login(LoginRequest.password("alice", "pw")),
                InvalidResponseException.class);

        assertTrue(e.getMessage().contains("device_id"), e.getMessage());
        assertFalse(e.getMessage().contains("tok-SECRET"));
        assertEquals(Optional.empty(), client.session());
        assertEquals(Optional.empty(), store.loadSession());
    }

    @Test
    void anAnswerWithoutAccessTokenIsInvalid() {
        server.ok("{\"user_id\":\"@alice:example.org\",\"device_id\":\"D\"}");

        InvalidResponseException e = failure(client.auth().login(LoginRequest.password("alice", "pw")),
                InvalidResponseException.class);

        assertTrue(e.getMessage().contains("access_token"), e.getMessage());
        assertEquals(Optional.empty(), client.session());
    }

    @Test
    void wrongPasswordIsForbidden() {
        server.json(403, spec("login-403.json"));

        MatrixApiException e = failure(client.auth().login(LoginRequest.password("alice", "hunter2-SECRET")),
                MatrixApiException.class);

        assertEquals(403, e.httpStatus());
        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertFalse(e.getMessage().contains("hunter2-SECRET"));
        assertEquals(Optional.empty(), client.session());
        assertEquals(1, server.requestCount());
    }

    @Test
    void badLoginTypeIsReported() {
        server.json(400, spec("login-400.json"));

        MatrixApiException e = failure(client.auth().login(LoginRequest.token("t")), MatrixApiException.class);

        assertEquals(ErrorCode.UNKNOWN, e.errorCode());
        assertEquals("Bad login type.", e.error());
    }

    @Test
    void aSecondLoginReplacesTheSession() {
        server.ok(spec("login-response.json"))
                .ok("{\"user_id\":\"@bob:example.org\",\"access_token\":\"bobtoken\",\"device_id\":\"BOB\"}");

        await(client.auth().login(LoginRequest.password("cheeky_monkey", "pw")));
        await(client.auth().login(LoginRequest.password("bob", "pw")));

        assertEquals(UserId.of("@bob:example.org"), client.session().orElseThrow().userId());
        assertEquals("bobtoken", store.loadSession().orElseThrow().accessToken());
    }
}
