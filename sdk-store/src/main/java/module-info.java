/**
 * mxj's SQLite store: a crash-safe, single-file home for the session and everything sync saves
 * (rooms, state, timelines, receipts, account data, the to-device inbox and the sync token), as a
 * {@link dev.mxj.store.StateStore}. Open one with
 * {@link dev.mxj.store.sqlite.SqliteStore#open(java.nio.file.Path)}.
 */
module dev.mxj.store.sqlite {
    requires transitive dev.mxj;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    exports dev.mxj.store.sqlite;
}
