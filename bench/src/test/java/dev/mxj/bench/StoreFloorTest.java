package dev.mxj.bench;

import dev.mxj.event.EventRegistry;
import dev.mxj.id.UserId;
import dev.mxj.internal.sync.RoomReadView;
import dev.mxj.internal.sync.SyncProcessor;
import dev.mxj.internal.sync.SyncResponseParser;
import dev.mxj.store.sqlite.SqliteStore;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store floor writes exactly the rows that mxj's store holds after a sync, and reports them. */
class StoreFloorTest {
    private static final String[] TABLES = {"room", "room_state", "member", "timeline_event"};

    @Test
    void floorStoreHoldsTheSameRowsAsTheIngestedStore(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.db");
        SyncFixture fixture = new SyncFixture(4, 9, 3, 10, 7);
        try (SqliteStore store = SqliteStore.open(source)) {
            var response = new SyncResponseParser(EventRegistry.defaults()).parse(new Buffer().write(fixture.initialSync()));
            store.apply(new SyncProcessor(UserId.of(SyncFixture.USER), RoomReadView.of(store)).process(response));
        }
        Path rows = dir.resolve("rows.bin");
        long dumped = StoreFloor.dump(source, rows);

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            StoreFloor.main(new String[] {rows.toString(), dir.toString(), "1"});
        } finally {
            System.setOut(out);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("VALUE store_floor_rows " + (double) dumped), report);
        assertTrue(report.contains("VALUE store_floor_warm_ms "), report);
        int events = fixture.rooms() * 10;
        assertEquals(events, count(source, "timeline_event"));
        for (String table : TABLES) {
            assertEquals(rowsOf(source, table), rowsOf(dir.resolve("floor0.db"), table), table);
            assertEquals(rowsOf(source, table), rowsOf(dir.resolve("floor1.db"), table), table);
        }
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            return r.getLong(1);
        }
    }

    private static List<List<Object>> rowsOf(Path db, String table) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Object[] row = new Object[meta.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getObject(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        assertTrue(!rows.isEmpty(), table + " is empty in " + db);
        return rows;
    }
}
