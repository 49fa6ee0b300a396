package dev.mxj.store.sqlite.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the child of {@link CryptoCrashIT} is, in a memory-mapped file both processes share, so
 * the parent reads it at the instant it kills the child. Layout (ints): phase, the last save that
 * returned, the save under way.
 */
final class CryptoBoard {
    /** The child's phase; the ordinal is what the file holds. */
    enum Phase {
        /** The JVM is starting. */
        BOOTING,
        /** Opening the store and reading where it is. */
        OPENING,
        /** Inside {@code CryptoStore.save}: the SQLite transaction. */
        SAVING,
        /** Between saves (the machine would be talking to the server). */
        BETWEEN
    }

    private static final int PHASE = 0;
    private static final int SAVED = 4;
    private static final int PENDING = 8;
    private static final int SIZE = 16;

    private final MappedByteBuffer map;

    private CryptoBoard(MappedByteBuffer map) {
        this.map = map;
    }

    static CryptoBoard map(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return new CryptoBoard(channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not map the board " + file, e);
        }
    }

    /** A child that has not started and saved nothing. */
    void reset() {
        map.putInt(SAVED, -1);
        map.putInt(PENDING, -1);
        map.putInt(PHASE, Phase.BOOTING.ordinal());
    }

    void phase(Phase phase) {
        map.putInt(PHASE, phase.ordinal());
    }

    Phase phase() {
        return Phase.values()[map.getInt(PHASE)];
    }

    /** Save {@code s} begins. */
    void saving(int s) {
        map.putInt(PENDING, s);
        phase(Phase.SAVING);
    }

    /** Save {@code s} returned: it is on disk. */
    void saved(int s) {
        map.putInt(SAVED, s);
        phase(Phase.BETWEEN);
    }

    /** The last save of this life that returned, or -1. */
    int saved() {
        return map.getInt(SAVED);
    }

    /** The save under way (or the last one), or -1. */
    int pending() {
        return map.getInt(PENDING);
    }
}
