package dev.mxj.store.sqlite.crash;

import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.store.sqlite.SqliteStore;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link CryptoCrashIT}: opens the {@link SqliteStore} (crypto tables in the same
 * file), finds the last save of {@link CryptoWorkload} it holds, and goes on with the next saves,
 * marking each on the {@link CryptoBoard}, with a short random pause between saves (where a
 * machine would wait for the server), until it is killed.
 *
 * <p>Arguments: the store file, the board file.
 */
public final class SaveCryptoUntilKilled {
    /** The longest pause between two saves, in microseconds. */
    static final int MAX_PAUSE_MICROS = 3000;

    private SaveCryptoUntilKilled() {
    }

    public static void main(String[] args) {
        CryptoBoard board = CryptoBoard.map(Path.of(args[1]));
        board.phase(CryptoBoard.Phase.OPENING);
        SqliteStore store = SqliteStore.open(Path.of(args[0]));
        CryptoStore keys = store.cryptoStore();
        int s = keys.account().map(CryptoWorkload::saveOf).orElse(0);
        System.out.println("OPENED at save " + s);
        board.phase(CryptoBoard.Phase.BETWEEN);
        while (true) {
            s++;
            var changes = CryptoWorkload.save(s);
            board.saving(s);
            keys.save(changes);
            board.saved(s);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(
                    ThreadLocalRandom.current().nextInt(MAX_PAUSE_MICROS + 1)));
        }
    }
}
