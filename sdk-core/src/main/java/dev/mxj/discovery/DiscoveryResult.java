package dev.mxj.discovery;

import dev.mxj.MatrixException;
import dev.mxj.json.RawJson;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link Discovery#discover(String)}, as the spec's server discovery defines it:
 * {@link Found}, {@link FailPrompt} (ask the user for the homeserver URL) or {@link FailError}
 * (stop: the server's published data points at nothing usable).
 */
public sealed interface DiscoveryResult {
    /** Where a found homeserver URL came from. */
    enum Source {
        /** {@code /.well-known/matrix/client} named it, and it answered {@code /versions}. */
        WELL_KNOWN,
        /**
         * There was no well-known file (HTTP 404), so the input itself was tried as the homeserver
         * URL and it answered {@code /versions}.
         */
        FALLBACK
    }

    /** The found result, or a {@link MatrixException} whose message is the failure's reason. */
    default Found orElseThrow() {
        if (this instanceof Found found) {
            return found;
        }
        String reason = this instanceof FailPrompt p ? p.reason() : ((FailError) this).reason();
        throw new MatrixException("Server discovery failed: " + reason);
    }

    /**
     * A homeserver that answered {@code GET /_matrix/client/versions}.
     *
     * @param homeserverUrl     the client-server API base URL, without a trailing slash; pass it to
     *                          {@link dev.mxj.MatrixClient.Builder#homeserverUrl(URI)}
     * @param identityServerUrl the identity server the well-known file names, checked to answer
     *                          {@code /_matrix/identity/v2}
     * @param versions          the homeserver's {@code /versions} answer
     * @param source            whether the well-known file or the fallback found it
     * @param wellKnown         the whole well-known file, with custom keys; empty for a fallback
     */
    record Found(URI homeserverUrl, Optional<URI> identityServerUrl, Versions versions, Source source,
                 Optional<RawJson> wellKnown) implements DiscoveryResult {
        public Found {
            Objects.requireNonNull(homeserverUrl, "homeserverUrl");
            Objects.requireNonNull(identityServerUrl, "identityServerUrl");
            Objects.requireNonNull(versions, "versions");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(wellKnown, "wellKnown");
        }
    }

    /**
     * Discovery failed on missing or invalid data: tell the user why and ask for the homeserver URL.
     *
     * @param reason what went wrong and what the user can do, in English
     */
    record FailPrompt(String reason) implements DiscoveryResult {
        public FailPrompt {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The server published discovery data, but it leads to no working server: tell the user why and
     * do not guess another URL.
     *
     * @param reason what went wrong and what the user can do, in English
     */
    record FailError(String reason) implements DiscoveryResult {
        public FailError {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
