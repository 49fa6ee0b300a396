package dev.mxj.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For the migration tests: a store file as an older mxj left it, built with plain JDBC by running
 * the first migrations only, and plain queries to look into a file after opening it.
 */
final class OldSchemas {
    private OldSchemas() {
    }

    /**
     * Runs migrations 1 to {@code version} through {@code s} and stamps the file with that
     * {@code user_version}: the tables as that schema had them, empty.
     */
    static void createAt(Statement s, int version) throws SQLException {
        for (int i = 0; i < version; i++) {
            s.executeUpdate(Migrations.script(Migrations.FILES.get(i)));
        }
        s.executeUpdate("PRAGMA user_version = " + version);
    }

    /** A plain JDBC connection to {@code file}, without mxj's settings or migrations. */
    static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** The first column of the first row {@code sql} selects, or null if none. */
    static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
