package dev.mxj.store.sqlite.crash;

import java.nio.file.Path;

/**
 * A few numbers the child JVM of {@link CrashSafetyIT} keeps in a memory-mapped file, so the
 * parent can read, at the instant it kills the child, where the child was: no pipe, no lag.
 * Both processes map the same file (shared mapping), so a write is visible to the other at once.
 *
 * <p>Layout (ints): phase, syncs saved, highest message index saved, syncs requested, limited
 * syncs saved, highest message index of the save under way.
 */
final class PhaseBoard extends Board<PhaseBoard.Phase> {
    /** Where the child is; the ordinal is what the file holds. */
    enum Phase {
        /** The JVM is starting; main has not run yet. */
        BOOTING,
        /** In main: opening the store, building the client, uploading the filter. */
        OPENING,
        /** A /sync request is out: the long poll, reading and parsing the answer. */
        POLLING,
        /** The answer is being turned into changes (the processor reads the store). */
        PROCESSING,
        /** Inside {@code StateStore.apply}: the SQLite transaction. */
        APPLYING,
        /** The sync is saved: listeners run, the next request is being scheduled. */
        APPLIED,
        /** Stopped cleanly, store closed. */
        STOPPED
    }

    private static final int SAVED = 4;
    private static final int MAX_MESSAGE = 8;
    private static final int POLLS = 12;
    private static final int LIMITED = 16;
    private static final int PENDING = 20;
    private static final int SIZE = 32;

    private PhaseBoard(Path file) {
        super(file, SIZE, Phase.class);
    }

    /** Maps {@code file}, creating it if needed. */
    static PhaseBoard map(Path file) {
        return new PhaseBoard(file);
    }

    /** Back to a child that has not started: {@link Phase#BOOTING}, nothing saved. */
    void reset() {
        put(SAVED, 0);
        put(MAX_MESSAGE, -1);
        put(POLLS, 0);
        put(LIMITED, 0);
        put(PENDING, -1);
        phase(Phase.BOOTING);
    }

    /** A sync request is going out. */
    void polling() {
        put(POLLS, get(POLLS) + 1);
        phase(Phase.POLLING);
    }

    /** The first store read of the processor: the answer has arrived. */
    void processing() {
        if (phase() == Phase.POLLING) {
            phase(Phase.PROCESSING);
        }
    }

    /** A save begins; {@code maxMessage} is the highest message index it holds, or -1. */
    void applying(int maxMessage) {
        put(PENDING, maxMessage);
        phase(Phase.APPLYING);
    }

    /** A sync was saved; {@code maxMessage} is the highest message index it held, or -1. */
    void applied(int maxMessage, boolean limited) {
        if (maxMessage > get(MAX_MESSAGE)) {
            put(MAX_MESSAGE, maxMessage);
        }
        if (limited) {
            put(LIMITED, get(LIMITED) + 1);
        }
        put(SAVED, get(SAVED) + 1);
        phase(Phase.APPLIED);
    }

    /** Syncs this child life saved. */
    int saved() {
        return get(SAVED);
    }

    /** The highest message index this child life saved, or -1. */
    int maxMessage() {
        return get(MAX_MESSAGE);
    }

    /** The highest message index of the save under way (or the last one), or -1. */
    int pending() {
        return get(PENDING);
    }

    /** Sync requests this child life sent. */
    int polls() {
        return get(POLLS);
    }

    /** Saved syncs that had a limited timeline (the server left events out). */
    int limited() {
        return get(LIMITED);
    }
}
