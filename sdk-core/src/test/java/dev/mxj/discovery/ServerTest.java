package dev.mxj.discovery;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code client.server()}: versions and capabilities from the spec's examples, and their defaults. */
class ServerTest {
    private MockHomeserver mock;
    private MatrixClient client;

    @BeforeEach
    void start() {
        mock = MockHomeserver.start();
        client = mock.loggedInClient();
    }

    @AfterEach
    void stop() {
        client.close();
        mock.close();
    }

    @Test
    void versionsFromTheSpecExample() {
        mock.ok(resource("/spec-examples/discovery/versions.json"));

        Versions versions = client.server().versions().join();

        assertEquals(List.of("r0.0.1", "v1.1"), versions.versions());
        assertEquals(Map.of("org.example.my_feature", true), versions.unstableFeatures());
        assertTrue(versions.supports("v1.1"));
        assertFalse(versions.supports("v1.2"));
        assertTrue(versions.isFeatureEnabled("org.example.my_feature"));
        assertFalse(versions.isFeatureEnabled("org.example.other"));
        RecordedRequest request = mock.take();
        assertEquals("/_matrix/client/versions", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
    }

    @Test
    void versionsKeepsUnknownFieldsAndSkipsNullFeatures() {
        mock.ok("{\"versions\":[\"v1.11\"],\"unstable_features\":{\"a\":false,\"b\":null},\"org.example.x\":7}");

        Versions versions = client.server().versions().join();

        assertEquals(Map.of("a", false), versions.unstableFeatures());
        assertEquals(Optional.of(7L), versions.raw().longValue("org.example.x"));
    }

    @Test
    void versionsWithoutTheListIsInvalid() {
        mock.ok("{\"unstable_features\":{}}");

        CompletionException e = assertThrows(CompletionException.class, () -> client.server().versions().join());

        assertInstanceOf(InvalidResponseException.class, e.getCause());
    }

    @Test
    void capabilitiesFromTheSpecExample() {
        mock.ok(resource("/spec-examples/discovery/capabilities.json"));

        Capabilities caps = client.server().capabilities().join();

        assertFalse(caps.canChangePassword());
        assertEquals("1", caps.roomVersions().defaultVersion());
        assertEquals(List.of("1", "2", "3", "test-version"), List.copyOf(caps.roomVersions().available().keySet()));
        assertTrue(caps.roomVersions().isStable("2"));
        assertEquals(Optional.of(RoomVersions.Stability.UNSTABLE), caps.roomVersions().stability("3"));
        assertEquals(Optional.empty(), caps.roomVersions().stability("42"));
        assertEquals(Optional.of(600L), caps.capability("com.example.custom.ratelimit").orElseThrow()
                .longValue("max_requests_per_hour"));
        // Not in the example: the spec's defaults.
        assertTrue(caps.canSetDisplayName());
        assertTrue(caps.canSetAvatarUrl());
        assertTrue(caps.canChangeThirdPartyIds());
        assertFalse(caps.canGetLoginToken());
        assertEquals(Optional.empty(), caps.profileFields());
        RecordedRequest request = mock.take();
        assertEquals("/_matrix/client/v3/capabilities", request.getUrl().encodedPath());
        assertEquals("Bearer " + MockHomeserver.ACCESS_TOKEN, request.getHeaders().get("Authorization"));
    }

    @Test
    void capabilitiesDefaultsWhenTheServerSendsNone() {
        mock.ok("{\"capabilities\":{}}").ok("{}");

        for (int i = 0; i < 2; i++) {
            Capabilities caps = client.server().capabilities().join();
            assertTrue(caps.canChangePassword());
            assertEquals(RoomVersions.specDefault(), caps.roomVersions());
            assertTrue(caps.canSetDisplayName());
            assertTrue(caps.canSetAvatarUrl());
            assertTrue(caps.canChangeThirdPartyIds());
            assertFalse(caps.canGetLoginToken());
            assertEquals(Optional.empty(), caps.profileFields());
            assertEquals(Optional.empty(), caps.capability("m.change_password"));
        }
    }

    @Test
    void capabilitiesReadsEveryKnownCapability() {
        mock.ok("{\"capabilities\":{\"m.set_displayname\":{\"enabled\":false},\"m.set_avatar_url\":{\"enabled\":false},"
                + "\"m.3pid_changes\":{\"enabled\":false},\"m.get_login_token\":{\"enabled\":true},"
                + "\"m.room_versions\":{\"default\":\"10\",\"available\":{\"10\":\"stable\",\"x\":\"odd\"}},"
                + "\"m.profile_fields\":{\"enabled\":true,\"disallowed\":[\"displayname\"]}}}");

        Capabilities caps = client.server().capabilities().join();

        assertFalse(caps.canSetDisplayName());
        assertFalse(caps.canSetAvatarUrl());
        assertFalse(caps.canChangeThirdPartyIds());
        assertTrue(caps.canGetLoginToken());
        assertEquals("10", caps.roomVersions().defaultVersion());
        assertEquals(Optional.of(RoomVersions.Stability.UNSTABLE), caps.roomVersions().stability("x"));
        ProfileFields fields = caps.profileFields().orElseThrow();
        assertTrue(fields.canSet("m.tz"));
        assertFalse(fields.canSet("displayname"));
        assertEquals(Optional.empty(), fields.allowed());
    }

    @Test
    void profileFieldsAllowListWins() {
        ProfileFields allowed = new ProfileFields(true, Optional.of(List.of("m.tz")), Optional.of(List.of("m.tz")));
        ProfileFields disabled = new ProfileFields(false, Optional.empty(), Optional.empty());

        assertTrue(allowed.canSet("m.tz"));
        assertFalse(allowed.canSet("displayname"));
        assertFalse(disabled.canSet("m.tz"));
    }

    @Test
    void capabilitiesNeedASession() {
        try (MatrixClient anonymous = mock.client()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> anonymous.server().capabilities().join());

            assertInstanceOf(SessionEndedException.class, e.getCause());
            assertEquals(0, mock.requestCount());
        }
    }

    @Test
    void capabilitiesOfTheWrongShapeAreInvalid() {
        mock.ok("{\"capabilities\":{\"m.change_password\":{\"enabled\":\"yes\"}}}");

        CompletionException e = assertThrows(CompletionException.class, () -> client.server().capabilities().join());

        assertInstanceOf(InvalidResponseException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("m.change_password"), e.getCause().getMessage());
    }

    @Test
    void errorsAreReportedAsApiExceptions() {
        mock.error(403, "M_FORBIDDEN", "nope");

        CompletionException e = assertThrows(CompletionException.class, () -> client.server().capabilities().join());

        assertEquals(403, assertInstanceOf(MatrixApiException.class, e.getCause()).httpStatus());
    }

    @Test
    void homeserverUrlIsUnchangedByServerCalls() {
        mock.ok(resource("/spec-examples/discovery/versions.json"));
        client.server().versions().join();

        assertEquals(URI.create(mock.url().toString()), client.homeserverUrl());
    }
}
