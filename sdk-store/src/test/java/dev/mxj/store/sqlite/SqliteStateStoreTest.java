package dev.mxj.store.sqlite;

import dev.mxj.id.EventId;
import dev.mxj.store.PersistentStateStoreContract;
import dev.mxj.store.StateStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link SqliteStore} against the state store contract, including the persistent part. */
class SqliteStateStoreTest extends PersistentStateStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    protected StateStore newStore() {
        return SqliteStore.open(dir.resolve("state-" + stores++ + ".db"));
    }

    @Override
    protected StateStore reopen(StateStore store) {
        Path file = ((SqliteStore) store).file();
        store.close();
        return SqliteStore.open(file);
    }

    /** A trigger aborts the insert of that event: a real SQLite error in the middle of an apply. */
    @Override
    protected void rejectEvent(StateStore store, EventId eventId) {
        String id = eventId.value().replace("'", "''");
        ((SqliteStore) store).database().write("add a test trigger", connection -> {
            SqliteDatabase.execute(connection, "CREATE TRIGGER reject_event BEFORE INSERT ON timeline_event"
                    + " WHEN NEW.event_id = '" + id + "' BEGIN SELECT RAISE(ABORT, 'rejected by a test'); END");
            return null;
        });
    }
}
