package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.id.RoomId;
import dev.mxj.room.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB;
import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB_PHONE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.device;
import static dev.mxj.crypto.store.CryptoStoreFixtures.inbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.params;
import static dev.mxj.store.sqlite.OldSchemas.connect;
import static dev.mxj.store.sqlite.OldSchemas.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration 0006: a schema-5 store (session, synced rooms) keeps everything and gains empty crypto
 * tables, through either entry point; a clash with a table of that name leaves the file as it was.
 */
class SqliteCryptoMigrationTest {
    static final List<String> CRYPTO_TABLES = List.of("crypto_pickle_key", "crypto_account", "crypto_olm_session",
            "crypto_inbound_group_session", "crypto_outbound_group_session", "crypto_outbound_share", "crypto_device",
            "crypto_tracked_user", "crypto_pending_request", "crypto_withheld", "crypto_key_request",
            "crypto_decryption_record");
    static final RoomId OLD_ROOM = RoomId.of("!old:example.org");

    @TempDir
    Path dir;

    @Test
    void aSchemaFiveStoreKeepsItsDataAndGainsTheCryptoTables() throws Exception {
        Path file = schemaFive("schema-5.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_from_version_5")), store.loadSession());
            assertEquals(Optional.of("s5"), store.syncToken());
            assertEquals(Optional.of("Old room"), store.room(OLD_ROOM).orElseThrow().name());
            assertEquals(Membership.JOIN, store.room(OLD_ROOM).orElseThrow().membership());

            CryptoStore keys = store.cryptoStore();
            assertEquals(Optional.empty(), keys.account(), "the crypto tables start empty");
            assertEquals(Map.of(), keys.trackedUsers());
            keys.save(CryptoChanges.builder().pickleKeyParams(params()).account(account("acct", 3))
                    .inboundGroupSession(inbound(ROOM, "g1", "key")).device(device(BOB, BOB_PHONE, LocalTrust.VERIFIED))
                    .trackedUser(BOB, false).build());
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of("s5"), store.syncToken());
            CryptoStore keys = store.cryptoStore();
            assertEquals(Optional.of(account("acct", 3)), keys.account());
            assertEquals(Optional.of(inbound(ROOM, "g1", "key")), keys.inboundGroupSession(ROOM, "g1"));
            assertEquals(Map.of(BOB, false), keys.trackedUsers());
        }
        try (Connection c = connect(file)) {
            assertEquals(Migrations.LATEST, Migrations.userVersion(c));
            for (String table : CRYPTO_TABLES) {
                assertEquals(table, query(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '"
                        + table + "'"));
            }
            assertEquals("crypto_pending_request_order", query(c,
                    "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'crypto_pending_request_order'"));
        }
    }

    @Test
    void openingASchemaFiveFileAsACryptoStoreMigratesItToo() throws Exception {
        Path file = schemaFive("crypto-only.db");
        try (SqliteCryptoStore keys = SqliteCryptoStore.open(file)) {
            keys.save(CryptoChanges.builder().account(account("acct", 1)).build());
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_from_version_5")), store.loadSession());
            assertEquals(Optional.of(account("acct", 1)), store.cryptoStore().account());
        }
    }

    @Test
    void aFailedCryptoMigrationLeavesTheSchemaFiveFileAsItWas() throws Exception {
        Path file = schemaFive("clash.db");
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE crypto_device (theirs TEXT)");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertTrue(e.getMessage().contains("0006_crypto.sql"), e.getMessage());
        try (Connection c = connect(file)) {
            assertEquals(5, Migrations.userVersion(c));
            assertEquals(null, query(c, "SELECT name FROM sqlite_schema WHERE name = 'crypto_account'"));
            assertEquals("syt_from_version_5", query(c, "SELECT access_token FROM session"));
        }
    }

    /** A file as mxj's schema 5 left it: a session, a sync token and a joined room. */
    private Path schemaFive(String name) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            OldSchemas.createAt(s, 5);
            SessionTable.save(c, SqliteLockingTest.session("syt_from_version_5"));
            s.executeUpdate("INSERT INTO sync_token (id, next_batch) VALUES (1, 's5')");
            s.executeUpdate("INSERT INTO room (room_id, membership, latest_activity_ts, name, room_version)"
                    + " VALUES ('" + OLD_ROOM.value() + "', 'join', 10, 'Old room', '10')");
        }
        return file;
    }
}
