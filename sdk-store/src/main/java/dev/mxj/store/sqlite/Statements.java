package dev.mxj.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one transaction: each SQL text is prepared once, on first use, and
 * reused for every row after that (a sync of 1,000 rooms prepares each statement once, not 1,000
 * times). Closing closes them all. Not thread-safe: it lives inside one transaction.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared on first use; its parameters are as the last use left them. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
