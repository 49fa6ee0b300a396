package dev.mxj.internal.discovery;

import dev.mxj.MatrixApiException;
import dev.mxj.discovery.DiscoveryResult;
import dev.mxj.discovery.DiscoveryResult.FailError;
import dev.mxj.discovery.DiscoveryResult.FailPrompt;
import dev.mxj.discovery.DiscoveryResult.Found;
import dev.mxj.discovery.DiscoveryResult.Source;
import dev.mxj.discovery.SupportInfo;
import dev.mxj.discovery.Versions;
import dev.mxj.internal.http.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The spec's server discovery ("Well-known URIs" in the Client-Server API), step by step, plus the
 * fallback matrix-rust-sdk and matrix-js-sdk use when there is no well-known file (IGNORE): try the
 * input itself as the homeserver. Every HTTP outcome becomes a {@link DiscoveryResult}.
 */
public final class DiscoveryFlow {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryFlow.class);

    private final Transport transport;

    /** @param transport a transport without a base URL of its own; every request names its own */
    public DiscoveryFlow(Transport transport) {
        this.transport = transport;
    }

    public CompletableFuture<DiscoveryResult> discover(String input) {
        DiscoveryInput in;
        try {
            in = DiscoveryInput.parse(input);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new FailPrompt(e.getMessage()));
        }
        InFlight calls = new InFlight(transport);
        String url = in.wellKnownOrigin() + ServerRequests.WELL_KNOWN_CLIENT;
        LOG.debug("Discovering the homeserver for {} via {}", input, url);
        CompletableFuture<DiscoveryResult> result = calls.send(ServerRequests.wellKnownClient(in.wellKnownOrigin()))
                .handle((body, error) -> error == null
                        ? onWellKnown(calls, url, body)
                        : onWellKnownFailed(calls, in, url, error))
                .thenCompose(next -> next);
        return calls.cancelledWith(result);
    }

    /** {@code /.well-known/matrix/support} of the input's server; empty on HTTP 404. */
    public CompletableFuture<Optional<SupportInfo>> support(String input) {
        DiscoveryInput in;
        try {
            in = DiscoveryInput.parse(input);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ServerRequests.optional(transport, ServerRequests.support(in.wellKnownOrigin()), Failures::isNotFound);
    }

    private CompletableFuture<DiscoveryResult> onWellKnownFailed(InFlight calls, DiscoveryInput in, String url,
                                                                 Throwable error) {
        if (Failures.isNotFound(error)) {
            LOG.debug("No discovery file at {} (IGNORE); trying {} as the homeserver", url, in.homeserverGuess());
            return fallback(calls, in, url);
        }
        String reason = Failures.unwrap(error) instanceof MatrixApiException
                ? url + " answered an error instead of the discovery file (" + Failures.describe(error) + ")."
                        + " Enter the homeserver URL yourself, or ask the server's admin to fix the file."
                : "Could not fetch " + url + ": " + Failures.describe(error) + ". Check the server name and the network"
                        + " connection, or enter the homeserver URL yourself.";
        return done(new FailPrompt(reason));
    }

    private CompletableFuture<DiscoveryResult> fallback(InFlight calls, DiscoveryInput in, String url) {
        URI guess = in.homeserverGuess();
        return calls.send(ServerRequests.versions(guess)).handle((versions, error) -> {
            if (error == null) {
                return new Found(guess, Optional.empty(), versions, Source.FALLBACK, Optional.empty());
            }
            return new FailPrompt("Neither worked: there is no discovery file at " + url + " (HTTP 404), and "
                    + guess + " is not a homeserver either (" + ServerRequests.VERSIONS + ": "
                    + Failures.describe(error) + "). Check the server name, or enter the homeserver's full URL.");
        });
    }

    private CompletableFuture<DiscoveryResult> onWellKnown(InFlight calls, String url, String body) {
        WellKnownFile.Parsed parsed = WellKnownFile.parse(body, url);
        if (parsed instanceof WellKnownFile.Invalid invalid) {
            return done(invalid.failure());
        }
        WellKnownFile.Valid file = (WellKnownFile.Valid) parsed;
        return calls.send(ServerRequests.versions(file.homeserver())).handle((versions, error) -> {
            if (error != null) {
                return done(new FailError(url + " names " + file.homeserver() + " as the homeserver, but it does"
                        + " not answer " + ServerRequests.VERSIONS + " as a homeserver should ("
                        + Failures.describe(error) + "). Ask the server's admin to fix the file or the homeserver."));
            }
            if (file.identityProblem().isPresent()) {
                return done(file.identityProblem().get());
            }
            if (file.identityServer().isEmpty()) {
                return done(found(file, versions));
            }
            return checkIdentityServer(calls, url, file, versions);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<DiscoveryResult> checkIdentityServer(InFlight calls, String url,
                                                                   WellKnownFile.Valid file, Versions versions) {
        URI identityServer = file.identityServer().orElseThrow();
        return calls.send(ServerRequests.identityServerPing(identityServer)).handle((pong, error) -> error == null
                ? found(file, versions)
                : new FailError(url + " names " + identityServer + " as the identity server, but it does not answer "
                        + ServerRequests.IDENTITY_V2 + " as an identity server should (" + Failures.describe(error)
                        + "). Ask the server's admin to fix the file or the identity server."));
    }

    private static DiscoveryResult found(WellKnownFile.Valid file, Versions versions) {
        return new Found(file.homeserver(), file.identityServer(), versions, Source.WELL_KNOWN, Optional.of(file.raw()));
    }

    private static CompletableFuture<DiscoveryResult> done(DiscoveryResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
