package dev.mxj.discovery;

import dev.mxj.discovery.DiscoveryResult.FailError;
import dev.mxj.discovery.DiscoveryResult.FailPrompt;
import dev.mxj.discovery.DiscoveryResult.Found;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's well-known flow, outcome by outcome, against a mock server routed by path. */
class DiscoveryTest {
    static final String WELL_KNOWN = "/.well-known/matrix/client";
    static final String VERSIONS = "/_matrix/client/versions";
    static final String IDENTITY = "/_matrix/identity/v2";

    private RoutingServer server;
    private Discovery discovery;

    @BeforeEach
    void start() {
        server = RoutingServer.start();
        discovery = Discovery.builder().retryConfig(MockHomeserver.fastRetries()).build();
    }

    @AfterEach
    void stop() {
        discovery.close();
        server.close();
    }

    private DiscoveryResult discover() {
        return discovery.discover(server.url().toString()).join();
    }

    private void wellKnown(String homeserverUrl) {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + homeserverUrl + "\"}}");
    }

    private void versionsAt(String prefix) {
        server.ok(prefix + VERSIONS, resource("/spec-examples/discovery/versions.json"));
    }

    @Test
    void foundWithoutIdentityServer() {
        wellKnown(server.url().toString());
        versionsAt("");

        Found found = assertInstanceOf(Found.class, discover());

        assertEquals(server.url(), found.homeserverUrl());
        assertEquals(Optional.empty(), found.identityServerUrl());
        assertEquals(DiscoveryResult.Source.WELL_KNOWN, found.source());
        assertEquals(List.of("r0.0.1", "v1.1"), found.versions().versions());
        assertEquals(List.of(WELL_KNOWN, VERSIONS), server.paths());
        assertTrue(server.requests().stream().allMatch(r -> r.getHeaders().get("Authorization") == null));
    }

    @Test
    void foundWithIdentityServerFromTheSpecExample() {
        String file = resource("/spec-examples/discovery/wellknown.json")
                .replace("https://matrix.example.com", server.url() + "/hs")
                .replace("https://identity.example.com", server.url() + "/is");
        server.ok(WELL_KNOWN, file);
        versionsAt("/hs");
        server.ok("/is" + IDENTITY, resource("/spec-examples/discovery/identity_v2.json"));

        Found found = assertInstanceOf(Found.class, discover());

        assertEquals(URI.create(server.url() + "/hs"), found.homeserverUrl());
        assertEquals(Optional.of(URI.create(server.url() + "/is")), found.identityServerUrl());
        assertEquals(Optional.of("https://custom.app.example.org"), found.wellKnown().orElseThrow()
                .object("org.example.custom.property").orElseThrow().string("app_url"));
        assertEquals(found, found.orElseThrow());
    }

    @Test
    void trailingSlashInBaseUrlIsDropped() {
        wellKnown(server.url() + "/hs/");
        versionsAt("/hs");

        Found found = assertInstanceOf(Found.class, discover());

        assertEquals(URI.create(server.url() + "/hs"), found.homeserverUrl());
        assertEquals(List.of(WELL_KNOWN, "/hs" + VERSIONS), server.paths());
    }

    @Test
    void notFoundFallsBackToTheInputAsHomeserver() {
        versionsAt("");

        Found found = assertInstanceOf(Found.class, discover());

        assertEquals(server.url(), found.homeserverUrl());
        assertEquals(DiscoveryResult.Source.FALLBACK, found.source());
        assertEquals(Optional.empty(), found.wellKnown());
        assertEquals(List.of(WELL_KNOWN, VERSIONS), server.paths());
    }

    @Test
    void notFoundAndNoHomeserverPromptsSayingNeitherWorked() {
        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discover());

        assertTrue(prompt.reason().contains("Neither worked"), prompt.reason());
        assertTrue(prompt.reason().contains("HTTP 404"), prompt.reason());
        assertEquals(List.of(WELL_KNOWN, VERSIONS), server.paths());
    }

    @Test
    void serverErrorPromptsAfterRetrying() {
        server.json(WELL_KNOWN, 500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"boom\"}");

        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discover());

        assertTrue(prompt.reason().contains("HTTP 500"), prompt.reason());
        assertEquals(4, server.hits(WELL_KNOWN));
        assertEquals(0, server.hits(VERSIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{not json", "[]", "\"text\"", "null", "{}", "{\"m.homeserver\":\"x\"}",
            "{\"m.homeserver\":{}}", "{\"m.homeserver\":{\"base_url\":null}}", "{\"m.homeserver\":{\"base_url\":\"\"}}"})
    void invalidOrEmptyFilePrompts(String body) {
        server.ok(WELL_KNOWN, body);

        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discover());

        assertTrue(prompt.reason().contains(server.url() + WELL_KNOWN), prompt.reason());
        assertEquals(0, server.hits(VERSIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"not a url\"", "\"ftp://matrix.example.org\"", "\"matrix.example.org\"", "42",
            "\"https://\"", "\"https://matrix.example.org/?q=1\""})
    void baseUrlThatIsNotAUrlIsAnError(String baseUrl) {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":" + baseUrl + "}}");

        FailError error = assertInstanceOf(FailError.class, discover());

        assertTrue(error.reason().contains("not an http(s) URL"), error.reason());
        assertEquals(List.of(WELL_KNOWN), server.paths());
    }

    @Test
    void homeserverThatFailsVersionsIsAnError() {
        wellKnown(server.url().toString());
        server.json(VERSIONS, 502, "<html>Bad gateway</html>");

        FailError error = assertInstanceOf(FailError.class, discover());

        assertTrue(error.reason().contains("HTTP 502"), error.reason());
        assertEquals(4, server.hits(VERSIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "{\"versions\":\"v1.1\"}", "{\"versions\":[\"v1.1\"],\"unstable_features\":[]}",
            "<html>hello</html>", ""})
    void homeserverAnsweringTheWrongShapeIsAnError(String body) {
        wellKnown(server.url().toString());
        server.ok(VERSIONS, body);

        FailError error = assertInstanceOf(FailError.class, discover());

        assertTrue(error.reason().contains(VERSIONS), error.reason());
    }

    @Test
    void identityServerWithoutBaseUrlPrompts() {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"},\"m.identity_server\":{}}");
        versionsAt("");

        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discover());

        assertTrue(prompt.reason().contains("m.identity_server"), prompt.reason());
    }

    @Test
    void homeserverIsValidatedBeforeTheIdentityServer() {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"},\"m.identity_server\":{}}");

        assertInstanceOf(FailError.class, discover());
    }

    @Test
    void identityServerThatDoesNotAnswerIsAnError() {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"},"
                + "\"m.identity_server\":{\"base_url\":\"" + server.url() + "/is\"}}");
        versionsAt("");

        FailError error = assertInstanceOf(FailError.class, discover());

        assertTrue(error.reason().contains("identity server"), error.reason());
        assertEquals(List.of(WELL_KNOWN, VERSIONS, "/is" + IDENTITY), server.paths());
    }

    @Test
    void identityServerBaseUrlThatIsNotAUrlIsAnError() {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"},"
                + "\"m.identity_server\":{\"base_url\":\"identity\"}}");
        versionsAt("");

        assertInstanceOf(FailError.class, discover());
    }

    @Test
    void nullIdentityServerIsIgnored() {
        server.ok(WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"},\"m.identity_server\":null}");
        versionsAt("");

        Found found = assertInstanceOf(Found.class, discover());

        assertFalse(found.identityServerUrl().isPresent());
    }

    @Test
    void unreachableServerPrompts() {
        String url = server.url().toString();
        server.close();

        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discovery.discover(url).join());

        assertTrue(prompt.reason().startsWith("Could not fetch " + url + WELL_KNOWN), prompt.reason());
    }

    @Test
    void redirectedWellKnownIsFollowed() {
        server.route(WELL_KNOWN, new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
        server.ok("/elsewhere", "{\"m.homeserver\":{\"base_url\":\"" + server.url() + "\"}}");
        versionsAt("");

        assertInstanceOf(Found.class, discover());
    }
}
