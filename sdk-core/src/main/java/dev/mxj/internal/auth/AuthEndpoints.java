package dev.mxj.internal.auth;

import dev.mxj.internal.Calls;
import dev.mxj.ErrorCode;
import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.Auth;
import dev.mxj.auth.LoginFlow;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.RegistrationRequest;
import dev.mxj.auth.RegistrationResult;
import dev.mxj.auth.Session;
import dev.mxj.auth.SessionState;
import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.LoginApi;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link Auth} over HTTP: login, logout and refresh here; registration in {@link Registration}. */
public final class AuthEndpoints implements Auth {
    static final String LOGIN = "/_matrix/client/v3/login";
    static final String LOGOUT = "/_matrix/client/v3/logout";
    static final String LOGOUT_ALL = "/_matrix/client/v3/logout/all";
    private static final Logger LOG = LoggerFactory.getLogger(AuthEndpoints.class);

    private final ClientContext context;
    private final Registration registration;

    public AuthEndpoints(ClientContext context) {
        this.context = context;
        this.registration = new Registration(context);
    }

    @Override
    public CompletableFuture<Session> refreshAccessToken() {
        return context.sessions().refresh();
    }

    @Override
    public CompletableFuture<List<LoginFlow>> loginFlows() {
        CompletableFuture<LoginApi.FlowsResponse> sent = context.transport().send(
                ApiRequest.get(LOGIN).unauthenticated().parse(LoginApi.FlowsResponse.class));
        return Calls.cancelling(sent, sent.thenApply(response -> {
            if (response.flows() == null) {
                throw new InvalidResponseException("GET " + LOGIN + " answered without \"flows\". "
                        + "Report it to the server's admin.");
            }
            List<LoginFlow> flows = new ArrayList<>();
            for (RawJson raw : response.flows()) {
                Optional<String> type = raw.string("type");
                if (type.isEmpty()) {
                    LOG.debug("GET {} listed a flow without a type; skipped", LOGIN);
                    continue;
                }
                flows.add(new LoginFlow(type.get(), raw.bool("get_login_token").orElse(false), raw));
            }
            return List.copyOf(flows);
        }));
    }

    @Override
    public CompletableFuture<Session> login(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        LoginApi.Identifier identifier = null;
        String password = null;
        String token = null;
        if (request.credential() instanceof LoginRequest.Password p) {
            identifier = WireFormat.identifier(p.identifier());
            password = p.password();
        } else if (request.credential() instanceof LoginRequest.Token t) {
            token = t.token();
        }
        LoginApi.Request body = new LoginApi.Request(request.credential().loginType(), identifier, password, token,
                request.deviceId().map(DeviceId::value).orElse(null), request.initialDeviceDisplayName().orElse(null),
                request.requestRefreshToken() ? Boolean.TRUE : null);
        CompletableFuture<LoginApi.Response> sent = context.transport().send(
                ApiRequest.post(LOGIN).unauthenticated().body(body).parse(LoginApi.Response.class));
        return Calls.cancelling(sent, sent.thenApply(r -> IssuedSessions.adopt(context, "POST " + LOGIN,
                r.userId(), r.accessToken(), r.deviceId(), request.deviceId(), r.refreshToken(), r.expiresInMs(),
                "Report it to the server's admin.")));
    }

    @Override
    public CompletableFuture<Void> logout() {
        return endSession(LOGOUT);
    }

    @Override
    public CompletableFuture<Void> logoutAll() {
        return endSession(LOGOUT_ALL);
    }

    private CompletableFuture<Void> endSession(String path) {
        if (context.sessions().state() instanceof SessionState.NotLoggedIn) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> sent = context.transport().send(ApiRequest.post(path).noContent());
        return Calls.cancelling(sent, sent.handle((ignored, error) -> {
            Throwable cause = error == null ? null : Calls.unwrap(error);
            if (cause != null && !sessionAlreadyGone(cause)) {
                throw Calls.rethrow(cause);
            }
            if (cause != null) {
                LOG.debug("POST {}: the session had already ended on the server ({})", path, cause.getClass().getSimpleName());
            }
            context.sessions().loggedOut();
            return null;
        }));
    }

    /** The server no longer knows the token (or the session ended locally): logged out either way. */
    private static boolean sessionAlreadyGone(Throwable cause) {
        return cause instanceof SessionEndedException
                || cause instanceof MatrixApiException api && api.errorCode().equals(ErrorCode.UNKNOWN_TOKEN);
    }

    @Override
    public CompletableFuture<RegistrationResult> register(RegistrationRequest request, UiaHandler uia) {
        return registration.register(request, uia);
    }

    @Override
    public CompletableFuture<RegistrationResult> registerGuest() {
        return registration.registerGuest(null);
    }

    @Override
    public CompletableFuture<RegistrationResult> registerGuest(String initialDeviceDisplayName) {
        return registration.registerGuest(Objects.requireNonNull(initialDeviceDisplayName, "initialDeviceDisplayName"));
    }

    @Override
    public CompletableFuture<Boolean> isUsernameAvailable(String localpart) {
        return registration.isUsernameAvailable(localpart);
    }

    @Override
    public CompletableFuture<Boolean> isRegistrationTokenValid(String token) {
        return registration.isRegistrationTokenValid(token);
    }
}
