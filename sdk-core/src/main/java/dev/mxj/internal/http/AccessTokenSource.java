package dev.mxj.internal.http;

import dev.mxj.MatrixApiException;

import java.util.concurrent.CompletableFuture;

/** Where the transport gets the access token, and whom it tells when the server rejects one. */
public interface AccessTokenSource {
    /**
     * The token to send now. May wait for a refresh that is due or under way. Fails with
     * {@link dev.mxj.SessionEndedException} when there is no usable session.
     */
    CompletableFuture<String> accessToken();

    /**
     * The server answered {@code M_UNKNOWN_TOKEN} to a request sent with {@code rejected}.
     * Completes with true when a new token is ready and the request should be sent again once;
     * otherwise completes exceptionally with the error the caller should see.
     */
    CompletableFuture<Boolean> tokenRejected(String rejected, MatrixApiException error);

    /** For requests made before any session exists. */
    AccessTokenSource NONE = new AccessTokenSource() {
        @Override
        public CompletableFuture<String> accessToken() {
            return CompletableFuture.failedFuture(new dev.mxj.SessionEndedException(
                    "Not logged in: log in, register, or restore a session before calling this."));
        }

        @Override
        public CompletableFuture<Boolean> tokenRejected(String rejected, MatrixApiException error) {
            return CompletableFuture.failedFuture(error);
        }
    };
}
