package dev.mxj.auth;

import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LogoutTest {
    private final MockHomeserver server = MockHomeserver.start();
    private final MemorySessionStore store = new MemorySessionStore();
    private final MatrixClient client;

    LogoutTest() {
        store.saveSession(server.session());
        client = server.builder().sessionStore(store).build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void logoutPostsWithTheTokenAndForgetsTheSession() {
        server.ok("{}");

        await(client.auth().logout());

        RecordedRequest request = server.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/_matrix/client/v3/logout", request.getUrl().encodedPath());
        assertEquals("Bearer " + MockHomeserver.ACCESS_TOKEN, request.getHeaders().get("Authorization"));
        assertEquals(Optional.empty(), client.session());
        assertEquals(Optional.empty(), store.loadSession());
        assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
    }

    @Test
    void logoutAllPostsToLogoutAll() {
        server.ok("{}");

        await(client.auth().logoutAll());

        assertEquals("/_matrix/client/v3/logout/all", server.take().getUrl().encodedPath());
        assertEquals(Optional.empty(), store.loadSession());
    }

    @Test
    void requestsAfterLogoutFailWithSessionEnded() {
        server.ok("{}");
        await(client.auth().logout());

        failure(client.account().whoami(), SessionEndedException.class);
        assertEquals(1, server.requestCount());
    }

    @Test
    void anUnknownTokenMeansTheSessionIsGoneAnyway() {
        server.error(401, "M_UNKNOWN_TOKEN", "Invalid access token");

        await(client.auth().logout());

        assertEquals(Optional.empty(), client.session());
        assertEquals(Optional.empty(), store.loadSession());
        assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
    }

    @Test
    void aServerFailureKeepsTheSession() {
        server.error(500, "M_UNKNOWN", "Internal error");

        MatrixApiException e = failure(client.auth().logout(), MatrixApiException.class);

        assertEquals(500, e.httpStatus());
        assertEquals(Optional.of(server.session()), client.session());
        assertEquals(Optional.of(server.session()), store.loadSession());
    }

    @Test
    void loggingOutWithoutASessionDoesNothing() {
        try (MatrixClient fresh = server.client()) {
            await(fresh.auth().logout());
            assertEquals(0, server.requestCount());
        }
    }
}
