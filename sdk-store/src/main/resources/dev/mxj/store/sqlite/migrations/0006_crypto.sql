-- 0006: the end-to-end encryption state of this file's device (SqliteCryptoStore): the pickle key
-- derivation, the Olm account, Olm and Megolm sessions, device lists, tracked users, outgoing
-- requests that cannot be made again, withheld notices, key requests and replay records.
-- SqliteCryptoStore.save writes one CryptoChanges, whatever it holds, in one transaction.
-- Pickles are stored as given: already encrypted with the app's pickle key. No secret is in clear.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).

-- How the pickle key is derived from the app's passphrase. One row at most (id is always 1).
CREATE TABLE crypto_pickle_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    algorithm   TEXT    NOT NULL,
    salt        TEXT    NOT NULL,
    iterations  INTEGER NOT NULL,
    check_value TEXT    NOT NULL -- HMAC of a fixed text under the key: tells a wrong passphrase
) STRICT;

-- This device's Olm account. One row at most (id is always 1). The pickle holds the one-time keys
-- with their published flags, so it is always saved with the sessions those keys made.
CREATE TABLE crypto_account (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    user_id                 TEXT    NOT NULL,
    device_id               TEXT    NOT NULL,
    pickle                  TEXT    NOT NULL,
    device_keys_uploaded    INTEGER NOT NULL, -- 0 or 1
    uploaded_otk_count      INTEGER NOT NULL,
    fallback_key_created_at INTEGER           -- epoch ms, NULL when there is no fallback key
) STRICT;

-- Olm sessions, by the other device's Curve25519 identity key and the session ID.
CREATE TABLE crypto_olm_session (
    sender_key   TEXT    NOT NULL,
    session_id   TEXT    NOT NULL,
    pickle       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    PRIMARY KEY (sender_key, session_id)
) STRICT, WITHOUT ROWID;

-- Inbound Megolm sessions (room keys), by room and session ID.
CREATE TABLE crypto_inbound_group_session (
    room_id           TEXT    NOT NULL,
    session_id        TEXT    NOT NULL,
    sender_key        TEXT    NOT NULL,
    signing_key       TEXT    NOT NULL,
    forwarding_chain  TEXT,             -- JSON array of Curve25519 keys, oldest first; NULL when empty
    forwarded         INTEGER NOT NULL, -- 0 or 1
    first_known_index INTEGER NOT NULL,
    pickle            TEXT    NOT NULL,
    PRIMARY KEY (room_id, session_id)
) STRICT, WITHOUT ROWID;

-- The outbound Megolm session of a room (at most one per room)...
CREATE TABLE crypto_outbound_group_session (
    room_id              TEXT    PRIMARY KEY,
    session_id           TEXT    NOT NULL,
    pickle               TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    message_count        INTEGER NOT NULL,
    rotation_period_ms   INTEGER NOT NULL,
    rotation_period_msgs INTEGER NOT NULL,
    invalidated          INTEGER NOT NULL -- 0 or 1
) STRICT, WITHOUT ROWID;

-- ...and the devices it was shared with or withheld from, in the order the session lists them.
CREATE TABLE crypto_outbound_share (
    room_id       TEXT    NOT NULL REFERENCES crypto_outbound_group_session (room_id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    user_id       TEXT    NOT NULL,
    device_id     TEXT    NOT NULL,
    identity_key  TEXT    NOT NULL,
    message_index INTEGER NOT NULL,
    withheld_code TEXT,             -- the m.room_key.withheld code sent instead of the key, if any
    request_id    TEXT,             -- the to-device request carrying it, while not yet sent
    PRIMARY KEY (room_id, ord)
) STRICT, WITHOUT ROWID;

-- Devices from verified /keys/query answers, deleted ones included (flagged).
CREATE TABLE crypto_device (
    user_id      TEXT    NOT NULL,
    device_id    TEXT    NOT NULL,
    curve25519   TEXT    NOT NULL,
    ed25519      TEXT    NOT NULL,
    device_keys  TEXT    NOT NULL, -- the signed device_keys object as the server returned it
    display_name TEXT,
    trust        TEXT    NOT NULL, -- LocalTrust by name
    deleted      INTEGER NOT NULL, -- 0 or 1
    PRIMARY KEY (user_id, device_id)
) STRICT, WITHOUT ROWID;

-- Users whose device lists are tracked; dirty = 1 when a /keys/query is due.
CREATE TABLE crypto_tracked_user (
    user_id TEXT    PRIMARY KEY,
    dirty   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Outgoing requests whose body cannot be made again (Olm ciphertext), until the server accepts them.
CREATE TABLE crypto_pending_request (
    id         TEXT    PRIMARY KEY,
    kind       TEXT    NOT NULL,
    event_type TEXT    NOT NULL,
    body       TEXT    NOT NULL, -- JSON; holds ciphertext only
    created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX crypto_pending_request_order ON crypto_pending_request (created_at, id);

-- Received m.room_key.withheld notices, by room and session ID.
CREATE TABLE crypto_withheld (
    room_id    TEXT NOT NULL,
    session_id TEXT NOT NULL,
    sender_key TEXT NOT NULL,
    code       TEXT NOT NULL,
    reason     TEXT,
    PRIMARY KEY (room_id, session_id)
) STRICT, WITHOUT ROWID;

-- Outgoing m.room_key_request requests.
CREATE TABLE crypto_key_request (
    request_id TEXT    PRIMARY KEY,
    room_id    TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    sender_key TEXT    NOT NULL,
    sent       INTEGER NOT NULL -- 0 or 1
) STRICT, WITHOUT ROWID;

-- Replay protection: the event each Megolm message index was first decrypted for. Never replaced.
CREATE TABLE crypto_decryption_record (
    room_id       TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    message_index INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    PRIMARY KEY (room_id, session_id, message_index)
) STRICT, WITHOUT ROWID;
