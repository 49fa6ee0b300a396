package dev.mxj.account;

import java.util.concurrent.CompletableFuture;

/** The logged-in user's account. Obtain it from {@link dev.mxj.MatrixClient#account()}. */
public interface Account {
    /** Asks the server whom the current access token belongs to. */
    CompletableFuture<WhoAmI> whoami();
}
