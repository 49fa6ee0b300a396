package dev.mxj.store.sqlite;

import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.LocalTrust;
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
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the crypto tables (migrations 0006 and 0007): rows back into the crypto store's records.
 * Callers own the (read) transaction. A row that does not read back (an ID that does not
 * validate) is reported as a damaged table, without its content.
 */
final class CryptoTables {
    private static final String OLM_COLUMNS = "sender_key, session_id, pickle, created_at, last_used_at,"
            + " recent_message_hashes";
    private static final String INBOUND_COLUMNS = "room_id, session_id, sender_key, signing_key, forwarding_chain,"
            + " forwarded, first_known_index, pickle, key_sender_user, key_sender_key";
    private static final String DEVICE_COLUMNS = "user_id, device_id, curve25519, ed25519, device_keys, display_name,"
            + " trust, deleted";

    private CryptoTables() {
    }

    static Optional<PickleKeyParams> pickleKeyParams(Connection c) throws SQLException {
        return Rows.first(c, "SELECT algorithm, salt, iterations, check_value FROM crypto_pickle_key WHERE id = 1",
                row -> readable("crypto_pickle_key", () -> new PickleKeyParams(row.getString(1), row.getString(2),
                        row.getInt(3), row.getString(4))));
    }

    static Optional<StoredAccount> account(Connection c) throws SQLException {
        return Rows.first(c, "SELECT user_id, device_id, pickle, device_keys_uploaded, uploaded_otk_count,"
                + " fallback_key_created_at FROM crypto_account WHERE id = 1", row -> readable("crypto_account",
                    () -> new StoredAccount(UserId.of(row.getString(1)), DeviceId.of(row.getString(2)),
                            row.getString(3), row.getInt(4) != 0, row.getLong(5), optionalLong(row, 6))));
    }

    static List<StoredOlmSession> olmSessions(Connection c, String senderKey) throws SQLException {
        return Rows.list(c, "SELECT " + OLM_COLUMNS + " FROM crypto_olm_session WHERE sender_key = ?",
                row -> readable("crypto_olm_session", () -> new StoredOlmSession(row.getString(1), row.getString(2),
                        row.getString(3), row.getLong(4), row.getLong(5), strings(row.getString(6),
                        "the message hashes"))), senderKey);
    }

    static Optional<StoredInboundGroupSession> inbound(Connection c, RoomId roomId, String sessionId)
            throws SQLException {
        return Rows.first(c, "SELECT " + INBOUND_COLUMNS + " FROM crypto_inbound_group_session"
                + " WHERE room_id = ? AND session_id = ?", CryptoTables::inbound, roomId.value(), sessionId);
    }

    static List<StoredInboundGroupSession> inbound(Connection c, RoomId roomId) throws SQLException {
        return Rows.list(c, "SELECT " + INBOUND_COLUMNS + " FROM crypto_inbound_group_session WHERE room_id = ?",
                CryptoTables::inbound, roomId.value());
    }

    private static StoredInboundGroupSession inbound(ResultSet row) throws SQLException {
        return readable("crypto_inbound_group_session", () -> new StoredInboundGroupSession(
                RoomId.of(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
                strings(row.getString(5), "the forwarding chain"), row.getInt(6) != 0, row.getLong(7),
                row.getString(8), keySender(row.getString(9), row.getString(10))));
    }

    /** The key sender of a room key; empty for rows saved before migration 0007. */
    private static Optional<KeySender> keySender(String user, String curveKey) {
        return user == null || curveKey == null ? Optional.empty()
                : Optional.of(new KeySender(UserId.of(user), curveKey));
    }

    /** A JSON array of strings, or empty for NULL. */
    private static List<String> strings(String json, String what) {
        if (json == null) {
            return List.of();
        }
        if (!(RawJson.parse(json).tree() instanceof List<?> keys)) {
            throw new IllegalArgumentException(what + " is not a JSON array");
        }
        List<String> out = new ArrayList<>(keys.size());
        for (Object key : keys) {
            if (!(key instanceof String text)) {
                throw new IllegalArgumentException(what + " holds a value that is not a string");
            }
            out.add(text);
        }
        return out;
    }

    static Optional<String> syncToken(Connection c) throws SQLException {
        return Rows.first(c, "SELECT token FROM crypto_sync_token WHERE id = 1", row -> row.getString(1));
    }

    static Optional<StoredOutboundGroupSession> outbound(Connection c, RoomId roomId) throws SQLException {
        Optional<StoredOutboundGroupSession> bare = Rows.first(c, "SELECT session_id, pickle, created_at,"
                + " message_count, rotation_period_ms, rotation_period_msgs, invalidated"
                + " FROM crypto_outbound_group_session WHERE room_id = ?",
                row -> new StoredOutboundGroupSession(roomId, row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), row.getInt(7) != 0, List.of()),
                roomId.value());
        if (bare.isEmpty()) {
            return bare;
        }
        StoredOutboundGroupSession s = bare.get();
        return Optional.of(new StoredOutboundGroupSession(roomId, s.sessionId(), s.pickle(), s.createdMs(),
                s.messageCount(), s.rotationPeriodMs(), s.rotationPeriodMsgs(), s.invalidated(), shares(c, roomId)));
    }

    /** The share list of {@code roomId}'s outbound session, in its order (empty without a session). */
    static List<ShareEntry> shares(Connection c, RoomId roomId) throws SQLException {
        return Rows.list(c, "SELECT user_id, device_id, identity_key, message_index, withheld_code, request_id"
                + " FROM crypto_outbound_share WHERE room_id = ? ORDER BY ord",
                row -> readable("crypto_outbound_share", () -> new ShareEntry(UserId.of(row.getString(1)),
                        DeviceId.of(row.getString(2)), row.getString(3), row.getLong(4),
                        Optional.ofNullable(row.getString(5)), Optional.ofNullable(row.getString(6)))),
                roomId.value());
    }

    static Map<DeviceId, StoredDevice> devices(Connection c, UserId userId) throws SQLException {
        Map<DeviceId, StoredDevice> out = new LinkedHashMap<>();
        for (StoredDevice device : Rows.list(c, "SELECT " + DEVICE_COLUMNS + " FROM crypto_device WHERE user_id = ?",
                CryptoTables::device, userId.value())) {
            out.put(device.deviceId(), device);
        }
        return out;
    }

    static Optional<StoredDevice> device(Connection c, UserId userId, DeviceId deviceId) throws SQLException {
        return Rows.first(c, "SELECT " + DEVICE_COLUMNS + " FROM crypto_device WHERE user_id = ? AND device_id = ?",
                CryptoTables::device, userId.value(), deviceId.value());
    }

    private static StoredDevice device(ResultSet row) throws SQLException {
        return readable("crypto_device", () -> new StoredDevice(UserId.of(row.getString(1)),
                DeviceId.of(row.getString(2)), row.getString(3), row.getString(4), row.getString(5),
                Optional.ofNullable(row.getString(6)), trust(row.getString(7)), row.getInt(8) != 0));
    }

    /**
     * A trust decision by name. A name this build does not know (written by a newer mxj) reads as
     * {@link LocalTrust#UNVERIFIED}: never more trust than the user gave.
     */
    static LocalTrust trust(String name) {
        for (LocalTrust trust : LocalTrust.values()) {
            if (trust.name().equals(name)) {
                return trust;
            }
        }
        return LocalTrust.UNVERIFIED;
    }

    static Map<UserId, Boolean> trackedUsers(Connection c) throws SQLException {
        Map<UserId, Boolean> out = new LinkedHashMap<>();
        for (Map.Entry<UserId, Boolean> user : Rows.list(c, "SELECT user_id, dirty FROM crypto_tracked_user",
                row -> readable("crypto_tracked_user", () -> Map.entry(UserId.of(row.getString(1)),
                        row.getInt(2) != 0)))) {
            out.put(user.getKey(), user.getValue());
        }
        return out;
    }

    static List<PendingRequest> pendingRequests(Connection c) throws SQLException {
        return Rows.list(c, "SELECT id, kind, event_type, body, created_at FROM crypto_pending_request"
                + " ORDER BY created_at, id", row -> new PendingRequest(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getLong(5)));
    }

    static Optional<StoredWithheld> withheld(Connection c, RoomId roomId, String sessionId) throws SQLException {
        return Rows.first(c, "SELECT sender_key, code, reason FROM crypto_withheld"
                + " WHERE room_id = ? AND session_id = ?",
                row -> new StoredWithheld(roomId, sessionId, row.getString(1), row.getString(2),
                        Optional.ofNullable(row.getString(3))), roomId.value(), sessionId);
    }

    static List<StoredKeyRequest> keyRequests(Connection c) throws SQLException {
        return Rows.list(c, "SELECT request_id, room_id, session_id, sender_key, sent FROM crypto_key_request",
                row -> readable("crypto_key_request", () -> new StoredKeyRequest(row.getString(1),
                        RoomId.of(row.getString(2)), row.getString(3), row.getString(4), row.getInt(5) != 0)));
    }

    static Optional<DecryptionRecord> decryptionRecord(Connection c, RoomId roomId, String sessionId, long index)
            throws SQLException {
        return Rows.first(c, "SELECT event_id FROM crypto_decryption_record"
                + " WHERE room_id = ? AND session_id = ? AND message_index = ?",
                row -> readable("crypto_decryption_record", () -> new DecryptionRecord(roomId, sessionId, index,
                        EventId.of(row.getString(1)))), roomId.value(), sessionId, index);
    }

    /** A value read from a row that may not validate. */
    @FunctionalInterface
    private interface RowValue<T> {
        T get() throws SQLException;
    }

    /** {@code value}, or a damaged-table error if the row does not make a valid record. */
    private static <T> T readable(String table, RowValue<T> value) throws SQLException {
        try {
            return value.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Rows.damaged(table, e);
        }
    }

    private static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
