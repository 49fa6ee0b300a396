package dev.mxj.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, throwaway Dendrite v0.13.8 homeserver on a free loopback port, with SQLite databases in
 * a fresh temporary directory. Federation is off and registration is open; users are made with
 * the shared secret ({@link #registerUser()}).
 *
 * <pre>{@code
 * try (Dendrite dendrite = Dendrite.builder().start()) {
 *     TestUser alice = dendrite.registerUser();
 *     // talk to dendrite.baseUrl() as alice.accessToken()
 * }
 * }</pre>
 *
 * <p>The first start on a machine builds Dendrite with Go (a few minutes; cached afterwards).
 * Dendrite runs under a watchdog that stops it when this JVM dies, even by SIGKILL; a shutdown
 * hook stops it on a normal JVM exit. {@link #close()} stops it and deletes its data.
 */
public final class Dendrite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dendrite.class);

    private final DendriteLauncher.Running running;
    private final boolean requiresToken;
    private final AdminApi api;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger userCount = new AtomicInteger();
    private final Thread shutdownHook;
    private TestUser admin;

    private Dendrite(DendriteLauncher.Running running, boolean requiresToken) {
        this.running = running;
        this.requiresToken = requiresToken;
        this.api = new AdminApi(running);
        this.shutdownHook = new Thread(this::close, "mxj-dendrite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @return a builder with the defaults: open registration without tokens, log level warn */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the client-server API base URL, such as {@code http://127.0.0.1:41234} */
    public URI baseUrl() {
        return running.baseUrl();
    }

    /** @return the server name in user ids: {@code localhost} */
    public String serverName() {
        return DendriteLauncher.SERVER_NAME;
    }

    /** @return the registration shared secret (random per server) */
    public String sharedSecret() {
        return running.sharedSecret();
    }

    /** @return the directory with the config, keys, databases and {@code dendrite.log} */
    public Path dataDir() {
        return running.dataDir();
    }

    /** @return the process id of the dendrite server process */
    public long pid() {
        return running.server().pid();
    }

    /** @return whether this server was started with {@code registration_requires_token} */
    public boolean registrationRequiresToken() {
        return requiresToken;
    }

    /** @return whether the server process is still running */
    public boolean isRunning() {
        return !closed.get() && running.server().isAlive();
    }

    /**
     * Registers a fresh user with a unique localpart and a random password.
     *
     * @return the user, logged in on a new device
     */
    public TestUser registerUser() {
        int n = userCount.incrementAndGet();
        return register("user" + n + "-" + SharedSecret.random(4), SharedSecret.random(12), false);
    }

    /**
     * Registers a user with the given localpart and password, via the shared secret.
     *
     * @param localpart the part of the user id before {@code :localhost}
     * @param password the password to log in with later
     * @return the user, logged in on a new device
     */
    public TestUser registerUser(String localpart, String password) {
        return register(Objects.requireNonNull(localpart), Objects.requireNonNull(password), false);
    }

    /** @return a fresh server admin, usable with Dendrite's {@code /_dendrite/admin} API */
    public TestUser registerAdmin() {
        int n = userCount.incrementAndGet();
        return register("admin" + n + "-" + SharedSecret.random(4), SharedSecret.random(12), true);
    }

    /** @return a new random registration token with unlimited uses */
    public String createRegistrationToken() {
        return createRegistrationToken(null, null);
    }

    /**
     * Creates a registration token through Dendrite's admin API. Needs a server started with
     * {@link Builder#registrationRequiresToken(boolean)}; see there for what Dendrite does with it.
     *
     * @param token the token to create (ASCII letters, digits, {@code -_.~}), or null for random
     * @param usesAllowed how many registrations it allows, or null for unlimited
     * @return the token
     */
    public String createRegistrationToken(String token, Integer usesAllowed) {
        if (!requiresToken) {
            throw new IllegalStateException("Dendrite manages registration tokens only when started"
                    + " with registrationRequiresToken(true)");
        }
        String adminToken = admin().accessToken();
        return api().createRegistrationToken(adminToken, token, usesAllowed);
    }

    /** Stops the server (TERM, then KILL) and deletes its data dir. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
        DendriteLauncher.stop(running.watchdog(), running.server());
        DendriteLauncher.deleteTree(running.dataDir());
        LOG.debug("Dendrite at {} stopped", running.baseUrl());
    }

    @Override
    public String toString() {
        return "Dendrite[" + running.baseUrl() + ", pid " + running.server().pid() + "]";
    }

    private synchronized TestUser admin() {
        if (admin == null) {
            admin = registerAdmin();
        }
        return admin;
    }

    private TestUser register(String localpart, String password, boolean asAdmin) {
        return api().register(localpart, password, asAdmin);
    }

    private AdminApi api() {
        if (closed.get()) {
            throw new IllegalStateException("this Dendrite is closed");
        }
        return api;
    }

    /** Options for a new server; {@link #start()} starts it. */
    public static final class Builder {

        private boolean requiresToken;
        private String logLevel = "warn";
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets {@code registration_requires_token}, which enables Dendrite's admin API for
         * registration tokens ({@link Dendrite#createRegistrationToken}). Note that Dendrite
         * v0.13.8 does not implement the {@code m.login.registration_token} stage: registration
         * still offers only {@code m.login.dummy} and is not restricted by this setting.
         *
         * @param requiresToken whether to set it (default false)
         * @return this builder
         */
        public Builder registrationRequiresToken(boolean requiresToken) {
            this.requiresToken = requiresToken;
            return this;
        }

        /**
         * @param level Dendrite's log level for {@code dataDir()/log}: trace, debug, info, warn
         *     (default) or error
         * @return this builder
         */
        public Builder logLevel(String level) {
            if (!DendriteConfig.LOG_LEVELS.contains(Objects.requireNonNull(level))) {
                throw new IllegalArgumentException("log level must be one of "
                        + DendriteConfig.LOG_LEVELS + ": " + level);
            }
            this.logLevel = level;
            return this;
        }

        /**
         * @param timeout how long to wait for the server to answer (default 60 s); a first
         *     build of the binaries is not counted
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Builds Dendrite if needed and starts it.
         *
         * @return the running server
         * @throws DendriteUnavailableException if Go is missing to build Dendrite
         * @throws DendriteException if it cannot be built or started (with its log's last lines)
         */
        public Dendrite start() {
            DendriteLauncher.Running running =
                    DendriteLauncher.launch(requiresToken, logLevel, startTimeout);
            Dendrite dendrite;
            try {
                dendrite = new Dendrite(running, requiresToken);
            } catch (RuntimeException e) {
                DendriteLauncher.stop(running.watchdog(), running.server());
                DendriteLauncher.deleteTree(running.dataDir());
                throw e;
            }
            LOG.info("Dendrite {} started at {} (data in {})", DendriteBinaries.VERSION,
                    running.baseUrl(), running.dataDir());
            return dendrite;
        }
    }
}
