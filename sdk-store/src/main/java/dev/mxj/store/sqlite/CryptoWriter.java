package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.crypto.store.PickleKeyParams;
import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one {@link CryptoChanges} inside the caller's transaction (the crypto tables of migrations
 * 0006 and 0007): every upsert first, then the removals, as {@link CryptoChanges} says. Pickles and request
 * bodies are bound as given and never logged.
 */
final class CryptoWriter {
    private static final String UPSERT_PICKLE_KEY = "INSERT INTO crypto_pickle_key (id, algorithm, salt, iterations,"
            + " check_value) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET algorithm = excluded.algorithm,"
            + " salt = excluded.salt, iterations = excluded.iterations, check_value = excluded.check_value";
    private static final String UPSERT_ACCOUNT = "INSERT INTO crypto_account (id, user_id, device_id, pickle,"
            + " device_keys_uploaded, uploaded_otk_count, fallback_key_created_at) VALUES (1, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, device_id = excluded.device_id,"
            + " pickle = excluded.pickle, device_keys_uploaded = excluded.device_keys_uploaded,"
            + " uploaded_otk_count = excluded.uploaded_otk_count,"
            + " fallback_key_created_at = excluded.fallback_key_created_at";
    private static final String UPSERT_OLM = "INSERT INTO crypto_olm_session (sender_key, session_id, pickle,"
            + " created_at, last_used_at, recent_message_hashes) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (sender_key, session_id) DO UPDATE SET pickle = excluded.pickle,"
            + " created_at = excluded.created_at, last_used_at = excluded.last_used_at,"
            + " recent_message_hashes = excluded.recent_message_hashes";
    private static final String UPSERT_INBOUND = "INSERT INTO crypto_inbound_group_session (room_id, session_id,"
            + " sender_key, signing_key, forwarding_chain, forwarded, first_known_index, pickle, key_sender_user,"
            + " key_sender_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_id, session_id) DO UPDATE SET"
            + " sender_key = excluded.sender_key, signing_key = excluded.signing_key,"
            + " forwarding_chain = excluded.forwarding_chain, forwarded = excluded.forwarded,"
            + " first_known_index = excluded.first_known_index, pickle = excluded.pickle,"
            + " key_sender_user = excluded.key_sender_user, key_sender_key = excluded.key_sender_key";
    private static final String UPSERT_SYNC_TOKEN = "INSERT INTO crypto_sync_token (id, token) VALUES (1, ?)"
            + " ON CONFLICT (id) DO UPDATE SET token = excluded.token";
    private static final String UPSERT_OUTBOUND = "INSERT INTO crypto_outbound_group_session (room_id, session_id,"
            + " pickle, created_at, message_count, rotation_period_ms, rotation_period_msgs, invalidated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET session_id = excluded.session_id,"
            + " pickle = excluded.pickle, created_at = excluded.created_at, message_count = excluded.message_count,"
            + " rotation_period_ms = excluded.rotation_period_ms,"
            + " rotation_period_msgs = excluded.rotation_period_msgs, invalidated = excluded.invalidated";
    private static final String DELETE_SHARES = "DELETE FROM crypto_outbound_share WHERE room_id = ?";
    private static final String INSERT_SHARE = "INSERT INTO crypto_outbound_share (room_id, ord, user_id, device_id,"
            + " identity_key, message_index, withheld_code, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_OUTBOUND = "DELETE FROM crypto_outbound_group_session WHERE room_id = ?";
    private static final String UPSERT_DEVICE = "INSERT INTO crypto_device (user_id, device_id, curve25519, ed25519,"
            + " device_keys, display_name, trust, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (user_id, device_id) DO UPDATE SET curve25519 = excluded.curve25519,"
            + " ed25519 = excluded.ed25519, device_keys = excluded.device_keys,"
            + " display_name = excluded.display_name, trust = excluded.trust, deleted = excluded.deleted";
    private static final String UPSERT_TRACKED = "INSERT INTO crypto_tracked_user (user_id, dirty) VALUES (?, ?)"
            + " ON CONFLICT (user_id) DO UPDATE SET dirty = excluded.dirty";
    private static final String DELETE_TRACKED = "DELETE FROM crypto_tracked_user WHERE user_id = ?";
    private static final String UPSERT_REQUEST = "INSERT INTO crypto_pending_request (id, kind, event_type, body,"
            + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
            + " event_type = excluded.event_type, body = excluded.body, created_at = excluded.created_at";
    private static final String DELETE_REQUEST = "DELETE FROM crypto_pending_request WHERE id = ?";
    private static final String UPSERT_WITHHELD = "INSERT INTO crypto_withheld (room_id, session_id, sender_key,"
            + " code, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (room_id, session_id) DO UPDATE SET"
            + " sender_key = excluded.sender_key, code = excluded.code, reason = excluded.reason";
    private static final String UPSERT_KEY_REQUEST = "INSERT INTO crypto_key_request (request_id, room_id,"
            + " session_id, sender_key, sent) VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id) DO UPDATE SET"
            + " room_id = excluded.room_id, session_id = excluded.session_id, sender_key = excluded.sender_key,"
            + " sent = excluded.sent";
    private static final String DELETE_KEY_REQUEST = "DELETE FROM crypto_key_request WHERE request_id = ?";
    private static final String INSERT_RECORD = "INSERT INTO crypto_decryption_record (room_id, session_id,"
            + " message_index, event_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private CryptoWriter() {
    }

    /** Writes {@code changes} with {@code connection}, which must be in a write transaction. */
    static void write(Connection connection, CryptoChanges changes) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            if (changes.pickleKeyParams().isPresent()) {
                pickleKey(statements, changes.pickleKeyParams().get());
            }
            if (changes.account().isPresent()) {
                account(statements, changes.account().get());
            }
            olmSessions(statements, changes.olmSessions());
            inbound(statements, changes.inboundGroupSessions());
            for (StoredOutboundGroupSession session : changes.outboundGroupSessions()) {
                outbound(connection, statements, session);
            }
            devices(statements, changes.devices());
            tracked(statements, changes.trackedUsers());
            requests(statements, changes.requestsAdded());
            withheld(statements, changes.withheld());
            keyRequests(statements, changes.keyRequests());
            records(statements, changes.decryptionRecords());
            if (changes.syncToken().isPresent()) {
                PreparedStatement upsert = statements.get(UPSERT_SYNC_TOKEN);
                upsert.setString(1, changes.syncToken().get());
                upsert.executeUpdate();
            }

            deleteAll(statements, DELETE_OUTBOUND, changes.outboundGroupSessionsRemoved().stream()
                    .map(RoomId::value).toList());
            deleteAll(statements, DELETE_TRACKED, changes.trackedUsersRemoved().stream().map(UserId::value).toList());
            deleteAll(statements, DELETE_REQUEST, List.copyOf(changes.requestsRemoved()));
            deleteAll(statements, DELETE_KEY_REQUEST, List.copyOf(changes.keyRequestsRemoved()));
        }
    }

    private static void pickleKey(Statements statements, PickleKeyParams params) throws SQLException {
        PreparedStatement upsert = statements.get(UPSERT_PICKLE_KEY);
        upsert.setString(1, params.algorithm());
        upsert.setString(2, params.salt());
        upsert.setInt(3, params.iterations());
        upsert.setString(4, params.check());
        upsert.executeUpdate();
    }

    private static void account(Statements statements, StoredAccount account) throws SQLException {
        PreparedStatement upsert = statements.get(UPSERT_ACCOUNT);
        upsert.setString(1, account.userId().value());
        upsert.setString(2, account.deviceId().value());
        upsert.setString(3, account.pickle());
        upsert.setInt(4, account.deviceKeysUploaded() ? 1 : 0);
        upsert.setLong(5, account.uploadedOneTimeKeyCount());
        setLong(upsert, 6, account.fallbackKeyCreatedMs());
        upsert.executeUpdate();
    }

    private static void olmSessions(Statements statements, List<StoredOlmSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_OLM);
        for (StoredOlmSession session : sessions) {
            upsert.setString(1, session.senderKey());
            upsert.setString(2, session.sessionId());
            upsert.setString(3, session.pickle());
            upsert.setLong(4, session.createdMs());
            upsert.setLong(5, session.lastUsedMs());
            upsert.setString(6, session.recentMessageHashes().isEmpty() ? null
                    : RawJson.ofTree(session.recentMessageHashes()).json());
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void inbound(Statements statements, List<StoredInboundGroupSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_INBOUND);
        for (StoredInboundGroupSession session : sessions) {
            upsert.setString(1, session.roomId().value());
            upsert.setString(2, session.sessionId());
            upsert.setString(3, session.senderKey());
            upsert.setString(4, session.signingKey());
            upsert.setString(5, session.forwardingChain().isEmpty() ? null
                    : RawJson.ofTree(session.forwardingChain()).json());
            upsert.setInt(6, session.forwarded() ? 1 : 0);
            upsert.setLong(7, session.firstKnownIndex());
            upsert.setString(8, session.pickle());
            upsert.setString(9, session.keySender().map(k -> k.userId().value()).orElse(null));
            upsert.setString(10, session.keySender().map(KeySender::curveKey).orElse(null));
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    /**
     * Upserts the session row, and rewrites its share list only if it changed: the machine saves
     * the session after every message it encrypts (the count moves), rarely with new shares.
     */
    private static void outbound(Connection connection, Statements statements, StoredOutboundGroupSession session)
            throws SQLException {
        String room = session.roomId().value();
        PreparedStatement upsert = statements.get(UPSERT_OUTBOUND);
        upsert.setString(1, room);
        upsert.setString(2, session.sessionId());
        upsert.setString(3, session.pickle());
        upsert.setLong(4, session.createdMs());
        upsert.setLong(5, session.messageCount());
        upsert.setLong(6, session.rotationPeriodMs());
        upsert.setLong(7, session.rotationPeriodMsgs());
        upsert.setInt(8, session.invalidated() ? 1 : 0);
        upsert.executeUpdate();

        if (CryptoTables.shares(connection, session.roomId()).equals(session.sharedWith())) {
            return;
        }
        PreparedStatement delete = statements.get(DELETE_SHARES);
        delete.setString(1, room);
        delete.executeUpdate();
        if (session.sharedWith().isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.get(INSERT_SHARE);
        int ord = 0;
        for (ShareEntry entry : session.sharedWith()) {
            insert.setString(1, room);
            insert.setInt(2, ord++);
            insert.setString(3, entry.userId().value());
            insert.setString(4, entry.deviceId().value());
            insert.setString(5, entry.identityKey());
            insert.setLong(6, entry.messageIndex());
            insert.setString(7, entry.withheldCode().orElse(null));
            insert.setString(8, entry.requestId().orElse(null));
            insert.addBatch();
        }
        insert.executeBatch();
    }

    private static void devices(Statements statements, List<StoredDevice> devices) throws SQLException {
        if (devices.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_DEVICE);
        for (StoredDevice device : devices) {
            upsert.setString(1, device.userId().value());
            upsert.setString(2, device.deviceId().value());
            upsert.setString(3, device.curve25519());
            upsert.setString(4, device.ed25519());
            upsert.setString(5, device.deviceKeys());
            upsert.setString(6, device.displayName().orElse(null));
            upsert.setString(7, device.trust().name());
            upsert.setInt(8, device.deleted() ? 1 : 0);
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void tracked(Statements statements, Map<UserId, Boolean> users) throws SQLException {
        if (users.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_TRACKED);
        for (Map.Entry<UserId, Boolean> user : users.entrySet()) {
            upsert.setString(1, user.getKey().value());
            upsert.setInt(2, user.getValue() ? 1 : 0);
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void requests(Statements statements, List<PendingRequest> requests) throws SQLException {
        if (requests.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_REQUEST);
        for (PendingRequest request : requests) {
            upsert.setString(1, request.id());
            upsert.setString(2, request.kind());
            upsert.setString(3, request.eventType());
            upsert.setString(4, request.body());
            upsert.setLong(5, request.createdMs());
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void withheld(Statements statements, List<StoredWithheld> notices) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_WITHHELD);
        for (StoredWithheld notice : notices) {
            upsert.setString(1, notice.roomId().value());
            upsert.setString(2, notice.sessionId());
            upsert.setString(3, notice.senderKey());
            upsert.setString(4, notice.code());
            upsert.setString(5, notice.reason().orElse(null));
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void keyRequests(Statements statements, List<StoredKeyRequest> requests) throws SQLException {
        if (requests.isEmpty()) {
            return;
        }
        PreparedStatement upsert = statements.get(UPSERT_KEY_REQUEST);
        for (StoredKeyRequest request : requests) {
            upsert.setString(1, request.requestId());
            upsert.setString(2, request.roomId().value());
            upsert.setString(3, request.sessionId());
            upsert.setString(4, request.senderKey());
            upsert.setInt(5, request.sent() ? 1 : 0);
            upsert.addBatch();
        }
        upsert.executeBatch();
    }

    private static void records(Statements statements, List<DecryptionRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.get(INSERT_RECORD);
        for (DecryptionRecord record : records) {
            insert.setString(1, record.roomId().value());
            insert.setString(2, record.sessionId());
            insert.setLong(3, record.messageIndex());
            insert.setString(4, record.eventId().value());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    private static void deleteAll(Statements statements, String sql, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        PreparedStatement delete = statements.get(sql);
        for (String key : keys) {
            delete.setString(1, key);
            delete.addBatch();
        }
        delete.executeBatch();
    }

    private static void setLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }
}
