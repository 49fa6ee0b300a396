package dev.mxj.bench;

import dev.mxj.room.RoomList;
import dev.mxj.store.sqlite.SqliteStore;

import java.nio.file.Path;

import static dev.mxj.bench.ChildJvm.report;

/**
 * Cold start, in a fresh JVM: from opening a filled {@link SqliteStore} to the sorted room list.
 * Timed from the {@code open} call (class loading and SQLite's native library included, JVM
 * start-up itself not) to the {@link RoomList} being built.
 */
final class ColdStart {
    private ColdStart() {
    }

    /** {@code cold <storeFile> <expectedRooms>} */
    static void main(String[] args) {
        Path file = Path.of(args[0]);
        int expectedRooms = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try (SqliteStore store = SqliteStore.open(file)) {
            long opened = System.nanoTime();
            RoomList list = RoomList.of(store.rooms());
            long done = System.nanoTime();
            if (list.rooms().size() != expectedRooms) {
                throw new IllegalStateException("Expected " + expectedRooms + " rooms, read " + list.rooms().size());
            }
            report("cold_start_ms", (done - start) / 1e6);
            report("cold_open_ms", (opened - start) / 1e6);
            report("cold_room_list_ms", (done - opened) / 1e6);
        }
    }
}
