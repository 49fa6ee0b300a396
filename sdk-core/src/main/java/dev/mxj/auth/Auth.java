package dev.mxj.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Logging in and out, registration and the session's tokens. From {@link dev.mxj.MatrixClient#auth()}.
 *
 * <p>A successful {@link #login}, or a {@link #register} that logs in, makes the new session the
 * client's session: it is saved to the client's {@link dev.mxj.store.SessionStore} and replaces
 * any session the client had (that older device stays logged in on the server).
 */
public interface Auth {
    /** Refreshes the access token now (it is also refreshed automatically when due). */
    CompletableFuture<Session> refreshAccessToken();

    /** The login types the server supports ({@code GET /login}). */
    CompletableFuture<List<LoginFlow>> loginFlows();

    /**
     * Logs in ({@code POST /login}) and makes the new session the client's.
     *
     * @return the session; fails with {@link dev.mxj.MatrixApiException} {@code M_FORBIDDEN} for
     *         wrong credentials, {@code M_USER_DEACTIVATED}, or {@code M_LIMIT_EXCEEDED}
     */
    CompletableFuture<Session> login(LoginRequest request);

    /**
     * Logs out this device ({@code POST /logout}): the server deletes the device and its keys, and
     * the client forgets the session. If the server already ended the session, this still
     * completes normally. Fails (keeping the session) only if the server could not be reached.
     */
    CompletableFuture<Void> logout();

    /**
     * Logs out every device of the user ({@code POST /logout/all}), this one included, and forgets
     * the session; other clients' requests then fail with {@link dev.mxj.SessionEndedException}.
     */
    CompletableFuture<Void> logoutAll();

    /**
     * Registers an account ({@code POST /register}), answering User-Interactive Authentication
     * with {@code uia}. Unless the request inhibits login, the new session becomes the client's.
     *
     * @return the account; fails with {@link dev.mxj.MatrixApiException} {@code M_USER_IN_USE},
     *         {@code M_INVALID_USERNAME}, {@code M_WEAK_PASSWORD} or {@code M_FORBIDDEN}
     *         (registration closed), with {@link dev.mxj.UnsupportedAuthStageException} when
     *         {@code uia} cannot complete any flow, or with the handler's own error
     */
    CompletableFuture<RegistrationResult> register(RegistrationRequest request, UiaHandler uia);

    /** Registers, completing only stages that need no credentials ({@code m.login.dummy}). */
    default CompletableFuture<RegistrationResult> register(RegistrationRequest request) {
        return register(request, UiaHandler.automatic());
    }

    /**
     * Registers a guest account ({@code POST /register?kind=guest}) and makes its session the
     * client's. Guests can read and join some public rooms; many servers do not allow them
     * ({@code M_FORBIDDEN}).
     */
    CompletableFuture<RegistrationResult> registerGuest();

    /** As {@link #registerGuest()}, naming the new device. */
    CompletableFuture<RegistrationResult> registerGuest(String initialDeviceDisplayName);

    /**
     * Whether a user name is free to register ({@code GET /register/available}). Not a
     * reservation: another client may take it before you register.
     *
     * @param localpart the user name, e.g. {@code alice}
     * @return true if free, false if taken ({@code M_USER_IN_USE}); fails with
     *         {@link dev.mxj.MatrixApiException} {@code M_INVALID_USERNAME} or {@code M_EXCLUSIVE}
     *         for names that can never be registered
     */
    CompletableFuture<Boolean> isUsernameAvailable(String localpart);

    /**
     * Whether a registration token is still valid
     * ({@code GET /_matrix/client/v1/register/m.login.registration_token/validity}). False too when
     * the server does not allow registration at all (it answers 403).
     */
    CompletableFuture<Boolean> isRegistrationTokenValid(String token);
}
