package dev.mxj.internal.discovery;

import dev.mxj.discovery.Server;
import dev.mxj.internal.ClientContext;

/** {@link Server} over HTTP. */
public final class ServerEndpoints implements Server {
    private final ClientContext context;

    public ServerEndpoints(ClientContext context) {
        this.context = context;
    }
}
