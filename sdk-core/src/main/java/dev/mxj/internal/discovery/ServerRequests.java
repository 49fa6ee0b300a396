package dev.mxj.internal.discovery;

import dev.mxj.InvalidResponseException;
import dev.mxj.discovery.AuthMetadata;
import dev.mxj.discovery.Capabilities;
import dev.mxj.discovery.SupportInfo;
import dev.mxj.discovery.Versions;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The server-information requests, described without I/O, and the "absent means empty" helper. */
final class ServerRequests {
    static final String WELL_KNOWN_CLIENT = "/.well-known/matrix/client";
    static final String WELL_KNOWN_SUPPORT = "/.well-known/matrix/support";
    static final String VERSIONS = "/_matrix/client/versions";
    static final String IDENTITY_V2 = "/_matrix/identity/v2";

    private ServerRequests() {
    }

    /** The well-known file's text, unparsed: discovery tells an empty body from bad JSON itself. */
    static ApiRequest<String> wellKnownClient(URI origin) {
        return ApiRequest.get(WELL_KNOWN_CLIENT).unauthenticated().baseUrl(origin).read((body, endpoint) -> {
            try {
                return body.readUtf8();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code /versions} of {@code baseUrl}, or of the client's homeserver when null. */
    static ApiRequest<Versions> versions(URI baseUrl) {
        return ApiRequest.get(VERSIONS).unauthenticated().baseUrl(baseUrl)
                .read((body, endpoint) -> ServerResponses.versions(raw(body, endpoint), endpoint));
    }

    static ApiRequest<Capabilities> capabilities() {
        return ApiRequest.get("/_matrix/client/v3/capabilities")
                .read((body, endpoint) -> ServerResponses.capabilities(raw(body, endpoint), endpoint));
    }

    static ApiRequest<SupportInfo> support(URI origin) {
        return ApiRequest.get(WELL_KNOWN_SUPPORT).unauthenticated().baseUrl(origin)
                .read((body, endpoint) -> ServerResponses.support(raw(body, endpoint), endpoint));
    }

    static ApiRequest<AuthMetadata> authMetadata() {
        return ApiRequest.get("/_matrix/client/v1/auth_metadata").unauthenticated()
                .read((body, endpoint) -> ServerResponses.authMetadata(raw(body, endpoint), endpoint));
    }

    /** The identity server's {@code /_matrix/identity/v2}, which answers a JSON object when it is one. */
    static ApiRequest<RawJson> identityServerPing(URI baseUrl) {
        return ApiRequest.get(IDENTITY_V2).unauthenticated().baseUrl(baseUrl).read((body, endpoint) -> {
            RawJson raw = raw(body, endpoint);
            if (!raw.isObject()) {
                throw new InvalidResponseException(endpoint + " answered something other than a JSON object, so this"
                        + " is not a Matrix identity server.");
            }
            return raw;
        });
    }

    /**
     * Sends {@code request}; a failure that {@code absent} accepts (such as a 404) completes the
     * future with empty. Cancelling the returned future cancels the call.
     */
    static <T> CompletableFuture<Optional<T>> optional(Transport transport, ApiRequest<T> request,
                                                       Predicate<Throwable> absent) {
        InFlight calls = new InFlight(transport);
        return calls.cancelledWith(calls.send(request).handle((value, error) -> {
            if (error == null) {
                return Optional.of(value);
            }
            if (absent.test(error)) {
                return Optional.empty();
            }
            throw Failures.rethrow(error);
        }));
    }

    private static RawJson raw(okio.BufferedSource body, String endpoint) {
        return Json.read(body, RawJson.class, endpoint);
    }
}
