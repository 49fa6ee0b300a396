package dev.mxj.internal.http;

import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;
import dev.mxj.MatrixNetworkException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's life, for every call mxj makes: attempts, retries ({@link RetryClassifier}), a
 * single token refresh, and cancellation from the future down to the HTTP call. The request body is
 * the {@link ApiRequest}'s JSON or a streamed {@link ProgressBody}; a successful response goes to a
 * {@link SuccessHandler} ({@link #json} reads it whole and parses it). A failure inside the handler
 * while it reads the body counts as a network failure of the attempt; once the handler has
 * returned, the result is the caller's and nothing is retried.
 */
final class Exchange<T> implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    /** What to do with a 2xx response, on OkHttp's thread. */
    interface SuccessHandler<T> {
        /**
         * Turns the response into the result. Returns normally only if it took ownership of the
         * response ({@code keeps}) or finished with it.
         */
        T handle(Response response, Call call, String endpoint) throws IOException;

        /** True if the handler keeps the response open past {@link #handle} (a stream for the caller). */
        default boolean keeps() {
            return false;
        }
    }

    final CompletableFuture<T> result = new CompletableFuture<>();
    private final Transport transport;
    private final ApiRequest<?> request;
    private final ProgressBody body;
    private final SuccessHandler<T> handler;
    private final boolean acceptAnyType;
    private final AtomicReference<Call> call = new AtomicReference<>();
    private final AtomicReference<Future<?>> pendingRetry = new AtomicReference<>();
    private volatile String token;
    private volatile long startedNanos;
    private int retries;
    private boolean tokenRetried;

    /**
     * @param body          a streamed request body, or null to send the request's own (JSON) body
     * @param acceptAnyType true for downloads: {@code Accept: *}{@code /*} instead of JSON
     */
    Exchange(Transport transport, ApiRequest<?> request, ProgressBody body, boolean acceptAnyType,
             SuccessHandler<T> handler) {
        this.transport = transport;
        this.request = request;
        this.body = body;
        this.acceptAnyType = acceptAnyType;
        this.handler = handler;
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                Call c = call.get();
                if (c != null) {
                    c.cancel();
                }
                Future<?> f = pendingRetry.get();
                if (f != null) {
                    f.cancel(false);
                }
            }
        });
    }

    /** A call whose JSON answer is read whole, then parsed by the request's reader. */
    static <T> Exchange<T> json(Transport transport, ApiRequest<T> request) {
        return new Exchange<>(transport, request, null, false, (response, call, endpoint) -> {
            Buffer buffer = new Buffer();
            response.body().source().readAll(buffer);
            return request.reader.read(buffer, endpoint);
        });
    }

    void start() {
        if (result.isDone()) {
            return;
        }
        if (!request.authenticated) {
            sendWith(null);
            return;
        }
        transport.tokens().accessToken().whenComplete((t, error) -> {
            if (error != null) {
                fail(unwrap(error));
            } else {
                sendWith(t);
            }
        });
    }

    private void sendWith(String accessToken) {
        if (result.isDone()) {
            return;
        }
        this.token = accessToken;
        Request httpRequest;
        try {
            Request.Builder builder = transport.toHttpRequest(request, accessToken).newBuilder();
            if (body != null) {
                builder.method(request.method, body);
            }
            if (acceptAnyType) {
                builder.header("Accept", "*/*");
            }
            httpRequest = builder.build();
        } catch (RuntimeException e) {
            fail(new MatrixException("Could not build " + request.endpoint() + ": " + e.getMessage(), e));
            return;
        }
        Call c = transport.clientFor(request).newCall(httpRequest);
        call.set(c);
        startedNanos = System.nanoTime();
        if (result.isCancelled()) {
            return;
        }
        LOG.debug("-> {}", request.endpoint());
        c.enqueue(this);
    }

    @Override
    public void onFailure(Call c, IOException e) {
        if (result.isDone()) {
            return;
        }
        IOException local = body != null ? body.sourceFailure() : null;
        if (local != null) {
            fail(new MatrixException("Reading the upload's content failed (" + local.getMessage() + "), so "
                    + request.endpoint() + " was abandoned. Check the file or stream you passed.", local));
            return;
        }
        handleFailure(network(e));
    }

    @Override
    public void onResponse(Call c, Response response) {
        boolean kept = false;
        try {
            int status = response.code();
            if (!response.isSuccessful()) {
                String text = readLimited(response.body());
                MatrixApiException error = ErrorResponses.parse(status, text, response.header("Retry-After"),
                        request.endpoint());
                LOG.debug("<- {} {} {} ({} ms)", status, error.errorCode(), request.endpoint(), elapsedMs());
                handleFailure(error);
                return;
            }
            if (result.isDone()) {
                return;
            }
            LOG.debug("<- {} {} ({} ms to headers)", status, request.endpoint(), elapsedMs());
            T value = handler.handle(response, c, request.endpoint());
            kept = handler.keeps();
            if (!result.complete(value) && value instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (IOException e) {
            if (!result.isDone()) {
                handleFailure(network(e));
            }
        } catch (MatrixException e) {
            fail(e);
        } catch (Exception e) {
            fail(new InvalidResponseException(request.endpoint() + " answered a body mxj could not read: " + e, e));
        } finally {
            if (!kept) {
                response.close();
            }
        }
    }

    private void handleFailure(MatrixException error) {
        if (result.isDone()) {
            return;
        }
        if (error instanceof MatrixApiException api && isUnknownToken(api) && request.authenticated && !tokenRetried) {
            // The session learns of the rejected token even when this body cannot be sent again.
            tokenRetried = true;
            transport.tokens().tokenRejected(token, api).whenComplete((retry, e) -> {
                if (e != null) {
                    fail(unwrap(e));
                } else if (Boolean.TRUE.equals(retry) && (body == null || body.canResend())) {
                    start();
                } else {
                    fail(api);
                }
            });
            return;
        }
        if (body != null && !body.canResend()) {
            fail(error);
            return;
        }
        retries++;
        Optional<Duration> delay = transport.retry.retryDelay(error, request.idempotent, retries);
        if (delay.isEmpty()) {
            fail(error);
            return;
        }
        LOG.warn("{} failed ({}); retry {} in {} ms", request.endpoint(), shortReason(error), retries,
                delay.get().toMillis());
        Future<?> f = transport.scheduler.schedule(this::start, delay.get().toMillis(), TimeUnit.MILLISECONDS);
        pendingRetry.set(f);
        if (result.isCancelled()) {
            f.cancel(false);
        }
    }

    private static boolean isUnknownToken(MatrixApiException api) {
        return api.httpStatus() == 401 && api.errorCode().equals(ErrorCode.UNKNOWN_TOKEN);
    }

    private void fail(Throwable error) {
        result.completeExceptionally(error);
    }

    private MatrixNetworkException network(IOException e) {
        return network(request.endpoint(), e);
    }

    /** The network error for a failed read or write of {@code endpoint}, with what to do next. */
    static MatrixNetworkException network(String endpoint, IOException e) {
        String what = e instanceof SocketTimeoutException ? "timed out"
                : e instanceof InterruptedIOException ? "was interrupted or timed out" : "failed";
        return new MatrixNetworkException(endpoint + " " + what + " (" + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "")
                + "). Check the network and the homeserver URL; retry later.", e);
    }

    private static String shortReason(MatrixException error) {
        if (error instanceof MatrixApiException api) {
            return "HTTP " + api.httpStatus() + " " + api.errorCode();
        }
        return error.getClass().getSimpleName();
    }

    private long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String readLimited(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        source.request(ERROR_BODY_LIMIT);
        Buffer buffer = source.getBuffer();
        long n = Math.min(buffer.size(), ERROR_BODY_LIMIT);
        return buffer.clone().readString(n, StandardCharsets.UTF_8);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
