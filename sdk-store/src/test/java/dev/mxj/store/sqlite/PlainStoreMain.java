package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.testing.SyncBuilders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Child process of {@link PlainStoreNeedsNoLibolmTest}: uses a {@link SqliteStore} as an app
 * without end-to-end encryption would (session, a sync, a client built on it, which looks for an
 * encryption module), and its crypto store's Java types too, then prints which native libraries
 * with "olm" in their name this process has mapped.
 *
 * <p>Argument: the store file.
 */
public final class PlainStoreMain {
    private PlainStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        try (SqliteStore store = SqliteStore.open(Path.of(args[0]))) {
            store.saveSession(SqliteLockingTest.session("syt_plain"));
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(SyncBuilders.room(1))
                    .timeline(SyncBuilders.message("m1", SyncBuilders.ALICE, "hello"))).build());
            CryptoStore keys = store.cryptoStore();
            keys.save(CryptoChanges.builder().account(new StoredAccount(UserId.of("@carol:example.org"),
                    DeviceId.of("CAROL"), "opaque", false, 0, Optional.empty())).build());
            if (keys.account().isEmpty() || store.syncToken().isEmpty()) {
                System.out.println("STORE-FAILED");
                System.exit(2);
            }
            // A client on the store: it looks for an encryption module with ServiceLoader and finds
            // sdk-crypto's provider, which must not load libolm for a store it does not serve.
            try (MatrixClient client = MatrixClient.builder().stateStore(store).build()) {
                System.out.println("CLIENT encryption=" + client.encryptionEnabled());
            }
        }
        List<String> olm = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.contains("libolm") || line.contains("mxjolm")).toList();
        System.out.println(olm.isEmpty() ? "NO-LIBOLM" : "LIBOLM-LOADED " + olm.get(0));
        System.exit(0);
    }
}
