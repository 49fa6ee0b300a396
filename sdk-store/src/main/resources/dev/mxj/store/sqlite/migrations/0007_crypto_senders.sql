-- 0007: what sdk-crypto keeps to bind room keys to their senders, to recognise replayed Olm
-- messages, and to catch up on device lists after a gap.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).

-- Who handed us each room key over Olm (StoredInboundGroupSession.keySender): the to-device sender
-- and the Curve25519 key of its device. NULL for keys saved before 0007; both set or both NULL.
ALTER TABLE crypto_inbound_group_session ADD COLUMN key_sender_user TEXT;
ALTER TABLE crypto_inbound_group_session ADD COLUMN key_sender_key TEXT;

-- Hashes of the last messages each Olm session decrypted (StoredOlmSession.recentMessageHashes), a
-- JSON array oldest first; NULL when none (and for sessions saved before 0007). No key material.
ALTER TABLE crypto_olm_session ADD COLUMN recent_message_hashes TEXT;

-- The next_batch of the last sync the OlmMachine processed. One row at most (id is always 1).
CREATE TABLE crypto_sync_token (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token TEXT    NOT NULL
) STRICT;
