package dev.mxj.internal.auth;

import dev.mxj.internal.Calls;
import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.auth.RegistrationRequest;
import dev.mxj.auth.RegistrationResult;
import dev.mxj.auth.Session;
import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.RegisterApi;
import dev.mxj.internal.api.UiaApi;
import dev.mxj.internal.http.ApiRequest;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Registration endpoints: {@code /register} (with UIA), guests, name and token checks. */
final class Registration {
    static final String REGISTER = "/_matrix/client/v3/register";
    static final String AVAILABLE = "/_matrix/client/v3/register/available";
    static final String TOKEN_VALIDITY = "/_matrix/client/v1/register/m.login.registration_token/validity";

    private final ClientContext context;

    Registration(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<RegistrationResult> register(RegistrationRequest request, UiaHandler uia) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(uia, "uia");
        // Never with the access token: /register with a token means an application service.
        Function<UiaApi.AuthDict, ApiRequest<RegisterApi.Response>> build = auth -> ApiRequest.post(REGISTER)
                .unauthenticated()
                .body(new RegisterApi.Request(auth, request.username().orElse(null), request.password().orElse(null),
                        request.deviceId().map(DeviceId::value).orElse(null),
                        request.initialDeviceDisplayName().orElse(null), request.inhibitLogin() ? Boolean.TRUE : null,
                        request.requestRefreshToken() ? Boolean.TRUE : null))
                .parse(RegisterApi.Response.class);
        CompletableFuture<RegisterApi.Response> run = UiaRunner.run(context.transport(), build, uia);
        return Calls.cancelling(run, run.thenApply(r -> result(r, request.inhibitLogin(), request.deviceId(), false,
                request.password().isPresent()
                        ? "The account was created; log in with its password."
                        : "The account was created but has no password; register again.")));
    }

    CompletableFuture<RegistrationResult> registerGuest(String initialDeviceDisplayName) {
        // Guest registration does not use UIA in the spec; the runner only matters if a server asks.
        Function<UiaApi.AuthDict, ApiRequest<RegisterApi.Response>> build = auth -> ApiRequest.post(REGISTER)
                .unauthenticated().query("kind", "guest")
                .body(new RegisterApi.Request(auth, null, null, null, initialDeviceDisplayName, null, Boolean.TRUE))
                .parse(RegisterApi.Response.class);
        CompletableFuture<RegisterApi.Response> run = UiaRunner.run(context.transport(), build, UiaHandler.automatic());
        return Calls.cancelling(run, run.thenApply(r -> result(r, false, Optional.empty(), true,
                "Register a new guest.")));
    }

    CompletableFuture<Boolean> isUsernameAvailable(String localpart) {
        Objects.requireNonNull(localpart, "localpart");
        CompletableFuture<RegisterApi.Availability> sent = context.transport().send(ApiRequest.get(AVAILABLE)
                .unauthenticated().query("username", localpart).parse(RegisterApi.Availability.class));
        return Calls.cancelling(sent, sent.handle((answer, error) -> {
            if (error == null) {
                // A 200 means available; "available" is there only to say so again.
                return answer.available() == null || answer.available();
            }
            Throwable cause = Calls.unwrap(error);
            if (cause instanceof MatrixApiException api && api.errorCode().equals(ErrorCode.USER_IN_USE)) {
                return false;
            }
            throw Calls.rethrow(cause);
        }));
    }

    CompletableFuture<Boolean> isRegistrationTokenValid(String token) {
        Objects.requireNonNull(token, "token");
        CompletableFuture<RegisterApi.TokenValidity> sent = context.transport().send(ApiRequest.get(TOKEN_VALIDITY)
                .unauthenticated().query("token", token).parse(RegisterApi.TokenValidity.class));
        return Calls.cancelling(sent, sent.handle((answer, error) -> {
            if (error == null) {
                if (answer.valid() == null) {
                    throw new InvalidResponseException("GET " + TOKEN_VALIDITY + " answered without \"valid\".");
                }
                return answer.valid();
            }
            Throwable cause = Calls.unwrap(error);
            if (cause instanceof MatrixApiException api && api.httpStatus() == 403
                    && api.errorCode().equals(ErrorCode.FORBIDDEN)) {
                return false; // the spec: registration is closed, so no token is valid
            }
            throw Calls.rethrow(cause);
        }));
    }

    private RegistrationResult result(RegisterApi.Response r, boolean inhibitLogin, Optional<DeviceId> requestedDevice,
                                      boolean guest, String whatToDo) {
        String endpoint = "POST " + REGISTER;
        if (r.userId() == null) {
            throw new InvalidResponseException(endpoint + " succeeded but answered without user_id, which the spec "
                    + "requires. Report it to the server's admin.");
        }
        if (inhibitLogin) {
            return new RegistrationResult(r.userId(), Optional.ofNullable(r.deviceId()), Optional.empty(), guest);
        }
        Session session = IssuedSessions.adopt(context, endpoint, r.userId(), r.accessToken(), r.deviceId(),
                requestedDevice, r.refreshToken(), r.expiresInMs(), whatToDo);
        return new RegistrationResult(r.userId(), Optional.of(session.deviceId()), Optional.of(session), guest);
    }
}
