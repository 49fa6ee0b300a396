package dev.mxj.bench;

import dev.mxj.store.sqlite.SqliteStore;
import org.sqlite.SQLiteConfig;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mxj.bench.ChildJvm.report;

/**
 * The floor under mxj's ingest: the rows that mxj's store holds after the ingest, written again
 * through sqlite-jdbc into an empty store of mxj's schema, in one transaction, with the writer's
 * settings (WAL, {@code synchronous = FULL}, foreign keys off, a 64 MiB page cache, 32 rows per
 * statement). No HTTP, no JSON, no mxj code in the timed part: no client that keeps these rows in
 * SQLite through sqlite-jdbc can store this account faster on this machine. The parent dumps the
 * rows to a file; the child reads them (no SQLite involved) before its timer starts, so its
 * sqlite-jdbc is as cold as the ingest child's.
 */
final class StoreFloor {
    /** The tables sync fills, parents first. */
    private static final String[] TABLES = {"room", "room_state", "member", "timeline_event", "timeline_gap",
        "receipt", "typing", "room_account_data", "account_data", "presence"};
    private static final int ROWS_PER_STATEMENT = 32;

    private StoreFloor() {
    }

    /** Rows of one table, as read back: column names, then each row's values (Long, Double, String or null). */
    private record Table(String name, List<String> columns, List<Object[]> rows) {
    }

    /** Parent side: writes the sync tables' rows of {@code store} to {@code rowsFile}. Returns the row count. */
    static long dump(Path store, Path rowsFile) throws IOException, SQLException {
        long count = 0;
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + store);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rowsFile)))) {
            out.writeInt(TABLES.length);
            for (String table : TABLES) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    int n = meta.getColumnCount();
                    List<Object[]> all = new ArrayList<>();
                    while (rows.next()) {
                        Object[] row = new Object[n];
                        for (int c = 0; c < n; c++) {
                            row[c] = rows.getObject(c + 1);
                        }
                        all.add(row);
                    }
                    out.writeUTF(table);
                    out.writeInt(n);
                    for (int c = 1; c <= n; c++) {
                        out.writeUTF(meta.getColumnName(c));
                    }
                    out.writeInt(all.size());
                    for (Object[] row : all) {
                        for (Object value : row) {
                            write(out, value);
                        }
                    }
                    count += all.size();
                }
            }
        }
        return count;
    }

    /** {@code floor <rowsFile> <workDir> <warmRuns>}: one cold write, then warm ones, each into a new store. */
    static void main(String[] args) throws Exception {
        List<Table> tables = read(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        int warmRuns = Integer.parseInt(args[2]);
        for (int run = 0; run <= warmRuns; run++) {
            Path file = dir.resolve("floor" + run + ".db");
            SqliteStore.open(file).close(); // mxj's schema, made before the timer as the ingest's store is
            SQLiteConfig config = new SQLiteConfig();
            config.setGetGeneratedKeys(false);
            try (Connection connection = config.createConnection("jdbc:sqlite:" + file)) {
                try (Statement statement = connection.createStatement()) {
                    for (String pragma : new String[] {"journal_mode = WAL", "synchronous = FULL", "foreign_keys = OFF",
                        "cache_size = -65536", "wal_autocheckpoint = 0", "journal_size_limit = 0"}) {
                        statement.execute("PRAGMA " + pragma);
                    }
                }
                Map<String, Long> cpuBefore = ThreadCpu.snapshot();
                long start = System.nanoTime();
                long rows = write(connection, tables);
                long nanos = System.nanoTime() - start;
                Map<String, Long> cpuAfter = ThreadCpu.snapshot();
                if (run == 0) {
                    report("store_floor_ms", nanos / 1e6);
                    report("store_floor_rows", rows);
                    for (String kind : new String[] {"other", "jit", "gc"}) {
                        report("store_floor_cpu_" + kind + "_ms", cpuAfter.get(kind) - cpuBefore.get(kind));
                    }
                } else {
                    report("store_floor_warm_ms", nanos / 1e6);
                }
            }
        }
    }

    /** The timed part: every row, 32 per statement, in one committed transaction. */
    private static long write(Connection connection, List<Table> tables) throws SQLException {
        long count = 0;
        connection.setAutoCommit(false);
        for (Table table : tables) {
            Map<Integer, PreparedStatement> statements = new HashMap<>();
            String tuple = "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
            List<Object[]> rows = table.rows();
            for (int start = 0, n; start < rows.size(); start += n) {
                n = Math.min(ROWS_PER_STATEMENT, rows.size() - start);
                int size = n;
                PreparedStatement insert = statements.computeIfAbsent(n, k -> prepare(connection, "INSERT INTO "
                        + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES "
                        + String.join(", ", Collections.nCopies(size, tuple))));
                int p = 1;
                for (int i = 0; i < n; i++) {
                    for (Object value : rows.get(start + i)) {
                        bind(insert, p++, value);
                    }
                }
                count += insert.executeUpdate();
            }
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
        connection.commit();
        return count;
    }

    /** The typed setter, as mxj's own code calls it. */
    private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value instanceof Long l) {
            insert.setLong(index, l);
        } else if (value instanceof String s) {
            insert.setString(index, s);
        } else {
            insert.setObject(index, value);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare " + sql, e);
        }
    }

    private static List<Table> read(Path rowsFile) throws IOException {
        List<Table> tables = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rowsFile)))) {
            int count = in.readInt();
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                int n = in.readInt();
                List<String> columns = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    columns.add(in.readUTF());
                }
                int rowCount = in.readInt();
                List<Object[]> rows = new ArrayList<>(rowCount);
                for (int r = 0; r < rowCount; r++) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = readValue(in);
                    }
                    rows.add(row);
                }
                tables.add(new Table(name, columns, rows));
            }
        }
        return tables;
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeByte(1);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.writeByte(2);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(3);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else {
            throw new IllegalArgumentException("Unexpected column value " + value.getClass());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readLong();
            case 2 -> in.readDouble();
            case 3 -> {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            default -> throw new IOException("Bad value tag " + tag);
        };
    }
}
