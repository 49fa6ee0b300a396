package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.PersistentCryptoStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SqliteStore#cryptoStore()}, the crypto store in the file of a {@link SqliteStore}, against
 * the crypto store contract; reopening closes and reopens the whole {@link SqliteStore}.
 */
class SqliteSharedCryptoStoreTest extends PersistentCryptoStoreContract {
    @TempDir
    Path dir;
    private int stores;
    private final Map<CryptoStore, SqliteStore> owners = new HashMap<>();
    private final List<SqliteStore> opened = new ArrayList<>();

    @Override
    protected CryptoStore newStore() {
        return viewOf(SqliteStore.open(dir.resolve("shared-" + stores++ + ".db")));
    }

    @Override
    protected CryptoStore reopen(CryptoStore store) {
        SqliteStore owner = owners.get(store);
        store.close();
        owner.close();
        return viewOf(SqliteStore.open(owner.file()));
    }

    private CryptoStore viewOf(SqliteStore store) {
        opened.add(store);
        CryptoStore view = store.cryptoStore();
        owners.put(view, store);
        return view;
    }

    @AfterEach
    void closeStateStores() {
        opened.forEach(SqliteStore::close);
    }
}
