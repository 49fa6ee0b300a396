package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.KeySender;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredOlmSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.fromBob;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olmWithHashes;
import static dev.mxj.store.sqlite.OldSchemas.connect;
import static dev.mxj.store.sqlite.OldSchemas.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration 0007: a schema-6 store's room keys, Olm sessions and account read back unchanged (no
 * key sender, no message hashes, no sync token yet), and take the new fields from then on; a failed
 * 0007 leaves the schema-6 file as it was.
 */
class SqliteCryptoSendersMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaSixStoreKeepsItsKeysAndTakesTheNewFields() throws Exception {
        Path file = schemaSix("schema-6.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            CryptoStore keys = store.cryptoStore();
            assertEquals(Optional.of(account("acct6", 7)), keys.account());
            StoredInboundGroupSession old = keys.inboundGroupSession(ROOM, "g6").orElseThrow();
            assertEquals(new StoredInboundGroupSession(ROOM, "g6", "curveKeyOfBob", "edKeyOfBob", List.of("c1"), true, 4,
                    "roomKeyPickle"), old);
            assertEquals(Optional.empty(), old.keySender(), "a key saved before 0007 has no recorded sender");
            assertEquals(List.of(new StoredOlmSession("keyB", "o6", "olmPickle", 10, 20)), keys.olmSessions("keyB"));
            assertEquals(Optional.empty(), keys.syncToken());
            assertEquals(Optional.of("s6"), store.syncToken(), "the client's own sync token is another row");

            keys.save(CryptoChanges.builder().inboundGroupSession(fromBob(ROOM, "g7"))
                    .olmSession(olmWithHashes("keyB", "o6", List.of("h1", "h2"))).syncToken("s7_crypto").build());
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            CryptoStore keys = store.cryptoStore();
            assertEquals(Optional.of(new KeySender(BOB, "curveKeyOfBob")),
                    keys.inboundGroupSession(ROOM, "g7").orElseThrow().keySender());
            assertEquals(List.of("h1", "h2"), keys.olmSessions("keyB").get(0).recentMessageHashes());
            assertEquals(Optional.of("s7_crypto"), keys.syncToken());
            assertEquals(Optional.of("s6"), store.syncToken());
        }
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
        }
    }

    @Test
    void aFailedMigrationLeavesTheSchemaSixFileAsItWas() throws Exception {
        Path file = schemaSix("clash.db");
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE crypto_sync_token (theirs TEXT)");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("0007_crypto_senders.sql"), e.getMessage());
        try (Connection c = connect(file)) {
            assertEquals(6, Migrations.userVersion(c));
            assertEquals(null, query(c, "SELECT name FROM pragma_table_info('crypto_olm_session')"
                    + " WHERE name = 'recent_message_hashes'"), "no column added");
            assertEquals("roomKeyPickle", query(c, "SELECT pickle FROM crypto_inbound_group_session"));
        }
    }

    /** A file as mxj's schema 6 left it: a sync token, an account, a forwarded room key, an Olm session. */
    private Path schemaSix(String name) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            OldSchemas.createAt(s, 6);
            s.executeUpdate("INSERT INTO sync_token (id, next_batch) VALUES (1, 's6')");
            s.executeUpdate("INSERT INTO crypto_account (id, user_id, device_id, pickle, device_keys_uploaded,"
                    + " uploaded_otk_count, fallback_key_created_at) VALUES (1, '@alice:example.org', 'ALICEDEVICE',"
                    + " 'acct6', 1, 7, 1234)");
            s.executeUpdate("INSERT INTO crypto_inbound_group_session (room_id, session_id, sender_key, signing_key,"
                    + " forwarding_chain, forwarded, first_known_index, pickle) VALUES ('" + ROOM.value() + "', 'g6',"
                    + " 'curveKeyOfBob', 'edKeyOfBob', '[\"c1\"]', 1, 4, 'roomKeyPickle')");
            s.executeUpdate("INSERT INTO crypto_olm_session (sender_key, session_id, pickle, created_at, last_used_at)"
                    + " VALUES ('keyB', 'o6', 'olmPickle', 10, 20)");
        }
        return file;
    }
}
