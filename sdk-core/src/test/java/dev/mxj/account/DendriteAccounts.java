package dev.mxj.account;

import dev.mxj.MatrixClient;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.TestUser;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Clients for test users on Dendrite, and waiting for what Dendrite does in the background. */
final class DendriteAccounts {
    private DendriteAccounts() {
    }

    /** A client on the user's registration session. */
    static MatrixClient client(Dendrite dendrite, TestUser user) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveSession(Session.of(dendrite.baseUrl(), UserId.of(user.userId()), DeviceId.of(user.deviceId()),
                user.accessToken()));
        return MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).sessionStore(store).build();
    }

    /** A client logged in afresh, on a new device of its own. */
    static MatrixClient loggedIn(Dendrite dendrite, TestUser user, String password) {
        MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).build();
        await(client.auth().login(LoginRequest.password(user.userId(), password)));
        return client;
    }

    static RawClient raw(Dendrite dendrite, TestUser user) {
        return new RawClient(dendrite.baseUrl(), user.userId(), user.accessToken());
    }

    static UserId id(TestUser user) {
        return UserId.of(user.userId());
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Calls {@code attempt} until it gives a non-null value, for at most 20 s. */
    static <T> T eventually(Supplier<T> attempt, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Dendrite did not " + what + " within 20 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
