package dev.mxj.crypto.module;

import dev.mxj.crypto.machine.OlmMachine;
import dev.mxj.crypto.machine.OutgoingRequest;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends the machine's requests through the client's transport and hands the answers back. */
final class Requests {
    private static final String CLIENT = "/_matrix/client";

    private Requests() {
    }

    /** The transport form of a machine request. */
    static CryptoRequest toTransport(OutgoingRequest request) {
        if (request instanceof OutgoingRequest.ToDevice t) {
            return CryptoRequest.put(CLIENT + "/v3/sendToDevice", t.body(), t.eventType(), t.txnId());
        }
        CryptoRequest post = CryptoRequest.post(CLIENT + request.path(), request.body());
        // Uploading the same keys again and querying again are harmless; a claim uses up keys.
        return request instanceof OutgoingRequest.KeysClaim ? post : post.asRepeatable();
    }

    /** Sends {@code request} and marks it sent with the answer. */
    static CompletableFuture<Void> send(OlmMachine machine, CryptoTransport transport, OutgoingRequest request) {
        return transport.send(toTransport(request)).thenAccept((RawJson answer) ->
                machine.markRequestAsSent(request.id(), answer));
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
