package dev.mxj.internal.account;

import dev.mxj.InvalidResponseException;
import dev.mxj.account.Account;
import dev.mxj.account.WhoAmI;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.WhoAmIApi;
import dev.mxj.internal.http.ApiRequest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link Account} over HTTP. */
public final class AccountEndpoints implements Account {
    private final ClientContext context;

    public AccountEndpoints(ClientContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<WhoAmI> whoami() {
        return context.transport().send(ApiRequest.get("/_matrix/client/v3/account/whoami").parse(WhoAmIApi.class))
                .thenApply(r -> {
                    if (r.userId() == null) {
                        throw new InvalidResponseException("GET /_matrix/client/v3/account/whoami answered without user_id.");
                    }
                    return new WhoAmI(r.userId(), Optional.ofNullable(r.deviceId()), Boolean.TRUE.equals(r.isGuest()));
                });
    }
}
