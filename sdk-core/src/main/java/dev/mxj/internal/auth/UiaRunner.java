package dev.mxj.internal.auth;

import dev.mxj.internal.Calls;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;
import dev.mxj.UiaCancelledException;
import dev.mxj.auth.AuthData;
import dev.mxj.auth.UiaHandler;
import dev.mxj.auth.UiaState;
import dev.mxj.internal.api.UiaApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one request under User-Interactive Authentication: sends it without {@code auth}; while the
 * server answers 401 with {@code flows}, asks the {@link UiaHandler} for the next stage and sends
 * the request again with that answer and the UIA session ID. Any other answer ends the process.
 * For every endpoint that uses UIA: registration, device deletion, cross-signing key upload,
 * account deactivation, password change.
 *
 * <p>Cancelling the returned future cancels the HTTP call or the handler's pending answer.
 */
public final class UiaRunner<T> {
    /** Rounds (401 answers) after which the process is given up as a loop. */
    static final int MAX_ROUNDS = 12;
    private static final Logger LOG = LoggerFactory.getLogger(UiaRunner.class);

    private final Transport transport;
    private final Function<UiaApi.AuthDict, ApiRequest<T>> request;
    private final UiaHandler handler;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
    private volatile String endpoint = "the request";
    private volatile int rounds;
    private volatile String attempted;
    private volatile String failingStage;
    private volatile int failures;

    private UiaRunner(Transport transport, Function<UiaApi.AuthDict, ApiRequest<T>> request, UiaHandler handler) {
        this.transport = transport;
        this.request = request;
        this.handler = handler;
    }

    /**
     * @param request builds the request for an {@code auth} dict, which is null on the first round
     * @return the endpoint's answer once the server accepts the authentication
     */
    public static <T> CompletableFuture<T> run(Transport transport, Function<UiaApi.AuthDict, ApiRequest<T>> request,
                                               UiaHandler handler) {
        UiaRunner<T> runner = new UiaRunner<>(Objects.requireNonNull(transport, "transport"),
                Objects.requireNonNull(request, "request"), Objects.requireNonNull(handler, "handler"));
        runner.result.whenComplete((value, error) -> {
            CompletableFuture<?> step = runner.pending.get();
            if (runner.result.isCancelled() && step != null) {
                step.cancel(true);
            }
        });
        runner.send(null);
        return runner.result;
    }

    /** The UIA body of a failure, if it is a 401 that lists flows. */
    static Optional<RawJson> uiaBody(Throwable error) {
        if (error instanceof MatrixApiException api && api.httpStatus() == 401) {
            return api.body().filter(body -> body.has("flows"));
        }
        return Optional.empty();
    }

    private void send(UiaApi.AuthDict auth) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<T> call;
        try {
            ApiRequest<T> built = request.apply(auth);
            endpoint = built.endpoint();
            call = transport.send(built);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        track(call);
        call.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                onFailure(Calls.unwrap(error));
            }
        });
    }

    private void onFailure(Throwable error) {
        Optional<RawJson> body = uiaBody(error);
        if (body.isEmpty() || result.isDone()) {
            result.completeExceptionally(error);
            return;
        }
        if (++rounds > MAX_ROUNDS) {
            result.completeExceptionally(new MatrixException(endpoint + " still asked for authentication after "
                    + MAX_ROUNDS + " rounds, so mxj gave up. The UiaHandler's answers do not satisfy the server; "
                    + "check which stages it answers (last: " + attempted + ").", error));
            return;
        }
        UiaState state = state(body.get(), (MatrixApiException) error);
        LOG.debug("{} needs authentication: flows {}, completed {}", endpoint, state.flows(), state.completed());
        CompletableFuture<AuthData> answer;
        try {
            answer = handler.nextStage(state);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        if (answer == null) {
            result.completeExceptionally(new UiaCancelledException("The UiaHandler returned no future for "
                    + endpoint + "; authentication stopped. Return a future from nextStage(...)."));
            return;
        }
        track(answer);
        answer.whenComplete((data, failure) -> {
            if (failure != null) {
                Throwable cause = Calls.unwrap(failure);
                result.completeExceptionally(cause instanceof CancellationException
                        ? new UiaCancelledException("The UiaHandler cancelled authentication for " + endpoint + ".", cause)
                        : cause);
            } else if (data == null) {
                result.completeExceptionally(new UiaCancelledException("The UiaHandler answered null for "
                        + endpoint + "; authentication stopped."));
            } else {
                attempted = data.stage().orElse(null);
                send(WireFormat.authDict(data, state.session().orElse(null)));
            }
        });
    }

    private UiaState state(RawJson body, MatrixApiException error) {
        List<List<String>> flows = body.array("flows").stream().map(flow -> flow.strings("stages")).toList();
        List<String> completed = body.strings("completed");
        boolean stageFailed = body.string("errcode").isPresent();
        String previous = attempted;
        if (previous != null) {
            if (stageFailed || !completed.contains(previous)) {
                failures = previous.equals(failingStage) ? failures + 1 : 1;
                failingStage = previous;
            } else {
                failures = 0;
                failingStage = null;
            }
        }
        return new UiaState(flows, completed, body.object("params").orElse(RawJson.emptyObject()),
                body.string("session"), Optional.ofNullable(previous),
                stageFailed ? Optional.of(error) : Optional.empty(),
                previous != null && previous.equals(failingStage) ? failures : 0);
    }

    private void track(CompletableFuture<?> step) {
        pending.set(step);
        if (result.isCancelled()) {
            step.cancel(true);
        }
    }
}
