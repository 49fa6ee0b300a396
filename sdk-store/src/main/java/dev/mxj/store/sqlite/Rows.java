package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.json.RawJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for the read side: run a query, map its rows, read stored JSON back. */
final class Rows {
    /** Maps the current row of a result. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    /** Every row of {@code sql} with {@code params} bound in order (strings, longs, integers). */
    static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
                return out;
            }
        }
    }

    /** The first row of {@code sql}, if any. */
    static <T> Optional<T> first(Connection connection, String sql, Mapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = list(connection, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Stored JSON text as a {@link RawJson}. mxj wrote it, so a failure means the file was damaged;
     * the message names the table, never the content, which may hold secrets.
     */
    static RawJson json(String text, String table) {
        try {
            return RawJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw damaged(table, e);
        }
    }

    static StoreException damaged(String table, RuntimeException e) {
        return new StoreException("A row of the " + table + " table in the store cannot be read back (" + e.getMessage()
                + "). The file was changed outside mxj or is damaged; keep a copy for a bug report. To go on,"
                + " move the file aside and log in again: the next sync fills a new store.", e);
    }
}
