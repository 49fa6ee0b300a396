-- 0001: the session a client resumes from. One row at most (id is always 1).
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).
CREATE TABLE session (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    homeserver_url          TEXT    NOT NULL,
    user_id                 TEXT    NOT NULL,
    device_id               TEXT    NOT NULL,
    access_token            TEXT    NOT NULL,
    refresh_token           TEXT,
    access_token_expires_at INTEGER -- epoch milliseconds; NULL when the server gave no expiry
) STRICT;
