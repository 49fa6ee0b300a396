package dev.mxj.internal.discovery;

import dev.mxj.discovery.DiscoveryResult;
import dev.mxj.json.RawJson;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Steps 3.2 to 3.6 of the spec's well-known flow for one 200 answer, without I/O: the body must be a
 * JSON object whose {@code m.homeserver.base_url} is an http(s) URL.
 *
 * <p>The identity server part is read here, but its failure is kept apart ({@link Valid#identityProblem})
 * so the flow can report it only after the homeserver passed validation, in the spec's order.
 */
final class WellKnownFile {
    private WellKnownFile() {
    }

    /** The outcome of reading the file. */
    sealed interface Parsed permits Valid, Invalid {
    }

    /**
     * A file that names a homeserver URL.
     *
     * @param identityServer  the identity server's URL, when the file names a usable one
     * @param identityProblem why the file's {@code m.identity_server} is unusable, or empty
     */
    record Valid(URI homeserver, Optional<URI> identityServer, Optional<DiscoveryResult> identityProblem,
                 RawJson raw) implements Parsed {
    }

    /** A file that stops discovery: FAIL_PROMPT or FAIL_ERROR. */
    record Invalid(DiscoveryResult failure) implements Parsed {
    }

    /**
     * @param body the answer's text
     * @param url  where it came from, for the reasons
     */
    static Parsed parse(String body, String url) {
        String fix = " Enter the homeserver URL yourself, or ask the server's admin to fix the file.";
        if (body == null || body.isBlank()) {
            return prompt(url + " answered an empty body instead of the discovery JSON." + fix);
        }
        RawJson raw;
        try {
            raw = RawJson.parse(body);
        } catch (IllegalArgumentException notJson) {
            return prompt(url + " is not valid JSON." + fix);
        }
        if (!raw.isObject()) {
            return prompt(url + " is JSON but not an object." + fix);
        }
        Optional<RawJson> homeserver = raw.object("m.homeserver");
        if (homeserver.isEmpty()) {
            return prompt(url + " has no \"m.homeserver\" object." + fix);
        }
        Optional<Object> baseUrl = baseUrl(homeserver.get());
        if (baseUrl.isEmpty()) {
            return prompt(url + " has no \"m.homeserver\".\"base_url\"." + fix);
        }
        Optional<URI> homeserverUrl = asUrl(baseUrl.get());
        if (homeserverUrl.isEmpty()) {
            return new Invalid(new DiscoveryResult.FailError(url + " gives " + quoted(baseUrl.get())
                    + " as the homeserver's base_url, which is not an http(s) URL. Ask the server's admin to fix"
                    + " the file."));
        }
        Optional<URI> identityServer = Optional.empty();
        Optional<DiscoveryResult> identityProblem = Optional.empty();
        if (((Map<?, ?>) raw.tree()).get("m.identity_server") != null) {
            Optional<Object> isBaseUrl = raw.object("m.identity_server").flatMap(WellKnownFile::baseUrl);
            if (isBaseUrl.isEmpty()) {
                identityProblem = Optional.of(new DiscoveryResult.FailPrompt(url + " has an \"m.identity_server\""
                        + " without a \"base_url\". Enter the identity server URL yourself, or continue without one;"
                        + " ask the server's admin to fix the file."));
            } else {
                identityServer = asUrl(isBaseUrl.get());
                if (identityServer.isEmpty()) {
                    identityProblem = Optional.of(new DiscoveryResult.FailError(url + " gives "
                            + quoted(isBaseUrl.get()) + " as the identity server's base_url, which is not an http(s)"
                            + " URL. Ask the server's admin to fix the file."));
                }
            }
        }
        return new Valid(homeserverUrl.get(), identityServer, identityProblem, raw);
    }

    /** The {@code base_url} value when present and not null or blank: a string, or another JSON value. */
    private static Optional<Object> baseUrl(RawJson server) {
        Object value = ((Map<?, ?>) server.tree()).get("base_url");
        if (value == null || value instanceof String s && s.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<URI> asUrl(Object value) {
        return value instanceof String s ? BaseUrls.parse(s) : Optional.empty();
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 100) {
            text = text.substring(0, 100) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    private static Invalid prompt(String reason) {
        return new Invalid(new DiscoveryResult.FailPrompt(reason));
    }
}
