package dev.mxj.store.sqlite;

import dev.mxj.StoreException;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns an {@link SQLException} into a {@link StoreException} that says what failed and what to do.
 * Messages hold the file path, the operation and SQLite's own text, which never carries bound
 * values, so no token can get in.
 */
final class SqliteErrors {
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteErrors() {
    }

    /** {@code what} completes "Could not ...", e.g. "save the session". */
    static StoreException wrap(Path file, String what, SQLException e) {
        String cause = e.getMessage();
        String message = switch (e.getErrorCode() & 0xff) {
            case NOTADB -> file + " is not an SQLite database (or it is encrypted), so mxj could not " + what
                    + ". mxj has not changed the file. Give SqliteStore.open another path, or move this file aside"
                    + " if you are sure nothing in it is needed.";
            case CORRUPT -> "Could not " + what + ": the SQLite database " + file + " is damaged (" + cause
                    + "). Keep a copy of the file for a bug report; to go on, move it aside and log in again.";
            case BUSY, LOCKED -> "Could not " + what + " in " + file + ": another connection or process kept the"
                    + " database locked for more than " + SqliteDatabase.BUSY_TIMEOUT_MS / 1000 + " s. Let only"
                    + " one client use a store file at a time, then retry. Nothing was changed.";
            case FULL -> "Could not " + what + " in " + file + ": the disk is full. Free some space and retry;"
                    + " what was stored before is unchanged.";
            case PERM, READONLY, CANTOPEN -> "Could not " + what + " in " + file + " (" + cause + "). Check that"
                    + " the file and its folder exist and that this process may read and write them.";
            case IOERR -> "Could not " + what + " in " + file + ": the disk reported an I/O error (" + cause
                    + "). Check the disk and retry; what was stored before is unchanged.";
            default -> "Could not " + what + " in " + file + " (" + cause + "). Retry; if it keeps failing,"
                    + " keep a copy of the file and report this error.";
        };
        return new StoreException(message, e);
    }
}
