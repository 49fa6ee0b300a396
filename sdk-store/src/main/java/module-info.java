/**
 * mxj's SQLite store: a crash-safe, single-file home for the session and everything sync saves
 * (rooms, state, timelines, receipts, account data, the to-device inbox and the sync token), as a
 * {@link dev.mxj.store.StateStore}, and for the end-to-end encryption state, as a
 * {@link dev.mxj.crypto.store.CryptoStore}. Open one with
 * {@link dev.mxj.store.sqlite.SqliteStore#open(java.nio.file.Path)}; its
 * {@link dev.mxj.store.sqlite.SqliteStore#cryptoStore()} keeps the keys in the same file.
 * Only sdk-crypto's Java types are needed: its native library loads when an Olm backend is made.
 */
module dev.mxj.store.sqlite {
    requires transitive dev.mxj;
    requires transitive dev.mxj.crypto;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    exports dev.mxj.store.sqlite;
}
