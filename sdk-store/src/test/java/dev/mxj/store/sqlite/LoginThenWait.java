package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.auth.LoginRequest;

import java.net.URI;
import java.nio.file.Path;

/** Child process for {@link SessionRestoreIT}: logs in into a SQLite store, says so, then waits to be killed. */
public final class LoginThenWait {
    public static void main(String[] args) throws Exception {
        SqliteStore store = SqliteStore.open(Path.of(args[0]));
        MatrixClient client = MatrixClient.builder().homeserverUrl(URI.create(args[1])).sessionStore(store).build();
        client.auth().login(LoginRequest.password(args[2], args[3])).join();
        System.out.println("LOGGED-IN " + client.session().orElseThrow().deviceId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
