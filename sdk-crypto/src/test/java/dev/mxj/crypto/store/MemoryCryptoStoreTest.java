package dev.mxj.crypto.store;

/** The in-memory store passes the crypto store contract. */
class MemoryCryptoStoreTest extends CryptoStoreContract {
    @Override
    protected CryptoStore newStore() {
        return new MemoryCryptoStore();
    }
}
