package dev.mxj.store.sqlite.crash;

import java.nio.file.Path;

/**
 * Where the child of {@link CryptoCrashIT} is, in a memory-mapped file both processes share, so
 * the parent reads it at the instant it kills the child. Layout (ints): phase, the last save that
 * returned, the save under way.
 */
final class CryptoBoard extends Board<CryptoBoard.Phase> {
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

    private static final int SAVED = 4;
    private static final int PENDING = 8;
    private static final int SIZE = 16;

    private CryptoBoard(Path file) {
        super(file, SIZE, Phase.class);
    }

    static CryptoBoard map(Path file) {
        return new CryptoBoard(file);
    }

    /** A child that has not started and saved nothing. */
    void reset() {
        put(SAVED, -1);
        put(PENDING, -1);
        phase(Phase.BOOTING);
    }

    /** Save {@code s} begins. */
    void saving(int s) {
        put(PENDING, s);
        phase(Phase.SAVING);
    }

    /** Save {@code s} returned: it is on disk. */
    void saved(int s) {
        put(SAVED, s);
        phase(Phase.BETWEEN);
    }

    /** The last save of this life that returned, or -1. */
    int saved() {
        return get(SAVED);
    }

    /** The save under way (or the last one), or -1. */
    int pending() {
        return get(PENDING);
    }
}
