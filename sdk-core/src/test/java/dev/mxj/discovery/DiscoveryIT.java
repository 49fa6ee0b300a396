package dev.mxj.discovery;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.discovery.DiscoveryResult.Found;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery and server information against a real Dendrite, whose well-known file names itself. */
@ExtendWith(DendriteExtension.class)
class DiscoveryIT {

    @Test
    void discoversDendriteThroughItsWellKnownFile(Dendrite dendrite) {
        URI baseUrl = dendrite.baseUrl();
        try (Discovery discovery = Discovery.create()) {
            Found found = assertInstanceOf(Found.class, discovery.discover(baseUrl.toString()).join());

            assertEquals(stripSlash(baseUrl), found.homeserverUrl());
            assertEquals(DiscoveryResult.Source.WELL_KNOWN, found.source());
            assertEquals(Optional.empty(), found.identityServerUrl());
            assertTrue(found.versions().supports("v1.2"), found.versions().versions().toString());
        }
    }

    @Test
    void supportIsNotPublishedByDendrite(Dendrite dendrite) {
        try (Discovery discovery = Discovery.create()) {
            assertEquals(Optional.empty(), discovery.support(dendrite.baseUrl().toString()).join());
        }
    }

    @Test
    void serverInformationForALoggedInClient(Dendrite dendrite, TestUser user) {
        URI url = dendrite.baseUrl();
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(url, UserId.of(user.userId()), DeviceId.of(user.deviceId()), user.accessToken()));
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(url).sessionStore(store).build()) {
            Server server = client.server();

            Versions versions = server.versions().join();
            assertTrue(versions.supports("v1.2"), versions.versions().toString());

            Capabilities caps = server.capabilities().join();
            String defaultVersion = caps.roomVersions().defaultVersion();
            assertTrue(caps.roomVersions().isStable(defaultVersion), caps.raw().json());
            assertTrue(caps.raw().has("m.room_versions"), caps.raw().json());
            assertTrue(caps.roomVersions().isStable("1"), caps.raw().json());
            assertTrue(caps.canChangePassword(), caps.raw().json());

            assertEquals(Optional.empty(), server.support().join());
            assertEquals(Optional.empty(), server.authMetadata().join());
        }
    }

    @Test
    void trailingSlashInTheInputIsIgnored(Dendrite dendrite) {
        try (Discovery discovery = Discovery.create()) {
            DiscoveryResult result = discovery.discover(dendrite.baseUrl() + "/").join();

            assertInstanceOf(Found.class, result, result.toString());
            assertEquals(stripSlash(dendrite.baseUrl()), result.orElseThrow().homeserverUrl());
        }
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
