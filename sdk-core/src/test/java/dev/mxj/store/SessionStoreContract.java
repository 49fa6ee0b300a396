package dev.mxj.store;

import dev.mxj.StoreException;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one contract every {@link SessionStore} passes. Subclass it and implement {@link #newStore()};
 * a store that outlives the process subclasses {@link PersistentSessionStoreContract} instead.
 *
 * <p>Expiry instants here have millisecond precision: stores may keep no more than that.
 */
public abstract class SessionStoreContract {
    private static final String ACCESS_TOKEN = "syt_contract_access_5f2a9c";
    private static final String REFRESH_TOKEN = "syr_contract_refresh_81d4e0";

    private final List<SessionStore> opened = new ArrayList<>();

    /** A new, empty store. Called once or more per test; the suite closes what it gets. */
    protected abstract SessionStore newStore() throws Exception;

    @AfterEach
    void closeStores() {
        for (SessionStore store : opened) {
            store.close();
        }
    }

    protected SessionStore store() throws Exception {
        return track(newStore());
    }

    protected SessionStore track(SessionStore store) {
        opened.add(store);
        return store;
    }

    /** A session with every optional field set. */
    protected static Session fullSession() {
        return new Session(URI.create("https://matrix.example.org"), UserId.of("@alice:example.org"),
                DeviceId.of("ALICEDEVICE"), ACCESS_TOKEN, Optional.of(REFRESH_TOKEN),
                Optional.of(Instant.ofEpochMilli(1_790_000_123_456L)));
    }

    /** A session with no refresh token and no expiry. */
    protected static Session bareSession() {
        return Session.of(URI.create("https://hs.example.net:8448/prefix"), UserId.of("@bob:example.net"),
                DeviceId.of("BOBDEVICE"), "syt_bare_token_77");
    }

    /** Session number {@code n}: every field says {@code n}, so a mix of two is easy to see. */
    protected static Session numbered(int n) {
        return new Session(URI.create("https://hs" + n + ".example.org"), UserId.of("@user" + n + ":example.org"),
                DeviceId.of("DEVICE" + n), "access-" + n, Optional.of("refresh-" + n),
                Optional.of(Instant.ofEpochMilli(1_000_000L + n)));
    }

    @Test
    void isEmptyAtFirst() throws Exception {
        assertEquals(Optional.empty(), store().loadSession());
    }

    @Test
    void loadsWhatWasSavedWithRefreshTokenAndExpiry() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        assertEquals(Optional.of(fullSession()), store.loadSession());
    }

    @Test
    void loadsWhatWasSavedWithoutRefreshTokenOrExpiry() throws Exception {
        SessionStore store = store();
        store.saveSession(bareSession());
        Session loaded = store.loadSession().orElseThrow();
        assertEquals(bareSession(), loaded);
        assertEquals(Optional.empty(), loaded.refreshToken());
        assertEquals(Optional.empty(), loaded.accessTokenExpiresAt());
    }

    @Test
    void saveReplacesThePreviousSession() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        store.saveSession(bareSession());
        assertEquals(Optional.of(bareSession()), store.loadSession());

        Session refreshed = bareSession().withTokens("syt_new", Optional.of("syr_new"),
                Optional.of(Instant.ofEpochMilli(42)));
        store.saveSession(refreshed);
        assertEquals(Optional.of(refreshed), store.loadSession());
    }

    @Test
    void clearForgetsTheSession() throws Exception {
        SessionStore store = store();
        store.clearSession();
        assertEquals(Optional.empty(), store.loadSession());

        store.saveSession(fullSession());
        store.clearSession();
        assertEquals(Optional.empty(), store.loadSession());

        store.saveSession(bareSession());
        assertEquals(Optional.of(bareSession()), store.loadSession());
    }

    @Test
    void savingNullIsRefusedAndKeepsTheSession() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        assertThrows(NullPointerException.class, () -> store.saveSession(null));
        assertEquals(Optional.of(fullSession()), store.loadSession());
    }

    @Test
    @Timeout(60)
    void concurrentSavesLeaveOneWholeSession() throws Exception {
        SessionStore store = store();
        int writers = 6;
        int savesEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Session> seen = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < savesEach; i++) {
                        store.saveSession(numbered(writer * 1000 + i));
                    }
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < writers * savesEach; i++) {
                    store.loadSession().ifPresent(seen::add);
                }
                return null;
            }));
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Session last = store.loadSession().orElseThrow(() -> new AssertionError("no session after saves"));
        seen.add(last);
        for (Session session : seen) {
            assertWhole(session);
        }
        int n = numberOf(last);
        assertEquals(savesEach - 1, n % 1000, "the last save of some writer must win: " + last);
    }

    private static void assertWhole(Session session) {
        assertEquals(numbered(numberOf(session)), session, "a session mixed from two saves");
    }

    private static int numberOf(Session session) {
        return Integer.parseInt(session.accessToken().substring("access-".length()));
    }

    @Test
    void textsNeverShowTheTokens() throws Exception {
        SessionStore store = store();
        store.saveSession(fullSession());
        assertNoToken(String.valueOf(store));
        assertNoToken(store.loadSession().orElseThrow().toString());

        // A store used after close either still works or fails with a StoreException; either way,
        // nothing it says may carry a token.
        store.close();
        for (Runnable use : List.<Runnable>of(() -> store.saveSession(fullSession()), store::loadSession,
                store::clearSession)) {
            try {
                use.run();
            } catch (RuntimeException e) {
                assertInstanceOf(StoreException.class, e, "a store fails with StoreException");
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertNoToken(t.toString());
                }
            }
        }
        assertNoToken(String.valueOf(store));
    }

    /** Fails if {@code text} holds a token of this suite's sessions; for subclasses' own checks. */
    protected static void assertNoToken(String text) {
        assertFalse(text.contains(ACCESS_TOKEN), () -> "access token in: " + text);
        assertFalse(text.contains(REFRESH_TOKEN), () -> "refresh token in: " + text);
    }

    @Test
    void closeTwiceIsHarmless() throws Exception {
        SessionStore store = store();
        store.close();
        store.close();
    }
}
