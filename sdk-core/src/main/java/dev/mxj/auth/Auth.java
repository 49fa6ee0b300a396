package dev.mxj.auth;

import java.util.concurrent.CompletableFuture;

/** Logging in and out, registration and the session's tokens. From {@link dev.mxj.MatrixClient#auth()}. */
public interface Auth {
    /** Refreshes the access token now (it is also refreshed automatically when due). */
    CompletableFuture<Session> refreshAccessToken();
}
