package dev.mxj.store.sqlite.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few numbers the child JVM of {@link CrashSafetyIT} keeps in a memory-mapped file, so the
 * parent can read, at the instant it kills the child, where the child was: no pipe, no lag.
 * Both processes map the same file (shared mapping), so a write is visible to the other at once.
 *
 * <p>Layout (ints): phase, syncs saved, highest message index saved, syncs requested, limited
 * syncs saved, highest message index of the save under way.
 */
final class PhaseBoard {
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

    private static final int PHASE = 0;
    private static final int SAVED = 4;
    private static final int MAX_MESSAGE = 8;
    private static final int POLLS = 12;
    private static final int LIMITED = 16;
    private static final int PENDING = 20;
    private static final int SIZE = 32;

    private final MappedByteBuffer map;

    private PhaseBoard(MappedByteBuffer map) {
        this.map = map;
    }

    /** Maps {@code file}, creating it if needed. */
    static PhaseBoard map(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return new PhaseBoard(channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not map the phase board " + file, e);
        }
    }

    /** Back to a child that has not started: {@link Phase#BOOTING}, nothing saved. */
    void reset() {
        map.putInt(SAVED, 0);
        map.putInt(MAX_MESSAGE, -1);
        map.putInt(POLLS, 0);
        map.putInt(LIMITED, 0);
        map.putInt(PENDING, -1);
        map.putInt(PHASE, Phase.BOOTING.ordinal());
    }

    void phase(Phase phase) {
        map.putInt(PHASE, phase.ordinal());
    }

    Phase phase() {
        return Phase.values()[map.getInt(PHASE)];
    }

    /** A sync request is going out. */
    void polling() {
        map.putInt(POLLS, map.getInt(POLLS) + 1);
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
        map.putInt(PENDING, maxMessage);
        phase(Phase.APPLYING);
    }

    /** A sync was saved; {@code maxMessage} is the highest message index it held, or -1. */
    void applied(int maxMessage, boolean limited) {
        if (maxMessage > map.getInt(MAX_MESSAGE)) {
            map.putInt(MAX_MESSAGE, maxMessage);
        }
        if (limited) {
            map.putInt(LIMITED, map.getInt(LIMITED) + 1);
        }
        map.putInt(SAVED, map.getInt(SAVED) + 1);
        phase(Phase.APPLIED);
    }

    /** Syncs this child life saved. */
    int saved() {
        return map.getInt(SAVED);
    }

    /** The highest message index this child life saved, or -1. */
    int maxMessage() {
        return map.getInt(MAX_MESSAGE);
    }

    /** The highest message index of the save under way (or the last one), or -1. */
    int pending() {
        return map.getInt(PENDING);
    }

    /** Sync requests this child life sent. */
    int polls() {
        return map.getInt(POLLS);
    }

    /** Saved syncs that had a limited timeline (the server left events out). */
    int limited() {
        return map.getInt(LIMITED);
    }
}
