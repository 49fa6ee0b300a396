/**
 * mxj's SQLite persistence: {@link dev.mxj.store.sqlite.SqliteStore} and, in the same file or a
 * file of its own, {@link dev.mxj.store.sqlite.SqliteCryptoStore}. Parameters and return values
 * are non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package dev.mxj.store.sqlite;
