-- 0004: the send queue keeps why an event failed, typed, and which queued event an edit or a
-- redaction of a not yet sent event waits for. Existing rows keep their data; the new columns are NULL.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).
ALTER TABLE send_queue ADD COLUMN failure_reason  TEXT;    -- SendFailedException.Reason, set when FAILED
ALTER TABLE send_queue ADD COLUMN failure_status  INTEGER; -- the HTTP status, when the server answered
ALTER TABLE send_queue ADD COLUMN failure_errcode TEXT;    -- the server's errcode, when it sent one
ALTER TABLE send_queue ADD COLUMN depends_on      TEXT;    -- txn_id of the queued event whose event ID this one needs
CREATE INDEX send_queue_depends_on ON send_queue (depends_on) WHERE depends_on IS NOT NULL;
