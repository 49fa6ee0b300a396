package dev.mxj.store.sqlite;

import java.util.Collections;

/**
 * The SQL of one INSERT statement that adds many rows at once ({@code VALUES (?, ?), (?, ?), ...}),
 * for every row count up to {@link #MAX_ROWS}. A large sync adds 150,000 rows: one statement per
 * {@value #MAX_ROWS} rows costs SQLite one statement run instead of one per row, and the JDBC driver
 * one parameter array instead of a batch entry per row. Each row count is a statement of its own,
 * prepared once per transaction by {@link Statements}. Immutable.
 */
final class RowInserts {
    /** The most rows one statement adds: {@value} (SQLite allows 32,766 parameters). */
    static final int MAX_ROWS = 32;

    private final int columns;
    private final String[] sqlByRows = new String[MAX_ROWS + 1];

    /**
     * @param head    {@code INSERT INTO t (a, b, c)}
     * @param columns how many parameters each row has
     * @param tail    what follows the rows, e.g. an {@code ON CONFLICT} clause (may be empty)
     */
    RowInserts(String head, int columns, String tail) {
        this.columns = columns;
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int rows = 1; rows <= MAX_ROWS; rows++) {
            sqlByRows[rows] = head + " VALUES " + String.join(", ", Collections.nCopies(rows, row))
                    + (tail.isEmpty() ? "" : " " + tail);
        }
    }

    /** The statement that adds {@code rows} rows (1 to {@link #MAX_ROWS}). */
    String sql(int rows) {
        return sqlByRows[rows];
    }

    /** How many parameters each row has. */
    int columns() {
        return columns;
    }

    /** How many rows the next statement adds, when {@code remaining} rows are left. */
    static int chunk(int remaining) {
        return Math.min(remaining, MAX_ROWS);
    }
}
