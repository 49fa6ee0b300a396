package dev.mxj.internal.http;

import okhttp3.MediaType;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Calls whose bodies are streamed rather than held in memory: downloads and uploads. They go
 * through the client's {@link Transport} (same OkHttp client, token, User-Agent, retry policy and
 * cancellation), only the body handling differs. One per client; thread-safe.
 */
public final class StreamingCalls {
    /** Reads a successful response's body on OkHttp's thread, e.g. into a file. */
    @FunctionalInterface
    public interface BodyReceiver<R> {
        /**
         * Consumes the body. An {@link IOException} from reading {@code response.body()} is a
         * network failure and may be retried (with a fresh response); report local failures (a
         * full disk) as a {@link dev.mxj.MatrixException} instead. Stop when
         * {@link StreamedResponse#isCancelled()}.
         */
        R receive(StreamedResponse response) throws IOException;
    }

    private final Transport transport;

    public StreamingCalls(Transport transport) {
        this.transport = transport;
    }

    /**
     * Sends {@code request} and completes once a successful response's headers have arrived, with
     * its body still unread. Failures before that point are retried like any request; the body
     * itself is never retried. The caller must close the response.
     */
    public CompletableFuture<StreamedResponse> open(ApiRequest<?> request) {
        Exchange<StreamedResponse> exchange = new Exchange<>(transport, request, null, true,
                new Exchange.SuccessHandler<>() {
                    @Override
                    public StreamedResponse handle(okhttp3.Response response, okhttp3.Call call, String endpoint) {
                        return new StreamedResponse(response, call, endpoint);
                    }

                    @Override
                    public boolean keeps() {
                        return true;
                    }
                });
        exchange.start();
        return exchange.result;
    }

    /**
     * Sends {@code request} and hands a successful response to {@code receiver} on OkHttp's
     * thread. A network failure while it reads counts as a failed attempt, retried per the
     * request's idempotency; cancelling the future cancels the call and so the read.
     */
    public <R> CompletableFuture<R> receive(ApiRequest<?> request, BodyReceiver<R> receiver) {
        Exchange<R> exchange = new Exchange<>(transport, request, null, true, (response, call, endpoint) -> {
            try (StreamedResponse streamed = new StreamedResponse(response, call, endpoint)) {
                R value = receiver.receive(streamed);
                streamed.close(true);
                return value;
            }
        });
        exchange.start();
        return exchange.result;
    }

    /**
     * Sends {@code request} with {@code source} as its body and reads the JSON answer with the
     * request's reader. {@code progress} gets the bytes handed to the connection so far, from
     * 0 to the source's length, on OkHttp's thread; it starts again from 0 if the upload is retried.
     *
     * @throws IllegalArgumentException if {@code contentType} is not a MIME type
     */
    public <T> CompletableFuture<T> upload(ApiRequest<T> request, BodySource source, String contentType,
                                           LongConsumer progress) {
        MediaType type = MediaType.parse(contentType);
        if (type == null) {
            throw new IllegalArgumentException("Not a MIME type: '" + contentType + "'");
        }
        ProgressBody body = new ProgressBody(source, type, progress);
        Exchange<T> exchange = new Exchange<>(transport, request, body, false,
                (response, call, endpoint) -> request.reader.read(response.body().source(), endpoint));
        exchange.start();
        return exchange.result;
    }
}
