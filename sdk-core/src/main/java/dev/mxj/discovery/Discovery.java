package dev.mxj.discovery;

import dev.mxj.RetryConfig;
import dev.mxj.internal.discovery.DiscoveryFlow;
import dev.mxj.internal.http.HttpClients;
import dev.mxj.internal.http.Transport;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the homeserver for what a user typed, before any {@link dev.mxj.MatrixClient} exists, with
 * the spec's server discovery ({@code /.well-known/matrix/client}, then {@code /versions}).
 *
 * <pre>{@code
 * try (Discovery discovery = Discovery.create()) {
 *     DiscoveryResult.Found found = discovery.discover("@alice:example.org").join().orElseThrow();
 *     MatrixClient client = MatrixClient.builder().homeserverUrl(found.homeserverUrl()).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance can serve many look-ups. {@link #close()} frees its thread and, when
 * it made its own, its HTTP client.
 */
public final class Discovery implements AutoCloseable {
    private final HttpClients http;
    private final ScheduledThreadPoolExecutor scheduler;
    private final DiscoveryFlow flow;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Discovery(Builder b) {
        this.http = b.http != null ? b.http : HttpClients.createDefault();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mxj-discovery");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        Transport transport = new Transport(http.client(), null, b.retryConfig, scheduler,
                HttpClients.userAgent(b.userAgentSuffix));
        this.flow = new DiscoveryFlow(transport);
    }

    /** A discovery with mxj's own HTTP client and the default retries. */
    public static Discovery create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the homeserver for {@code input}:
     * <ul>
     *   <li>a server name, {@code example.org} or {@code example.org:8448}: the well-known file is
     *       fetched from {@code https://example.org} (the spec uses the host name without the port);</li>
     *   <li>a user ID, {@code @alice:example.org}: its server name, as above;</li>
     *   <li>a URL, {@code http://127.0.0.1:8008}: the well-known file is fetched from its scheme, host
     *       and port, so plain-HTTP test servers work.</li>
     * </ul>
     * When there is no well-known file (HTTP 404), the input itself ({@code https://example.org:8448},
     * or the URL) is tried as the homeserver.
     *
     * <p>The future never fails for a server's answer or a network error: those are
     * {@link DiscoveryResult.FailPrompt} or {@link DiscoveryResult.FailError} with a reason to show.
     * Input that is none of the three forms is a {@code FailPrompt} too. Cancelling the future
     * cancels the HTTP calls.
     */
    public CompletableFuture<DiscoveryResult> discover(String input) {
        Objects.requireNonNull(input, "input");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("This Discovery is closed."));
        }
        return flow.discover(input);
    }

    /**
     * {@code /.well-known/matrix/support} for a server name, user ID or URL (read as for
     * {@link #discover(String)}): how to reach the server's admins. Empty when the server publishes
     * none (HTTP 404); fails with a {@link dev.mxj.MatrixException} for other errors, and with
     * {@link IllegalArgumentException} for input that is none of the three forms.
     */
    public CompletableFuture<Optional<SupportInfo>> support(String serverNameOrUrl) {
        Objects.requireNonNull(serverNameOrUrl, "serverNameOrUrl");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("This Discovery is closed."));
        }
        return flow.support(serverNameOrUrl);
    }

    /** Stops the retry thread and frees mxj's own HTTP client; an application's client stays open. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            scheduler.shutdownNow();
            http.release();
        }
    }

    /** Settings for a {@link Discovery}. */
    public static final class Builder {
        private HttpClients http;
        private RetryConfig retryConfig = RetryConfig.defaults();
        private String userAgentSuffix;

        private Builder() {
        }

        /** Retries for 5xx, 429 and network failures. Defaults to {@link RetryConfig#defaults()}. */
        public Builder retryConfig(RetryConfig config) {
            this.retryConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Uses the application's OkHttpClient (its proxy, TLS and timeouts); it stays the
         * application's to shut down. It should follow redirects (OkHttp's default), as well-known
         * files are often redirected.
         */
        public Builder httpClient(okhttp3.OkHttpClient client) {
            this.http = HttpClients.of(Objects.requireNonNull(client, "client"));
            return this;
        }

        /** Appended to the User-Agent, e.g. {@code "MyApp/1.2"}. */
        public Builder userAgent(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        public Discovery build() {
            return new Discovery(this);
        }
    }
}
