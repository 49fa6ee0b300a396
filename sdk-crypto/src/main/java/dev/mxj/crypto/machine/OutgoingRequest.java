package dev.mxj.crypto.machine;

import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request the {@link OlmMachine} needs sent. Send it, then give the 2xx answer's body to
 * {@link OlmMachine#markRequestAsSent(String, RawJson)} with {@link #id()}. If sending fails, do
 * nothing: the request comes back from {@link OlmMachine#outgoingRequests()} to be tried again.
 * Bodies follow the Client-Server API exactly; they hold public keys and ciphertext only.
 */
public sealed interface OutgoingRequest {
    /** The id to pass back to {@link OlmMachine#markRequestAsSent}. */
    String id();

    /** The HTTP method. */
    String method();

    /** The path below {@code /_matrix/client}, already encoded, e.g. {@code /v3/keys/upload}. */
    String path();

    /** The JSON body. */
    RawJson body();

    /** {@code POST /v3/keys/upload}: device keys, one-time keys, a fallback key. */
    record KeysUpload(String id, RawJson body) implements OutgoingRequest {
        public KeysUpload {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/v3/keys/upload";
        }
    }

    /** {@code POST /v3/keys/query}: the device lists of {@code users}. */
    record KeysQuery(String id, Set<UserId> users, RawJson body) implements OutgoingRequest {
        public KeysQuery {
            Objects.requireNonNull(id, "id");
            users = Set.copyOf(users);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/v3/keys/query";
        }
    }

    /** {@code POST /v3/keys/claim}: one-time keys to start Olm sessions with. */
    record KeysClaim(String id, RawJson body) implements OutgoingRequest {
        public KeysClaim {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/v3/keys/claim";
        }
    }

    /**
     * {@code GET /v3/keys/changes?from=...&to=...}: the users whose devices changed between two sync
     * tokens, asked when a sync may not follow on from the last one the machine processed. The body
     * is empty; the tokens go in the query.
     *
     * @param from the {@code next_batch} of the last sync the machine processed
     * @param to   the {@code next_batch} of the sync being processed
     */
    record KeysChanges(String id, String from, String to) implements OutgoingRequest {
        public KeysChanges {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String method() {
            return "GET";
        }

        /** With the query, encoded. */
        @Override
        public String path() {
            return "/v3/keys/changes?from=" + ToDevice.encode(from) + "&to=" + ToDevice.encode(to);
        }

        /** An empty object: a GET has no body. */
        @Override
        public RawJson body() {
            return RawJson.emptyObject();
        }
    }

    /**
     * {@code PUT /v3/sendToDevice/{eventType}/{txnId}}, with {@link #id()} as the transaction id
     * (so resending after a failure is idempotent).
     */
    record ToDevice(String id, String eventType, RawJson body) implements OutgoingRequest {
        public ToDevice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(body, "body");
        }

        /** The transaction id: the request id. */
        public String txnId() {
            return id;
        }

        @Override
        public String method() {
            return "PUT";
        }

        @Override
        public String path() {
            return "/v3/sendToDevice/" + encode(eventType) + "/" + encode(id);
        }

        static String encode(String segment) {
            return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
