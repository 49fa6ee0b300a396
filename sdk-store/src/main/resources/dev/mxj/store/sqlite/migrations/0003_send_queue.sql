-- 0003: the persistent send queue. One row per queued event; seq is the queue order.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).
CREATE TABLE send_queue (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id        TEXT    NOT NULL,
    txn_id         TEXT    NOT NULL UNIQUE,
    event_type     TEXT    NOT NULL,
    content        TEXT    NOT NULL, -- the event content as JSON (for a redaction: the request body)
    redacts        TEXT,             -- for a redaction, the event ID it redacts
    status         TEXT    NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    event_id       TEXT,             -- set when SENT
    failure        TEXT,             -- set when FAILED
    created_at     INTEGER NOT NULL  -- epoch milliseconds
) STRICT;
CREATE INDEX send_queue_room ON send_queue (room_id, seq);
