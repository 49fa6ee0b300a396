package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.account.Deactivation;
import dev.mxj.account.UnbindResult;
import dev.mxj.auth.UiaHandler;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.DeactivateApi;
import dev.mxj.internal.api.PasswordApi;
import dev.mxj.internal.auth.UiaRunner;
import dev.mxj.internal.http.ApiRequest;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Password change ({@code POST /account/password}) and deactivation ({@code POST /account/deactivate}). */
final class CredentialCalls {
    static final String PASSWORD = "/_matrix/client/v3/account/password";
    static final String DEACTIVATE = "/_matrix/client/v3/account/deactivate";

    private final ClientContext context;

    CredentialCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Void> changePassword(String newPassword, boolean logoutDevices, UiaHandler uia) {
        Checks.nonEmpty(newPassword, "new password");
        Objects.requireNonNull(uia, "uia");
        return UiaRunner.run(context.transport(), auth -> ApiRequest.post(PASSWORD)
                .body(new PasswordApi.Request(newPassword, logoutDevices, auth)).noContent(), uia);
    }

    CompletableFuture<UnbindResult> deactivate(Deactivation options, UiaHandler uia) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(uia, "uia");
        CompletableFuture<DeactivateApi.Response> done = UiaRunner.run(context.transport(),
                auth -> ApiRequest.post(DEACTIVATE).body(new DeactivateApi.Request(auth,
                        options.idServer().orElse(null), options.erase() ? Boolean.TRUE : null))
                        .parse(DeactivateApi.Response.class), uia);
        return Calls.map(done, response -> {
            // The account is gone: nobody can use this session again.
            context.sessions().loggedOut();
            return unbindResult(response.idServerUnbindResult());
        });
    }

    /** {@code id_server_unbind_result}; anything but {@code success} (absent included) is no-support. */
    static UnbindResult unbindResult(String value) {
        return "success".equals(value) ? UnbindResult.SUCCESS : UnbindResult.NO_SUPPORT;
    }
}
