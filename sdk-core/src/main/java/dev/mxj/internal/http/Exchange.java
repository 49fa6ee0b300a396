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

/** One request's life: attempts, retries, a single token refresh, and cancellation. */
final class Exchange<T> implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    final CompletableFuture<T> result = new CompletableFuture<>();
    private final Transport transport;
    private final ApiRequest<T> request;
    private final AtomicReference<Call> call = new AtomicReference<>();
    private final AtomicReference<Future<?>> pendingRetry = new AtomicReference<>();
    private volatile String token;
    private volatile long startedNanos;
    private int retries;
    private boolean tokenRetried;

    Exchange(Transport transport, ApiRequest<T> request) {
        this.transport = transport;
        this.request = request;
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
            httpRequest = transport.toHttpRequest(request, accessToken);
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
        handleFailure(network(e));
    }

    @Override
    public void onResponse(Call c, Response response) {
        try (response) {
            ResponseBody body = response.body();
            int status = response.code();
            if (response.isSuccessful()) {
                Buffer buffer = new Buffer();
                BufferedSource source = body.source();
                source.readAll(buffer);
                LOG.debug("<- {} {} ({} ms)", status, request.endpoint(), elapsedMs());
                complete(buffer);
            } else {
                String text = readLimited(body);
                MatrixApiException error = ErrorResponses.parse(status, text, response.header("Retry-After"),
                        request.endpoint());
                LOG.debug("<- {} {} {} ({} ms)", status, error.errorCode(), request.endpoint(), elapsedMs());
                handleFailure(error);
            }
        } catch (IOException e) {
            if (!result.isDone()) {
                handleFailure(network(e));
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void complete(Buffer buffer) {
        try {
            result.complete(request.reader.read(buffer, request.endpoint()));
        } catch (MatrixException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new InvalidResponseException(request.endpoint() + " answered a body mxj could not read: " + e, e));
        }
    }

    private void handleFailure(MatrixException error) {
        if (result.isDone()) {
            return;
        }
        if (error instanceof MatrixApiException api && isUnknownToken(api) && request.authenticated && !tokenRetried) {
            tokenRetried = true;
            transport.tokens().tokenRejected(token, api).whenComplete((retry, e) -> {
                if (e != null) {
                    fail(unwrap(e));
                } else if (Boolean.TRUE.equals(retry)) {
                    start();
                } else {
                    fail(api);
                }
            });
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
        String what = e instanceof SocketTimeoutException ? "timed out"
                : e instanceof InterruptedIOException ? "was interrupted or timed out" : "failed";
        return new MatrixNetworkException(request.endpoint() + " " + what + " (" + e.getClass().getSimpleName()
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

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
