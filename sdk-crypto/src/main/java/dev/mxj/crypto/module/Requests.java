package dev.mxj.crypto.module;

import dev.mxj.MatrixApiException;
import dev.mxj.crypto.machine.OlmMachine;
import dev.mxj.crypto.machine.OutgoingRequest;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Sends the machine's requests through the client's transport and hands the answers back. */
final class Requests {
    private static final String CLIENT = "/_matrix/client";

    private Requests() {
    }

    /** The transport form of a machine request. */
    static CryptoRequest toTransport(OutgoingRequest request) {
        if (request instanceof OutgoingRequest.KeysChanges c) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("from", c.from());
            query.put("to", c.to());
            return CryptoRequest.get(CLIENT + "/v3/keys/changes", query);
        }
        if (request instanceof OutgoingRequest.ToDevice t) {
            return CryptoRequest.put(CLIENT + "/v3/sendToDevice", t.body(), t.eventType(), t.txnId());
        }
        CryptoRequest post = CryptoRequest.post(CLIENT + request.path(), request.body());
        // Uploading the same keys again and querying again are harmless; a claim uses up keys.
        return request instanceof OutgoingRequest.KeysClaim ? post : post.asRepeatable();
    }

    /**
     * Sends {@code request} and marks it sent with the answer. A refusal for good (a 4xx other than
     * 429) is told to the machine: if it falls back (drops the request), the future completes;
     * otherwise it fails and the request is offered again later.
     */
    static CompletableFuture<Void> send(OlmMachine machine, CryptoTransport transport, OutgoingRequest request) {
        return transport.send(toTransport(request)).handle((answer, error) -> {
            if (error == null) {
                machine.markRequestAsSent(request.id(), answer);
                return null;
            }
            if (refusedForGood(error) && machine.markRequestAsFailed(request.id())) {
                return null;
            }
            throw error instanceof CompletionException c ? c : new CompletionException(error);
        });
    }

    private static boolean refusedForGood(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MatrixApiException api && api.httpStatus() >= 400 && api.httpStatus() < 500
                && api.httpStatus() != 429;
    }

    /** Sends all of {@code requests} at once; completes when all are answered (fails if one fails). */
    static CompletableFuture<Void> sendAll(OlmMachine machine, CryptoTransport transport,
                                           List<? extends OutgoingRequest> requests) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (OutgoingRequest r : requests) {
            sent.add(send(machine, transport, r));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
