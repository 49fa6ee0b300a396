package dev.mxj.internal.discovery;

import dev.mxj.discovery.AuthMetadata;
import dev.mxj.discovery.Capabilities;
import dev.mxj.discovery.Server;
import dev.mxj.discovery.SupportInfo;
import dev.mxj.discovery.Versions;
import dev.mxj.internal.ClientContext;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link Server} over HTTP. */
public final class ServerEndpoints implements Server {
    private final ClientContext context;

    public ServerEndpoints(ClientContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<Versions> versions() {
        return context.transport().send(ServerRequests.versions(null));
    }

    @Override
    public CompletableFuture<Capabilities> capabilities() {
        return context.transport().send(ServerRequests.capabilities());
    }

    @Override
    public CompletableFuture<Optional<SupportInfo>> support() {
        return ServerRequests.optional(context.transport(),
                ServerRequests.support(BaseUrls.origin(context.homeserverUrl())), Failures::isNotFound);
    }

    @Override
    public CompletableFuture<Optional<AuthMetadata>> authMetadata() {
        return ServerRequests.optional(context.transport(), ServerRequests.authMetadata(), Failures::isUnrecognized);
    }
}
