package dev.mxj.internal.auth;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.api.RefreshApi;
import dev.mxj.internal.http.AccessTokenSource;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Owns the session: hands out the access token, refreshes it before it expires and when the
 * server says it is unknown (one refresh at a time, however many requests ask), saves every change
 * to the {@link SessionStore}, and turns a hard logout into one state change.
 */
public final class SessionManager implements AccessTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    /** Refresh this long before the server's stated expiry. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Transport transport;
    private final SessionStore store;
    private final Listeners<SessionState> listeners;
    private final Clock clock;
    private SessionState state = new SessionState.NotLoggedIn();
    private CompletableFuture<Session> refreshing;

    public SessionManager(Transport transport, SessionStore store, Listeners<SessionState> listeners, Clock clock) {
        this.transport = transport;
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
    }

    public synchronized SessionState state() {
        return state;
    }

    public synchronized Optional<Session> session() {
        return state instanceof SessionState.Active a ? Optional.of(a.current()) : Optional.empty();
    }

    /** Takes a session from a login, a registration or the store, and saves it. */
    public void adopt(Session session) {
        store.saveSession(session);
        setState(new SessionState.Active(session));
    }

    /** Restores without saving again (it came from the store). */
    public void restore(Session session) {
        setState(new SessionState.Active(session));
    }

    /** After a logout: forget the session locally. */
    public void loggedOut() {
        store.clearSession();
        setState(new SessionState.NotLoggedIn());
    }

    @Override
    public CompletableFuture<String> accessToken() {
        synchronized (this) {
            if (state instanceof SessionState.Active active) {
                Session s = active.current();
                if (refreshing == null && !dueForRefresh(s)) {
                    return CompletableFuture.completedFuture(s.accessToken());
                }
            } else {
                return CompletableFuture.failedFuture(notUsable());
            }
        }
        return refresh().thenApply(Session::accessToken);
    }

    @Override
    public CompletableFuture<Boolean> tokenRejected(String rejected, MatrixApiException error) {
        SessionState next;
        synchronized (this) {
            if (!(state instanceof SessionState.Active active)) {
                return CompletableFuture.failedFuture(notUsable());
            }
            Session s = active.current();
            if (refreshing != null) {
                return refreshing.thenApply(x -> true);
            }
            if (!s.accessToken().equals(rejected)) {
                // Another request refreshed the token meanwhile: retry with the new one.
                return CompletableFuture.completedFuture(true);
            }
            if (!(error.softLogout() && s.refreshToken().isPresent())) {
                next = error.softLogout()
                        ? new SessionState.SoftLoggedOut(s, "The server soft-logged out this device: " + error.error())
                        : new SessionState.Ended("The server revoked the access token: " + error.error());
                state = next;
            } else {
                next = null;
            }
        }
        if (next == null) {
            return refresh().thenApply(x -> true);
        }
        if (next instanceof SessionState.Ended) {
            clearStoreQuietly();
        }
        listeners.emit(next);
        return CompletableFuture.failedFuture(notUsable());
    }

    private void clearStoreQuietly() {
        try {
            store.clearSession();
        } catch (RuntimeException e) {
            LOG.warn("Clearing the ended session from the store failed", e);
        }
    }

    /** Refreshes now, or joins the refresh under way. */
    public CompletableFuture<Session> refresh() {
        Session s;
        CompletableFuture<Session> mine;
        synchronized (this) {
            if (refreshing != null) {
                return refreshing;
            }
            if (!(state instanceof SessionState.Active active)) {
                return CompletableFuture.failedFuture(notUsable());
            }
            s = active.current();
            if (s.refreshToken().isEmpty()) {
                // Nothing to refresh with: the token in hand is the best there is.
                return CompletableFuture.completedFuture(s);
            }
            mine = new CompletableFuture<>();
            refreshing = mine;
        }
        LOG.debug("Refreshing the access token for {}", s.deviceId());
        ApiRequest<RefreshApi.Response> request = ApiRequest.post("/_matrix/client/v3/refresh").unauthenticated()
                .body(new RefreshApi.Request(s.refreshToken().get())).parse(RefreshApi.Response.class);
        transport.send(request).whenComplete((response, error) -> finishRefresh(s, mine, response, error));
        return mine;
    }

    private void finishRefresh(Session old, CompletableFuture<Session> mine, RefreshApi.Response response,
                               Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Session updated = null;
        SessionState next = null;
        if (cause == null && (response.accessToken() == null || response.accessToken().isEmpty())) {
            cause = new InvalidResponseException("POST /_matrix/client/v3/refresh answered without an access_token.");
        }
        if (cause == null) {
            Optional<Instant> expiry = Optional.ofNullable(response.expiresInMs())
                    .map(ms -> clock.instant().plusMillis(ms));
            Optional<String> refresh = Optional.ofNullable(response.refreshToken()).or(old::refreshToken);
            updated = old.withTokens(response.accessToken(), refresh, expiry);
            try {
                store.saveSession(updated);
            } catch (RuntimeException storeFailure) {
                LOG.warn("Saving the refreshed session failed; it is kept in memory", storeFailure);
            }
            next = new SessionState.Active(updated);
        } else if (cause instanceof MatrixApiException api && api.httpStatus() == 401
                && api.errorCode().equals(ErrorCode.UNKNOWN_TOKEN)) {
            clearStoreQuietly();
            next = new SessionState.Ended("The server refused the refresh token: " + api.error());
        }
        synchronized (this) {
            refreshing = null;
            if (next != null) {
                state = next;
            }
        }
        if (next != null) {
            listeners.emit(next);
        }
        if (updated != null) {
            mine.complete(updated);
        } else if (next instanceof SessionState.Ended) {
            mine.completeExceptionally(new SessionEndedException(((SessionState.Ended) next).reason()
                    + ". Log in again.", cause));
        } else {
            mine.completeExceptionally(cause);
        }
    }

    private boolean dueForRefresh(Session s) {
        return s.refreshToken().isPresent() && s.accessTokenExpiresAt()
                .map(at -> !clock.instant().plus(REFRESH_MARGIN).isBefore(at)).orElse(false);
    }

    private SessionEndedException notUsable() {
        SessionState current = state();
        if (current instanceof SessionState.SoftLoggedOut soft) {
            return new SessionEndedException(soft.reason() + ". Log in again with device "
                    + soft.previous().deviceId() + " to keep this device's data.");
        }
        if (current instanceof SessionState.Ended ended) {
            return new SessionEndedException(ended.reason() + ". Log in again.");
        }
        return new SessionEndedException("Not logged in: log in, register, or restore a session first.");
    }

    private void setState(SessionState next) {
        synchronized (this) {
            state = next;
        }
        listeners.emit(next);
    }
}
