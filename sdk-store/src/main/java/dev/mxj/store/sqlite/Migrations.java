package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The numbered schema migrations in {@code migrations/NNNN_name.sql}, applied in order in one
 * transaction; {@code PRAGMA user_version} records the last one applied. See MIGRATIONS.md.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** Every migration, oldest first. Add new ones at the end; never edit, renumber or remove one. */
    static final List<String> FILES = List.of(
            "0001_session.sql",
            "0002_sync_state.sql",
            "0003_send_queue.sql",
            "0004_send_queue_dependencies.sql",
            "0005_room_columns.sql",
            "0006_crypto.sql",
            "0007_crypto_senders.sql");

    private static final String MIGRATE = "open the store and bring its schema up to date";

    /** The schema version this build writes. */
    static final int LATEST = FILES.size();

    static {
        for (int i = 0; i < FILES.size(); i++) {
            String number = Integer.toString(i + 1);
            // Not String.format: its first use costs milliseconds on every cold start.
            if (!FILES.get(i).startsWith("0000".substring(number.length()) + number + "_")) {
                throw new IllegalStateException("Migration " + FILES.get(i) + " is out of sequence at " + (i + 1));
            }
        }
    }

    private Migrations() {
    }

    /**
     * Whether the file {@code writer} is connected to is at {@link #LATEST} already, as most opens
     * find it; reading that takes no write transaction.
     */
    static boolean upToDate(Connection writer, Path file) {
        try {
            return userVersion(writer) == LATEST;
        } catch (SQLException e) {
            throw SqliteErrors.wrap(file, MIGRATE, e);
        }
    }

    /** Brings {@code db} to {@link #LATEST}, or refuses a schema this build does not know. */
    static void migrate(SqliteDatabase db) {
        db.write(MIGRATE, connection -> {
            int version = userVersion(connection);
            if (version > LATEST || version < 0) {
                throw new StoreException("The store " + db.file() + " has schema version " + version
                        + ", but this mxj knows versions up to " + LATEST + ": it was written by a newer mxj."
                        + " Upgrade mxj to open it. Do not delete the file: it holds your session and data.");
            }
            if (version == 0) {
                log.info("Creating the mxj store tables (schema version {}) in {}", LATEST, db.file());
            } else if (version < LATEST) {
                log.info("Upgrading mxj store {} from schema version {} to {}", db.file(), version, LATEST);
            }
            for (int next = version + 1; next <= LATEST; next++) {
                String name = FILES.get(next - 1);
                try (Statement statement = connection.createStatement()) {
                    // sqlite-jdbc runs every statement of a multi-statement script in executeUpdate.
                    statement.executeUpdate(script(name));
                    statement.executeUpdate("PRAGMA user_version = " + next);
                } catch (SQLException e) {
                    throw SqliteErrors.wrap(db.file(), "apply schema migration " + name, e);
                }
            }
            return null;
        });
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    static String script(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + name + " is missing from the mxj store jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read migration " + name + " from the mxj store jar", e);
        }
    }
}
