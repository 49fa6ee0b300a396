package dev.mxj.internal.auth;

import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh tokens: before expiry, on soft logout, coalesced, and the hard-logout end state. */
class SessionRefreshTest {
    private static final String OLD = "old_access_SECRET";
    private static final String NEW = "new_access_SECRET";
    private static final String REFRESH = "refresh_SECRET";

    private final MockHomeserver mock = MockHomeserver.start();
    private final MemorySessionStore store = new MemorySessionStore();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicInteger whoamiCalls = new AtomicInteger();
    private volatile String refreshAnswer = "{\"access_token\":\"" + NEW + "\",\"refresh_token\":\"refresh2_SECRET\","
            + "\"expires_in_ms\":3600000}";
    private volatile int refreshStatus = 200;

    @AfterEach
    void close() {
        mock.close();
    }

    /** Whoami accepts only the new token; /refresh hands it out after a short delay. */
    private void serveTokens() {
        mock.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/refresh")) {
                    refreshCalls.incrementAndGet();
                    sleep(200);
                    return json(refreshStatus, refreshAnswer);
                }
                whoamiCalls.incrementAndGet();
                String auth = request.getHeaders().get("Authorization");
                if (("Bearer " + NEW).equals(auth)) {
                    return json(200, "{\"user_id\":\"@alice:example.org\",\"device_id\":\"DEV\"}");
                }
                return json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"expired\",\"soft_logout\":true}");
            }
        });
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MatrixClient client(Optional<Instant> expiry, Optional<String> refresh, Clock clock) {
        store.saveSession(new Session(mock.url(), UserId.of("@alice:example.org"), DeviceId.of("DEV"), OLD,
                refresh, expiry));
        return mock.builder().sessionStore(store).clock(clock).build();
    }

    @Test
    void concurrentRequestsShareOneRefreshOnSoftLogout() {
        serveTokens();
        try (MatrixClient client = client(Optional.empty(), Optional.of(REFRESH), Clock.systemUTC())) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(client.account().whoami());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            assertEquals(1, refreshCalls.get(), "refreshes must be coalesced");
            Session saved = store.loadSession().orElseThrow();
            assertEquals(NEW, saved.accessToken());
            assertEquals(Optional.of("refresh2_SECRET"), saved.refreshToken());
            assertTrue(saved.accessTokenExpiresAt().isPresent());
            assertEquals(NEW, client.session().orElseThrow().accessToken());
        }
    }

    @Test
    void refreshesBeforeExpiry() throws Exception {
        serveTokens();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Instant soon = clock.instant().plusSeconds(10);
        try (MatrixClient client = client(Optional.of(soon), Optional.of(REFRESH), clock)) {
            client.account().whoami().join();
        }
        assertEquals(1, refreshCalls.get());
        assertEquals(1, whoamiCalls.get(), "the old token must not be sent once it is due");
        RecordedRequest refresh = mock.take();
        assertEquals("/_matrix/client/v3/refresh", refresh.getUrl().encodedPath());
        assertTrue(refresh.getBody().utf8().contains("\"refresh_token\":\"" + REFRESH + "\""));
        assertEquals(null, refresh.getHeaders().get("Authorization"), "refresh is unauthenticated");
    }

    @Test
    void notYetDueTokenIsUsedAsIs() {
        mock.ok("{\"user_id\":\"@alice:example.org\"}");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (MatrixClient client = client(Optional.of(clock.instant().plus(Duration.ofHours(1))),
                Optional.of(REFRESH), clock)) {
            client.account().whoami().join();
        }
        assertEquals("Bearer " + OLD, mock.take().getHeaders().get("Authorization"));
        assertEquals(1, mock.requestCount());
    }

    @Test
    void refusedRefreshEndsTheSessionWithoutARequestStorm() throws Exception {
        refreshStatus = 401;
        refreshAnswer = "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"refresh token revoked\"}";
        serveTokens();
        List<SessionState> states = new CopyOnWriteArrayList<>();
        try (MatrixClient client = client(Optional.empty(), Optional.of(REFRESH), Clock.systemUTC())) {
            client.onSessionStateChanged(states::add);
            CompletionException first = assertThrows(CompletionException.class, () -> client.account().whoami().join());
            assertInstanceOf(SessionEndedException.class, first.getCause());
            int before = mock.requestCount();
            for (int i = 0; i < 20; i++) {
                CompletionException e = assertThrows(CompletionException.class, () -> client.account().whoami().join());
                assertInstanceOf(SessionEndedException.class, e.getCause());
                assertFalse(e.getCause().getMessage().contains("SECRET"));
            }
            assertEquals(before, mock.requestCount(), "an ended session must not reach the server");
            assertInstanceOf(SessionState.Ended.class, client.sessionState());
            assertTrue(store.loadSession().isEmpty(), "an ended session is removed from the store");
            sleep(200);
            assertEquals(1, states.stream().filter(SessionState.Ended.class::isInstance).count());
        }
    }

    @Test
    void hardLogoutEndsTheSession() {
        mock.error(401, "M_UNKNOWN_TOKEN", "device deleted");
        try (MatrixClient client = client(Optional.empty(), Optional.of(REFRESH), Clock.systemUTC())) {
            CompletionException e = assertThrows(CompletionException.class, () -> client.account().whoami().join());
            assertInstanceOf(SessionEndedException.class, e.getCause());
            assertInstanceOf(SessionState.Ended.class, client.sessionState());
        }
        assertEquals(1, mock.requestCount(), "no refresh on a hard logout");
    }

    @Test
    void softLogoutWithoutRefreshTokenKeepsTheDevice() {
        mock.json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"expired\",\"soft_logout\":true}");
        try (MatrixClient client = client(Optional.empty(), Optional.empty(), Clock.systemUTC())) {
            CompletionException e = assertThrows(CompletionException.class, () -> client.account().whoami().join());
            assertTrue(e.getCause().getMessage().contains("DEV"), e.getCause().getMessage());
            SessionState.SoftLoggedOut soft = assertInstanceOf(SessionState.SoftLoggedOut.class, client.sessionState());
            assertEquals(DeviceId.of("DEV"), soft.previous().deviceId());
        }
        assertTrue(store.loadSession().isPresent(), "a soft logout keeps the stored session for re-login");
    }

    @Test
    void sessionToStringHidesTokens() {
        Session s = new Session(mock.url(), UserId.of("@alice:example.org"), DeviceId.of("DEV"), OLD,
                Optional.of(REFRESH), Optional.empty());
        assertFalse(s.toString().contains("SECRET"), s.toString());
    }
}
