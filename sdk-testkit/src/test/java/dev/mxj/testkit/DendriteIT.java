package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DendriteIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void startsRegistersAndStops() throws IOException {
        Path dataDir;
        long pid;
        try (Dendrite dendrite = Dendrite.builder().start()) {
            dataDir = dendrite.dataDir();
            pid = dendrite.pid();
            assertEquals("127.0.0.1", dendrite.baseUrl().getHost());
            assertEquals("localhost", dendrite.serverName());
            assertTrue(dendrite.isRunning());
            Http http = new Http(dendrite.baseUrl());

            Http.Response versions = http.get("/_matrix/client/versions", null, TIMEOUT);
            assertEquals(200, versions.status(), versions.body());
            assertTrue(versions.json().get("versions") instanceof List<?>, versions.body());

            Http.Response wellKnown = http.get("/.well-known/matrix/client", null, TIMEOUT);
            assertEquals(200, wellKnown.status(), wellKnown.body());
            assertEquals(Map.of("base_url", dendrite.baseUrl().toString()),
                    wellKnown.json().get("m.homeserver"));

            TestUser alice = dendrite.registerUser();
            assertTrue(alice.userId().startsWith("@" + alice.localpart() + ":localhost"), alice.userId());
            Http.Response whoami = http.get("/_matrix/client/v3/account/whoami",
                    alice.accessToken(), TIMEOUT);
            assertEquals(200, whoami.status(), whoami.body());
            assertEquals(alice.userId(), whoami.string("user_id"));
            assertEquals(alice.deviceId(), whoami.string("device_id"));

            TestUser bob = dendrite.registerUser("bob", "bobs-password");
            assertEquals("@bob:localhost", bob.userId());
            assertNotEquals(alice.userId(), dendrite.registerUser().userId());
            Http.Response login = http.post("/_matrix/client/v3/login", null, Map.of(
                    "type", "m.login.password",
                    "identifier", Map.of("type", "m.id.user", "user", "bob"),
                    "password", "bobs-password"));
            assertEquals(200, login.status(), login.body());
            assertEquals("@bob:localhost", login.string("user_id"));

            assertThrows(DendriteException.class, () -> dendrite.registerUser("bob", "again"));
            assertThrows(IllegalStateException.class, dendrite::createRegistrationToken);
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        assertFalse(server.isPresent() && server.get().isAlive(), "dendrite still running");
        assertFalse(Files.exists(dataDir), "data dir not deleted: " + dataDir);
    }

    @Test
    void registrationTokens() throws IOException {
        try (Dendrite dendrite = Dendrite.builder().registrationRequiresToken(true).start()) {
            assertTrue(dendrite.registrationRequiresToken());
            assertEquals("abc_1", dendrite.createRegistrationToken("abc_1", 2));
            String random = dendrite.createRegistrationToken();
            assertEquals(16, random.length(), random);

            Http http = new Http(dendrite.baseUrl());
            TestUser admin = dendrite.registerAdmin();
            Http.Response token = http.get("/_dendrite/admin/registrationTokens/abc_1",
                    admin.accessToken(), TIMEOUT);
            assertEquals(200, token.status(), token.body());
            assertEquals(2.0, token.json().get("uses_allowed"), token.body());

            // Dendrite v0.13.8 stores tokens but does not implement the m.login.registration_token
            // stage: /register offers only m.login.dummy and rejects the token stage. If this
            // starts failing after an upgrade, the server has gained the feature: test it then.
            Http.Response flows = http.post("/_matrix/client/v3/register", null,
                    Map.of("username", "carol", "password", "carols-password"));
            assertEquals(401, flows.status(), flows.body());
            assertFalse(flows.body().contains("m.login.registration_token"), flows.body());
            Http.Response withToken = http.post("/_matrix/client/v3/register", null, Map.of(
                    "username", "carol", "password", "carols-password",
                    "auth", Map.of("type", "m.login.registration_token", "token", "abc_1",
                            "session", flows.string("session"))));
            assertFalse(withToken.ok(), withToken.body());
            assertEquals("M_UNKNOWN", withToken.string("errcode"), withToken.body());
        }
    }
}
