/**
 * mxj's SQLite store: a crash-safe, single-file home for the session (and, later, room state and
 * the sync token). Open one with {@link dev.mxj.store.sqlite.SqliteStore#open(java.nio.file.Path)}.
 */
module dev.mxj.store.sqlite {
    requires transitive dev.mxj;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    exports dev.mxj.store.sqlite;
}
