package dev.mxj.discovery;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the homeserver says about itself: spec versions, capabilities, support contacts and its
 * OAuth 2.0 metadata. Obtain it from {@link dev.mxj.MatrixClient#server()}.
 *
 * <p>Only {@link #capabilities()} needs a session; the others can be called before logging in.
 * Results are not cached: call again to see changes.
 */
public interface Server {
    /** {@code GET /_matrix/client/versions}: the spec versions and unstable features the server supports. */
    CompletableFuture<Versions> versions();

    /**
     * {@code GET /_matrix/client/v3/capabilities}: what the logged-in user may do. Capabilities the
     * server leaves out take the spec's defaults. Fails with {@link dev.mxj.SessionEndedException}
     * when not logged in.
     */
    CompletableFuture<Capabilities> capabilities();

    /**
     * {@code GET /.well-known/matrix/support} on the homeserver URL's host: how to reach the
     * server's admins. Empty when the server publishes none (HTTP 404).
     */
    CompletableFuture<Optional<SupportInfo>> support();

    /**
     * {@code GET /_matrix/client/v1/auth_metadata}: the OAuth 2.0 authorization server metadata.
     * Empty when the server does not offer the OAuth 2.0 API (HTTP 404 or {@code M_UNRECOGNIZED});
     * then log in with the legacy API.
     */
    CompletableFuture<Optional<AuthMetadata>> authMetadata();
}
