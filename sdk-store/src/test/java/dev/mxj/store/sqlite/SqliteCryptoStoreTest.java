package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.PersistentCryptoStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link SqliteCryptoStore} in a file of its own against the crypto store contract, persistent part included. */
class SqliteCryptoStoreTest extends PersistentCryptoStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    protected CryptoStore newStore() {
        return SqliteCryptoStore.open(dir.resolve("crypto-" + stores++ + ".db"));
    }

    @Override
    protected CryptoStore reopen(CryptoStore store) {
        Path file = ((SqliteCryptoStore) store).file();
        store.close();
        return SqliteCryptoStore.open(file);
    }
}
