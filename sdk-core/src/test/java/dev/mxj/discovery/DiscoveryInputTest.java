package dev.mxj.discovery;

import dev.mxj.MatrixException;
import dev.mxj.discovery.DiscoveryResult.FailPrompt;
import dev.mxj.discovery.DiscoveryResult.Found;
import dev.mxj.testing.MockHomeserver;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which URLs discovery asks for each form of input. An interceptor records the URL mxj meant and
 * sends the request to the mock server instead, so {@code https://example.org} needs no DNS or TLS.
 */
class DiscoveryInputTest {
    private RoutingServer server;
    private OkHttpClient http;
    private Discovery discovery;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = RoutingServer.start();
        http = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            asked.add(request.url().toString());
            HttpUrl target = request.url().newBuilder().scheme("http").host(server.host()).port(server.port()).build();
            return chain.proceed(request.newBuilder().url(target).build());
        }).build();
        discovery = Discovery.builder().httpClient(http).retryConfig(MockHomeserver.fastRetries()).userAgent("Test/1")
                .build();
    }

    @AfterEach
    void stop() {
        discovery.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    @Test
    void userIdUsesTheHostnameForWellKnownAndTheWholeServerNameForTheFallback() {
        server.ok(DiscoveryTest.VERSIONS, resource("/spec-examples/discovery/versions.json"));

        Found found = assertInstanceOf(Found.class, discovery.discover("@alice:example.org:8448").join());

        assertEquals(List.of("https://example.org/.well-known/matrix/client",
                "https://example.org:8448/_matrix/client/versions"), asked);
        assertEquals(URI.create("https://example.org:8448"), found.homeserverUrl());
        assertTrue(server.requests().get(0).getHeaders().get("User-Agent").endsWith(" Test/1"));
    }

    @Test
    void serverNameIsLookedUpOverHttps() {
        server.ok(DiscoveryTest.WELL_KNOWN, "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"}}");
        server.ok(DiscoveryTest.VERSIONS, resource("/spec-examples/discovery/versions.json"));

        Found found = assertInstanceOf(Found.class, discovery.discover(" example.org/ ").join());

        assertEquals(List.of("https://example.org/.well-known/matrix/client",
                "https://matrix.example.org/_matrix/client/versions"), asked);
        assertEquals(URI.create("https://matrix.example.org"), found.homeserverUrl());
    }

    @Test
    void urlKeepsItsSchemeAndPortAndFallsBackToItsPath() {
        server.ok("/base" + DiscoveryTest.VERSIONS, resource("/spec-examples/discovery/versions.json"));

        Found found = assertInstanceOf(Found.class, discovery.discover("http://example.org:8008/base/").join());

        assertEquals(List.of("http://example.org:8008/.well-known/matrix/client",
                "http://example.org:8008/base/_matrix/client/versions"), asked);
        assertEquals(URI.create("http://example.org:8008/base"), found.homeserverUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not a server", "@alice", "@:example.org", "ftp://example.org",
            "https://", "example.org:99999"})
    void inputThatIsNoneOfTheFormsPromptsWithoutAnyRequest(String input) {
        FailPrompt prompt = assertInstanceOf(FailPrompt.class, discovery.discover(input).join());

        assertTrue(prompt.reason().contains("example.org"), prompt.reason());
        assertEquals(List.of(), asked);
        MatrixException thrown = assertThrows(MatrixException.class, prompt::orElseThrow);
        assertTrue(thrown.getMessage().contains(prompt.reason()));
    }

    @Test
    void supportIsReadFromTheServerNamesHost() {
        server.ok("/.well-known/matrix/support", resource("/spec-examples/discovery/support.json"));

        SupportInfo support = discovery.support("@alice:example.org").join().orElseThrow();

        assertEquals(List.of("https://example.org/.well-known/matrix/support"), asked);
        assertEquals(2, support.contacts().size());
    }

    @Test
    void supportIsEmptyWhenNotPublished() {
        assertEquals(java.util.Optional.empty(), discovery.support("example.org").join());
    }

    @Test
    void supportFailsForOtherErrors() {
        server.json("/.well-known/matrix/support", 403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"no\"}");

        CompletionException e = assertThrows(CompletionException.class, () -> discovery.support("example.org").join());

        assertInstanceOf(dev.mxj.MatrixApiException.class, e.getCause());
    }

    @Test
    void supportRejectsInvalidInput() {
        CompletionException e = assertThrows(CompletionException.class, () -> discovery.support("not valid").join());

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void closedDiscoveryRefusesWork() {
        discovery.close();

        CompletionException e = assertThrows(CompletionException.class, () -> discovery.discover("example.org").join());

        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(List.of(), asked);
    }
}
