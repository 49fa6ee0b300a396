/**
 * mxj's SQLite persistence: {@link dev.mxj.store.sqlite.SqliteStore}. Parameters and return values
 * are non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package dev.mxj.store.sqlite;
