package dev.mxj.spi;

import dev.mxj.json.RawJson;

import java.util.concurrent.CompletableFuture;

/**
 * The client's HTTP stack, lent to an {@link EncryptionModule}: the access token, token refresh,
 * retries with back-off for what may be repeated, and cancellation (cancelling the future cancels
 * the call), exactly as for the client's own requests.
 */
public interface CryptoTransport {
    /**
     * Sends {@code request} to the homeserver. Completes with the JSON body of a 2xx answer, or
     * exceptionally with a {@link dev.mxj.MatrixException}: a {@link dev.mxj.MatrixApiException} for
     * an error answer (errcode, status), a {@link dev.mxj.MatrixNetworkException} when the server could
     * not be reached, a {@link dev.mxj.SessionEndedException} once the session ended.
     */
    CompletableFuture<RawJson> send(CryptoRequest request);
}
