package dev.mxj.bench;

import dev.mxj.room.RoomList;
import dev.mxj.store.sqlite.SqliteStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mxj.bench.ChildJvm.report;

/**
 * Cold start, in a fresh JVM: from opening a filled {@link SqliteStore} to the sorted room list.
 * Timed from the {@code open} call (class loading and SQLite's native library included, JVM
 * start-up itself not) to the {@link RoomList} being built.
 */
final class ColdStart {
    private ColdStart() {
    }

    /**
     * Makes an application class-data sharing (AppCDS) archive for the cold start: one cold start
     * in a child JVM that writes the classes it loaded to {@code archive} as it exits. Returns the
     * JVM options that use it ({@code -Xshare:on}, so a child that cannot map it fails instead of
     * silently running without it), or an empty list, with a note, when this JVM cannot make one
     * (for instance with a folder on the class path: CDS archives only classes from jars).
     */
    static List<String> trainAppCds(Path archive, List<String> coldArgs) throws InterruptedException {
        try {
            ChildJvm.run(List.of("-XX:ArchiveClassesAtExit=" + archive), coldArgs, 300);
        } catch (IOException e) {
            System.err.println("# no AppCDS archive: the training run failed: " + e.getMessage());
            return List.of();
        }
        if (!Files.isRegularFile(archive)) {
            System.err.println("# no AppCDS archive: the training run wrote none (is a folder on the class path?)");
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
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
