package dev.mxj.store.sqlite.crash;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the kills of a crash test hit, for its summary: how they were aimed, the child's phase when
 * each was sent, how kills inside a save ended, and how long a child takes to start.
 *
 * @param <P> the child's phases, as its board names them
 */
class KillTally<P extends Enum<P>> {
    final Map<Aim, Integer> aims = new EnumMap<>(Aim.class);
    final Map<P, Integer> phases;
    int kills;
    int inSaveCommitted;
    int inSaveRolledBack;
    /** What the store held after the last kill (in the test's own unit: messages, saves). */
    int stored;
    private long startNanos;
    private int starts;

    KillTally(Class<P> phase) {
        this.phases = new EnumMap<>(phase);
    }

    /** A child took {@code nanos} from spawn to its first request or save. */
    void started(long nanos) {
        startNanos += nanos;
        starts++;
    }

    /** The mean time from spawn to the first request or save; 1 s before any was measured. */
    long typicalStartMillis() {
        return starts == 0 ? 1000 : TimeUnit.NANOSECONDS.toMillis(startNanos / starts);
    }

    /** A random pause for a kill aimed at {@link Aim#START}: up to a typical start. */
    int startDelayMillis(Random random) {
        return random.nextInt((int) Math.max(1, typicalStartMillis()));
    }

    void killed(Aim aim, P phase) {
        kills++;
        aims.merge(aim, 1, Integer::sum);
        phases.merge(phase, 1, Integer::sum);
    }

    /** A kill landed inside a save, which had {@code committed} or was rolled back. */
    void killedInSave(boolean committed) {
        if (committed) {
            inSaveCommitted++;
        } else {
            inSaveRolledBack++;
        }
    }

    /** The summary's first lines: the RESULT line, the aims and phases, kills in a save. */
    void printKills(String result, String title, long seed, String inSave) {
        System.out.println("RESULT " + result + " " + kills + " kills");
        System.out.println(title + ": " + kills + " SIGKILLs (seed " + seed + "), aimed " + aims
                + "; phase when the kill was sent: " + phases);
        System.out.println("  " + inSave + ": " + (inSaveCommitted + inSaveRolledBack) + " ("
                + inSaveRolledBack + " rolled back, " + inSaveCommitted + " had committed)");
    }
}
