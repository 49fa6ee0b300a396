-- 0002: what sync saves: rooms, their current and stripped state, members, timelines with their
-- gaps, receipts, typing, account data, presence, the to-device inbox, the sync token and filter IDs.
-- SqliteStore.apply writes all of one sync, token included, in one transaction.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).

-- The token to sync from next. One row at most (id is always 1).
CREATE TABLE sync_token (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    next_batch TEXT    NOT NULL
) STRICT;

-- Filter IDs the server gave, by a key the client chose (the filter's JSON).
CREATE TABLE filter (
    filter_key TEXT PRIMARY KEY,
    filter_id  TEXT NOT NULL
) STRICT;

-- One row per room. room_key is the short key the other tables use; info is the whole RoomInfo as
-- JSON (RoomInfoCodec, with a "format" number); membership and latest_activity_ts repeat two of its
-- fields for queries. next_position is the position the room's next timeline event gets.
CREATE TABLE room (
    room_key           INTEGER PRIMARY KEY,
    room_id            TEXT    NOT NULL UNIQUE,
    membership         TEXT    NOT NULL,
    latest_activity_ts INTEGER NOT NULL,
    next_position      INTEGER NOT NULL DEFAULT 1,
    info               TEXT    NOT NULL
) STRICT;
CREATE INDEX room_by_recency ON room (latest_activity_ts DESC);

-- The current state: the latest event of each (type, state key), as raw JSON.
CREATE TABLE room_state (
    room_key  INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    type      TEXT    NOT NULL,
    state_key TEXT    NOT NULL,
    event_id  TEXT    NOT NULL,
    raw       TEXT    NOT NULL,
    PRIMARY KEY (room_key, type, state_key)
) STRICT;

-- An invited or knocked room's stripped state, in the order the server sent it.
CREATE TABLE stripped_state (
    room_key INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    raw      TEXT    NOT NULL,
    PRIMARY KEY (room_key, ord)
) STRICT;

CREATE TABLE member (
    room_key     INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    user_id      TEXT    NOT NULL,
    membership   TEXT    NOT NULL,
    display_name TEXT,
    avatar_url   TEXT,
    PRIMARY KEY (room_key, user_id)
) STRICT;

-- Timeline events by position (increasing in timeline order; gaps in the numbering are normal).
-- An event ID is stored once per room; a malformed event without one has a NULL event_id.
CREATE TABLE timeline_event (
    room_key INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    event_id TEXT,
    raw      TEXT    NOT NULL,
    PRIMARY KEY (room_key, position),
    UNIQUE (room_key, event_id)
) STRICT;

-- Events the server left out before before_position (a limited sync); prev_batch pages back.
CREATE TABLE timeline_gap (
    room_key        INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    before_position INTEGER NOT NULL,
    prev_batch      TEXT    NOT NULL,
    PRIMARY KEY (room_key, before_position)
) STRICT;

-- The latest receipt per (type, thread, user); thread_id is '' for an unthreaded receipt.
CREATE TABLE receipt (
    room_key     INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    receipt_type TEXT    NOT NULL,
    thread_id    TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    event_id     TEXT    NOT NULL,
    ts           INTEGER NOT NULL,
    PRIMARY KEY (room_key, receipt_type, thread_id, user_id)
) STRICT;

-- Who was typing as of the last m.typing event, in the server's order.
CREATE TABLE typing (
    room_key INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    user_id  TEXT    NOT NULL,
    PRIMARY KEY (room_key, ord)
) STRICT;

CREATE TABLE room_account_data (
    room_key INTEGER NOT NULL REFERENCES room (room_key) ON DELETE CASCADE,
    type     TEXT    NOT NULL,
    raw      TEXT    NOT NULL,
    PRIMARY KEY (room_key, type)
) STRICT;

CREATE TABLE account_data (
    type TEXT PRIMARY KEY,
    raw  TEXT NOT NULL
) STRICT;

-- The latest presence content per user.
CREATE TABLE presence (
    user_id TEXT PRIMARY KEY,
    content TEXT NOT NULL
) STRICT;

-- To-device events not yet handled, oldest first (seq only grows while rows remain).
CREATE TABLE to_device (
    seq INTEGER PRIMARY KEY,
    raw TEXT    NOT NULL
) STRICT;
