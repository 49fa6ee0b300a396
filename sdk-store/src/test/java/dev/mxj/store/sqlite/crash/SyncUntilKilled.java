package dev.mxj.store.sqlite.crash;

import dev.mxj.MatrixClient;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.sync.SyncFilter;
import dev.mxj.sync.SyncSettings;
import dev.mxj.sync.SyncState;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Child process of {@link CrashSafetyIT}: opens the SQLite store (which holds the session), runs
 * the sync loop on it and marks its phase on the {@link PhaseBoard}, until it is killed, or until
 * it reads {@code stop} on stdin: then it stops the loop, closes everything and exits with 0.
 *
 * <p>Arguments: the store file, the phase board file.
 */
public final class SyncUntilKilled {
    /** Large enough that no sync of the test is limited, so every message must reach the store. */
    static final int TIMELINE_LIMIT = 1000;
    /** Short, so that requests go out often and kills land in every phase. */
    static final Duration LONG_POLL = Duration.ofSeconds(1);

    private SyncUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        PhaseBoard board = PhaseBoard.map(Path.of(args[1]));
        board.phase(PhaseBoard.Phase.OPENING);
        SqliteStore sqlite = SqliteStore.open(Path.of(args[0]));
        PhaseRecordingStore store = new PhaseRecordingStore(sqlite, board);
        MatrixClient client = MatrixClient.builder().stateStore(store).build();
        client.sync().onStateChanged(state -> {
            if (!(state instanceof SyncState.Running)) {
                System.out.println("SYNC-STATE " + state);
            }
        });
        client.sync().start(SyncSettings.defaults()
                .withTimeout(LONG_POLL)
                .withFilter(SyncFilter.defaults().withTimelineLimit(TIMELINE_LIMIT)));
        System.out.println("SYNCING");

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.equals("stop"));
        client.sync().stop().get(30, TimeUnit.SECONDS);
        client.close();
        store.close();
        board.phase(PhaseBoard.Phase.STOPPED);
        System.out.println("STOPPED after " + board.saved() + " saved syncs");
        System.exit(0);
    }
}
