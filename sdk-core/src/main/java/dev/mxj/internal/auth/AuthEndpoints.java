package dev.mxj.internal.auth;

import dev.mxj.auth.Auth;
import dev.mxj.auth.Session;
import dev.mxj.internal.ClientContext;

import java.util.concurrent.CompletableFuture;

/** {@link Auth} over HTTP. */
public final class AuthEndpoints implements Auth {
    private final ClientContext context;

    public AuthEndpoints(ClientContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<Session> refreshAccessToken() {
        return context.sessions().refresh();
    }
}
