package dev.mxj.store.sqlite;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What SQLite packs with {@link PackedRow#select} is what JDBC reads column by column. */
class PackedRowTest {
    private static final List<String> COLUMNS = List.of("a", "b", "n", "c");

    @Test
    void unpacksWhatSqlitePackedExactly() throws SQLException {
        String[][] rows = {
                {"plain", "", "0", null},
                {null, null, null, null},
                {"12:34", "-", "-9223372036854775808", "a:b-c"},
                {"emoji 🎉 and ü", "nul\u0000inside", "9223372036854775807", "\u0000"},
                {"-", ":", "42", "1:x"},
        };
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            fill(db, Arrays.asList(rows));
            assertArrayEquals(rows, packedRead(db));
            assertArrayEquals(jdbcRead(db), packedRead(db));
        }
    }

    @Test
    void unpacksRandomTextLikeJdbcReadsIt() throws SQLException {
        Random random = new Random(7);
        String alphabet = "ab:-0123456789 \u0000ü€🎉";
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String[] row = new String[COLUMNS.size()];
            for (int c = 0; c < row.length; c++) {
                if (c == 2) {
                    row[c] = random.nextInt(5) == 0 ? null : Long.toString(random.nextLong());
                } else if (random.nextInt(4) > 0) {
                    StringBuilder text = new StringBuilder();
                    int length = random.nextInt(12);
                    while (text.length() < length) {
                        text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                                random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                    }
                    row[c] = text.toString();
                }
            }
            rows.add(row);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            fill(db, rows);
            assertArrayEquals(rows.toArray(new String[0][]), packedRead(db));
            assertArrayEquals(jdbcRead(db), packedRead(db));
        }
    }

    @Test
    void rejectsBytesThatDoNotHoldTheValues() {
        for (String bad : List.of("", "-", "-3:abc", "3:ab", "x:abc", ":", "1:a1:b1:c", "1:a-1:b-2",
                "1:a-1:b-1:c", "9999999999:a-1:b-1:c-1:d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PackedRow.unpack(bad.getBytes(StandardCharsets.UTF_8), COLUMNS.size()), bad);
            assertTrue(e.getMessage().startsWith("a packed row"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PackedRow.unpack(null, 1));
    }

    private static void fill(Connection db, List<String[]> rows) throws SQLException {
        try (Statement create = db.createStatement()) {
            create.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, n INTEGER, c TEXT)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO t (a, b, n, c) VALUES (?, ?, ?, ?)")) {
            for (String[] row : rows) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                if (row[2] == null) {
                    insert.setNull(3, java.sql.Types.INTEGER);
                } else {
                    insert.setLong(3, Long.parseLong(row[2]));
                }
                insert.setString(4, row[3]);
                insert.executeUpdate();
            }
        }
    }

    private static String[][] packedRead(Connection db) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT " + PackedRow.select(COLUMNS) + " FROM t ORDER BY id")) {
            while (rows.next()) {
                out.add(PackedRow.unpack(rows.getBytes(1), COLUMNS.size()));
            }
        }
        return out.toArray(new String[0][]);
    }

    private static String[][] jdbcRead(Connection db) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT a, b, n, c FROM t ORDER BY id")) {
            while (rows.next()) {
                String[] row = new String[COLUMNS.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = rows.getString(c + 1);
                }
                out.add(row);
            }
        }
        return out.toArray(new String[0][]);
    }
}
