package dev.mxj;

import dev.mxj.account.Account;
import dev.mxj.auth.Auth;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.discovery.Server;
import dev.mxj.event.EventRegistry;
import dev.mxj.internal.CallbackExecutor;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.Listeners;
import dev.mxj.internal.account.AccountEndpoints;
import dev.mxj.internal.auth.AuthEndpoints;
import dev.mxj.internal.auth.SessionManager;
import dev.mxj.internal.crypto.E2ee;
import dev.mxj.internal.crypto.ModuleDiscovery;
import dev.mxj.internal.discovery.ServerEndpoints;
import dev.mxj.internal.http.HttpClients;
import dev.mxj.internal.http.Transport;
import dev.mxj.internal.media.MediaEndpoints;
import dev.mxj.internal.room.StoreRooms;
import dev.mxj.internal.sync.SyncLoop;
import dev.mxj.media.Media;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.room.Rooms;
import dev.mxj.spi.EncryptionModule;
import dev.mxj.store.MemoryStateStore;
import dev.mxj.store.SessionStore;
import dev.mxj.store.StateStore;
import dev.mxj.sync.SyncService;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A Matrix client for one homeserver and at most one session. Immutable; build it with
 * {@link #builder()}, share one instance, and {@link #close()} it when done.
 *
 * <pre>{@code
 * MatrixClient client = MatrixClient.builder()
 *         .homeserverUrl(URI.create("https://matrix.example.org"))
 *         .build();
 * client.auth().login(LoginRequest.password("alice", "secret")).join();
 * System.out.println(client.account().whoami().join().userId());
 * }</pre>
 *
 * <p>Every operation returns a {@code CompletableFuture}; {@code join()} is the blocking form and
 * {@code cancel(true)} cancels the HTTP call. Futures complete on mxj's threads: do not block in a
 * dependent stage, or use the {@code ...Async(fn, yourExecutor)} variants.
 */
public final class MatrixClient implements AutoCloseable {
    private final Builder settings;
    private final HttpClients http;
    private final ClientContext context;
    private final Listeners<SessionState> sessionListeners;
    private final CallbackExecutor callbacks;
    private final Auth auth;
    private final Account account;
    private final Server server;
    private final Media media;
    private final SyncLoop sync;
    private final StoreRooms rooms;
    private final E2ee e2ee;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MatrixClient(Builder b, URI homeserverUrl, Optional<Session> restored) {
        this.settings = b.copy();
        this.http = b.http != null ? b.http.share() : HttpClients.createDefault();
        this.settings.http = http;
        this.callbacks = b.callbackExecutor != null ? CallbackExecutor.of(b.callbackExecutor)
                : CallbackExecutor.owning(Executors.newSingleThreadExecutor(daemon("mxj-callbacks")));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("mxj-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        Transport transport = new Transport(http.client(), homeserverUrl, b.retryConfig, scheduler,
                HttpClients.userAgent(b.userAgentSuffix));
        this.sessionListeners = new Listeners<>(callbacks);
        SessionManager sessions = new SessionManager(transport, b.sessionStore, sessionListeners, b.clock);
        transport.setTokenSource(sessions);
        restored.ifPresent(sessions::restore);
        this.context = new ClientContext(homeserverUrl, transport, sessions, callbacks, scheduler, b.clock);
        this.auth = new AuthEndpoints(context);
        this.account = new AccountEndpoints(context);
        this.server = new ServerEndpoints(context);
        this.media = new MediaEndpoints(context, server::versions);
        StateStore state = b.stateStore != null ? b.stateStore : new MemoryStateStore();
        Optional<EncryptionModule> module = b.encryption != null ? Optional.of(b.encryption)
                : ModuleDiscovery.discover(state);
        this.e2ee = new E2ee(context, state, module, EventRegistry.defaults(), b.encryptionTimeout);
        sessionListeners.add(e2ee::sessionChanged);
        this.sync = new SyncLoop(context, state, b.retryConfig, EventRegistry.defaults(), e2ee);
        sessionListeners.add(sync::sessionChanged);
        this.rooms = new StoreRooms(context, account, state, sync, e2ee);
        e2ee.start(); // a restored session: the module attaches (and uploads its keys) at once
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this client's settings, sharing its connection pool. */
    public Builder newBuilder() {
        Builder b = settings.copy();
        b.homeserverUrl = context.homeserverUrl();
        return b;
    }

    /** The client-server API base URL. */
    public URI homeserverUrl() {
        return context.homeserverUrl();
    }

    /** The current session, while one is active. */
    public Optional<Session> session() {
        return context.sessions().session();
    }

    public SessionState sessionState() {
        return context.sessions().state();
    }

    /**
     * Calls {@code listener} on the callback executor whenever the session state changes (login,
     * refresh, soft or hard logout). Close the returned subscription to stop.
     */
    public AutoCloseable onSessionStateChanged(Consumer<? super SessionState> listener) {
        return sessionListeners.add(listener);
    }

    public Auth auth() {
        return auth;
    }

    public Account account() {
        return account;
    }

    public Server server() {
        return server;
    }

    /**
     * The content repository: uploads with progress, streaming downloads and thumbnails, the
     * upload size limit. Uses authenticated media when the server offers it (decided once, from
     * {@code /versions}).
     */
    public Media media() {
        return media;
    }

    /**
     * The sync loop, which keeps the client's {@link StateStore} ({@link Builder#stateStore}) up
     * to date. One per client.
     */
    public SyncService sync() {
        return sync;
    }

    /**
     * The rooms in the client's store: the room list (sorted by recency, invites apart), each room's
     * info, name, members, latest events and power levels. Works offline, from what sync saved.
     */
    public Rooms rooms() {
        return rooms;
    }

    /**
     * True when the client has an end-to-end encryption module ({@link Builder#encryption}, or found
     * on the class path): it then encrypts what it sends into encrypted rooms and decrypts what it reads.
     */
    public boolean encryptionEnabled() {
        return e2ee.enabled();
    }

    /**
     * Where end-to-end encryption stands: {@link EncryptionState.Disabled} without a module,
     * {@link EncryptionState.Ready} once the module is attached to the session, and
     * {@link EncryptionState.Unavailable} (with what to do) when the module cannot start, e.g. because
     * its crypto store was opened with the wrong passphrase.
     */
    public EncryptionState encryptionState() {
        return e2ee.state();
    }

    /**
     * Calls {@code listener} on the callback executor whenever {@link #encryptionState()} changes, e.g. to
     * tell the user that encrypted rooms are unavailable. Close the returned subscription to stop.
     */
    public AutoCloseable onEncryptionStateChanged(Consumer<? super EncryptionState> listener) {
        return e2ee.onStateChanged(listener);
    }

    /**
     * Stops mxj's threads for this client. In-flight requests may still complete, but their results
     * reach no listener and no store: once this returns, no callback (listener, timeline update,
     * progress) of this client runs any more, on mxj's executor or the app's
     * ({@link Builder#callbackExecutor}), and mxj's workers no longer use the store, so the app may
     * close its store. Callbacks already running are waited for, up to {@link #CLOSE_TIMEOUT} (a
     * callback that calls {@code close()} itself is not); then a store write under way (a sync being
     * saved, a send being recorded) is finished, never cut short, and waited for, up to another
     * {@link #CLOSE_TIMEOUT}. An event whose send was under way stays queued in the store, and the
     * next client asks the server whether it arrived before sending it again. Closing again does
     * nothing.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // closing twice must not release the shared connection pool twice
        }
        callbacks.close(CLOSE_TIMEOUT);
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        sync.close(deadline);
        rooms.close(deadline);
        e2ee.close();
        context.scheduler().shutdownNow();
        http.release();
    }

    /** How long {@link #close()} waits for callbacks that are running, and then for store work. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings for a {@link MatrixClient}. Not thread-safe; build, then share the client. */
    public static final class Builder {
        private URI homeserverUrl;
        private HttpClients http;
        private RetryConfig retryConfig = RetryConfig.defaults();
        private SessionStore sessionStore;
        private StateStore stateStore;
        private Executor callbackExecutor;
        private Clock clock = Clock.systemUTC();
        private String userAgentSuffix;
        private EncryptionModule encryption;
        private Duration encryptionTimeout = E2ee.RECEIVE_TIMEOUT;

        private Builder() {
        }

        /** The client-server API base URL, e.g. from {@link dev.mxj.discovery.Discovery}. */
        public Builder homeserverUrl(URI url) {
            String scheme = url.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("The homeserver URL must be http(s)://..., was " + url);
            }
            this.homeserverUrl = url;
            return this;
        }

        /**
         * Uses the application's OkHttpClient (its pool, proxy, TLS settings). The one place OkHttp
         * shows in mxj's API; the application keeps ownership and shuts it down itself.
         */
        public Builder httpClient(okhttp3.OkHttpClient client) {
            this.http = HttpClients.of(client);
            return this;
        }

        public Builder retryConfig(RetryConfig config) {
            this.retryConfig = config;
            return this;
        }

        /**
         * Where the session is saved and, at {@link #build()}, restored from. Defaults to memory.
         * A client built on a store that holds a session is logged in at once.
         */
        public Builder sessionStore(SessionStore store) {
            this.sessionStore = store;
            return this;
        }

        /**
         * Where sync saves rooms, state, timelines and its token; it also becomes the session store
         * (a later {@link #sessionStore} call overrides that part). Defaults to a
         * {@link MemoryStateStore} of this client's own, so every launch starts with a full sync.
         */
        public Builder stateStore(StateStore store) {
            this.stateStore = store;
            this.sessionStore = store;
            return this;
        }

        /**
         * Where listeners run. Defaults to one mxj daemon thread per client. The app keeps ownership of
         * its executor (mxj never shuts it down); after {@link MatrixClient#close()} no callback is
         * dispatched to it, and callbacks it had queued but not started are skipped.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = executor;
            return this;
        }

        /** The clock for token expiry; for tests. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * End-to-end encryption through {@code module} (sdk-crypto's). Without this call the client looks
         * for an {@link dev.mxj.spi.EncryptionModuleProvider} with {@link java.util.ServiceLoader}, and
         * works without encryption if there is none: encrypted events then stay as they came, and sending
         * into an encrypted room fails with {@link EncryptionUnavailableException}. A module serves one
         * client: {@link MatrixClient#newBuilder()} does not carry it over.
         */
        public Builder encryption(EncryptionModule module) {
            this.encryption = java.util.Objects.requireNonNull(module, "module");
            return this;
        }

        /**
         * How long the client waits for one answer of the encryption module (default 2 minutes): a
         * sync waiting for the module to take its keys and to-device events, and a send waiting for
         * its event to be encrypted. After that the sync round fails (the loop reports it and goes on
         * with the next sync) while the module's work goes on, and the send fails
         * ({@link dev.mxj.send.SendState.Failed}; {@link dev.mxj.send.SendHandle#retry()} tries it
         * again). A module that hangs never stops sync or the send queue. Decryption is not bounded:
         * the timeline shows a placeholder until the module answers.
         */
        public Builder encryptionTimeout(Duration timeout) {
            java.util.Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The encryption timeout must be positive, not " + timeout);
            }
            this.encryptionTimeout = timeout;
            return this;
        }

        /** Appended to the User-Agent, e.g. {@code "MyBot/1.2"}. */
        public Builder userAgent(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Builds the client. Reads the session store (local I/O) but makes no network call.
         *
         * @throws IllegalStateException if neither a homeserver URL nor a stored session is known
         */
        public MatrixClient build() {
            if (sessionStore == null) {
                sessionStore = new MemorySessionStore();
            }
            Optional<Session> stored = sessionStore.loadSession();
            URI url = homeserverUrl;
            if (url == null) {
                url = stored.map(Session::homeserverUrl).orElseThrow(() -> new IllegalStateException(
                        "Set homeserverUrl(...), or a sessionStore that holds a saved session."));
            }
            URI base = url;
            Optional<Session> restored = stored.filter(s -> sameServer(s.homeserverUrl(), base));
            return new MatrixClient(this, url, restored);
        }

        private static boolean sameServer(URI a, URI b) {
            return a.toString().replaceAll("/+$", "").equals(b.toString().replaceAll("/+$", ""));
        }

        Builder copy() {
            Builder b = new Builder();
            b.homeserverUrl = homeserverUrl;
            b.http = http;
            b.retryConfig = retryConfig;
            b.sessionStore = sessionStore;
            b.stateStore = stateStore;
            b.callbackExecutor = callbackExecutor;
            b.clock = clock;
            b.userAgentSuffix = userAgentSuffix;
            b.encryptionTimeout = encryptionTimeout;
            return b;
        }
    }
}
