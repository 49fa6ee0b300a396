package dev.mxj.store.sqlite;

import dev.mxj.event.BasicEvent;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.store.StateChanges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sync saves outside rooms: {@code account_data}, {@code presence}, {@code to_device} and
 * {@code sync_token}; and the {@code filter} IDs (migration 0002). Callers own the transaction.
 */
final class GlobalTables {
    private static final String UPSERT_ACCOUNT_DATA = "INSERT INTO account_data (type, raw) VALUES (?, ?)"
            + " ON CONFLICT (type) DO UPDATE SET raw = excluded.raw";
    private static final String UPSERT_PRESENCE = "INSERT INTO presence (user_id, content) VALUES (?, ?)"
            + " ON CONFLICT (user_id) DO UPDATE SET content = excluded.content";
    private static final String INSERT_TO_DEVICE = "INSERT INTO to_device (raw) VALUES (?)";
    private static final String UPSERT_TOKEN = "INSERT INTO sync_token (id, next_batch) VALUES (1, ?)"
            + " ON CONFLICT (id) DO UPDATE SET next_batch = excluded.next_batch";
    private static final String UPSERT_FILTER = "INSERT INTO filter (filter_key, filter_id) VALUES (?, ?)"
            + " ON CONFLICT (filter_key) DO UPDATE SET filter_id = excluded.filter_id";

    private GlobalTables() {
    }

    /** Saves the global parts of {@code changes}, and last its token. */
    static void save(Statements statements, StateChanges changes) throws SQLException {
        if (!changes.accountData().isEmpty()) {
            PreparedStatement upsert = statements.get(UPSERT_ACCOUNT_DATA);
            for (BasicEvent event : changes.accountData()) {
                upsert.setString(1, event.type());
                upsert.setString(2, event.raw().json());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (!changes.presence().isEmpty()) {
            PreparedStatement upsert = statements.get(UPSERT_PRESENCE);
            for (Map.Entry<UserId, RawJson> presence : changes.presence().entrySet()) {
                upsert.setString(1, presence.getKey().value());
                upsert.setString(2, presence.getValue().json());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (!changes.toDevice().isEmpty()) {
            PreparedStatement insert = statements.get(INSERT_TO_DEVICE);
            for (ToDeviceEvent event : changes.toDevice()) {
                insert.setString(1, event.raw().json());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        PreparedStatement token = statements.get(UPSERT_TOKEN);
        token.setString(1, changes.nextBatch());
        token.executeUpdate();
    }

    static Optional<String> syncToken(Connection connection) throws SQLException {
        return Rows.first(connection, "SELECT next_batch FROM sync_token WHERE id = 1", row -> row.getString(1));
    }

    static Optional<String> filterId(Connection connection, String key) throws SQLException {
        return Rows.first(connection, "SELECT filter_id FROM filter WHERE filter_key = ?", row -> row.getString(1),
                key);
    }

    static void saveFilterId(Connection connection, String key, String filterId) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            PreparedStatement upsert = statements.get(UPSERT_FILTER);
            upsert.setString(1, key);
            upsert.setString(2, filterId);
            upsert.executeUpdate();
        }
    }

    static Optional<BasicEvent> accountData(Connection connection, String type) throws SQLException {
        return Rows.first(connection, "SELECT raw FROM account_data WHERE type = ?",
                row -> Rows.json(row.getString(1), "account_data"), type)
                .flatMap(raw -> EventRegistry.defaults().parseBasic(raw));
    }

    static Optional<RawJson> presence(Connection connection, UserId userId) throws SQLException {
        return Rows.first(connection, "SELECT content FROM presence WHERE user_id = ?",
                row -> Rows.json(row.getString(1), "presence"), userId.value());
    }

    static List<ToDeviceEvent> toDeviceInbox(Connection connection) throws SQLException {
        return Rows.list(connection, "SELECT raw FROM to_device ORDER BY seq",
                row -> EventRegistry.defaults().parseToDevice(Rows.json(row.getString(1), "to_device")))
                .stream().flatMap(Optional::stream).toList();
    }

    static void removeToDevice(Connection connection, int count) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            PreparedStatement delete = statements.get("DELETE FROM to_device WHERE seq IN"
                    + " (SELECT seq FROM to_device ORDER BY seq LIMIT ?)");
            delete.setInt(1, count);
            delete.executeUpdate();
        }
    }
}
