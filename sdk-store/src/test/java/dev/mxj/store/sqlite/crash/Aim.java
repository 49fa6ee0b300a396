package dev.mxj.store.sqlite.crash;

import java.util.Random;

/** Where a kill of {@link CrashSafetyIT} or {@link CryptoCrashIT} is aimed. */
enum Aim {
    /** At a random time from spawn until about the child's first request or save: JVM start, opening the store. */
    START,
    /** At a random time after that: any phase (each test says how long after). */
    ANY_TIME,
    /** Into one of the first saves of the life (its SQLite transaction), shortly after it began. */
    SAVE;

    /** One kill in 10 at the start, {@code saveInTen} into a save, the rest at any time. */
    static Aim pick(Random random, int saveInTen) {
        int r = random.nextInt(10);
        return r == 0 ? START : r <= saveInTen ? SAVE : ANY_TIME;
    }
}
