package dev.mxj.store.sqlite.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few ints in a memory-mapped file that a crash test and its child JVM both map (a shared
 * mapping), so a write by one is visible to the other at once: the parent reads, at the instant it
 * kills the child, where the child was. No pipe, no lag. The first int is the child's phase (the
 * ordinal of a {@code P}); subclasses name the others, by byte offset.
 *
 * @param <P> the child's phases
 */
abstract class Board<P extends Enum<P>> {
    private static final int PHASE = 0;

    private final MappedByteBuffer map;
    private final P[] phases;

    /** Maps the first {@code size} bytes of {@code file}, creating it if needed. */
    Board(Path file, int size, Class<P> phase) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            this.map = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not map the board " + file, e);
        }
        this.phases = phase.getEnumConstants();
    }

    void phase(P phase) {
        map.putInt(PHASE, phase.ordinal());
    }

    P phase() {
        return phases[map.getInt(PHASE)];
    }

    int get(int offset) {
        return map.getInt(offset);
    }

    void put(int offset, int value) {
        map.putInt(offset, value);
    }
}
