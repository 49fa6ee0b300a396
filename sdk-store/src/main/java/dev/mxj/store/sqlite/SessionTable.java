package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** The SQL for the one-row {@code session} table (migration 0001). Callers own the transaction. */
final class SessionTable {
    private static final String SELECT = "SELECT homeserver_url, user_id, device_id, access_token, refresh_token,"
            + " access_token_expires_at FROM session WHERE id = 1";
    private static final String UPSERT = "INSERT INTO session (id, homeserver_url, user_id, device_id,"
            + " access_token, refresh_token, access_token_expires_at) VALUES (1, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET homeserver_url = excluded.homeserver_url,"
            + " user_id = excluded.user_id, device_id = excluded.device_id,"
            + " access_token = excluded.access_token, refresh_token = excluded.refresh_token,"
            + " access_token_expires_at = excluded.access_token_expires_at";

    private SessionTable() {
    }

    static Optional<Session> load(Connection connection, Path file) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            String url = row.getString(1);
            String userId = row.getString(2);
            try {
                long expiresAt = row.getLong(6);
                Optional<Instant> expiry = row.wasNull()
                        ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expiresAt));
                return Optional.of(new Session(new URI(url), UserId.of(userId), DeviceId.of(row.getString(3)),
                        row.getString(4), Optional.ofNullable(row.getString(5)), expiry));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Messages name the bad URL or ID, never a token.
                throw new StoreException("The session saved in " + file + " cannot be read back (" + e.getMessage()
                        + "). Log in again: saving the new session replaces the damaged one.", e);
            }
        }
    }

    static void save(Connection connection, Session session) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, session.homeserverUrl().toString());
            upsert.setString(2, session.userId().value());
            upsert.setString(3, session.deviceId().value());
            upsert.setString(4, session.accessToken());
            upsert.setString(5, session.refreshToken().orElse(null));
            if (session.accessTokenExpiresAt().isPresent()) {
                upsert.setLong(6, session.accessTokenExpiresAt().get().toEpochMilli());
            } else {
                upsert.setNull(6, Types.INTEGER);
            }
            upsert.executeUpdate();
        }
    }

    static void clear(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM session")) {
            delete.executeUpdate();
        }
    }
}
