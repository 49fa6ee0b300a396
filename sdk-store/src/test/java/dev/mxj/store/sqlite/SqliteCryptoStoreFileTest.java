package dev.mxj.store.sqlite;

import dev.mxj.StoreException;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.LocalTrust;
import dev.mxj.crypto.store.ShareEntry;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.id.DeviceId;
import dev.mxj.testing.SyncBuilders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB;
import static dev.mxj.crypto.store.CryptoStoreFixtures.BOB_PHONE;
import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.device;
import static dev.mxj.crypto.store.CryptoStoreFixtures.inbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olm;
import static dev.mxj.crypto.store.CryptoStoreFixtures.outbound;
import static dev.mxj.crypto.store.CryptoStoreFixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the SQLite crypto store does: one file shared with {@link SqliteStore}, a failed save
 * rolled back whole, the outbound share list rewritten only when it changed, damaged rows
 * reported without their content, unknown trust names read safely.
 */
class SqliteCryptoStoreFileTest {
    @TempDir
    Path dir;

    @Test
    void oneFileHoldsTheSessionTheSyncedStateAndTheKeys() {
        Path file = dir.resolve("alice.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.saveSession(SqliteLockingTest.session("syt_token"));
            store.apply(SyncBuilders.sync("s1").room(SyncBuilders.roomChanges(SyncBuilders.room(1))
                    .timeline(SyncBuilders.message("m1", SyncBuilders.ALICE, "hello"))).build());
            store.cryptoStore().save(CryptoChanges.builder().pickleKeyParams(params()).account(account("acct", 5))
                    .inboundGroupSession(inbound(ROOM, "g1", "room-key")).build());
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertEquals(Optional.of(SqliteLockingTest.session("syt_token")), store.loadSession());
            assertEquals(Optional.of("s1"), store.syncToken());
            CryptoStore keys = store.cryptoStore();
            assertEquals(Optional.of(account("acct", 5)), keys.account());
            assertEquals(Optional.of(inbound(ROOM, "g1", "room-key")), keys.inboundGroupSession(ROOM, "g1"));

            keys.close();
            assertThrows(IllegalStateException.class, keys::account, "a closed view refuses calls");
            assertEquals(Optional.of("s1"), store.syncToken(), "closing the view leaves the store open");
            assertEquals(Optional.of(params()), store.cryptoStore().pickleKeyParams(), "a new view works");
        }
        try (SqliteCryptoStore alone = SqliteCryptoStore.open(file)) {
            assertEquals(Optional.of(account("acct", 5)), alone.account(), "both entry points read the same tables");
        }
    }

    @Test
    void closingTheStateStoreEndsItsCryptoStore() {
        SqliteStore store = SqliteStore.open(dir.resolve("closed.db"));
        CryptoStore keys = store.cryptoStore();
        store.close();
        StoreException e = assertThrows(StoreException.class, keys::account);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aFailedSaveKeepsNoneOfItAndItsMessageHoldsNoPickle() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("rollback.db"))) {
            store.save(CryptoChanges.builder().account(account("pickle-before", 1)).build());
            execute(store, "CREATE TRIGGER reject_session BEFORE INSERT ON crypto_olm_session"
                    + " WHEN NEW.session_id = 'poison' BEGIN SELECT RAISE(ABORT, 'rejected by a test'); END");

            CryptoChanges doomed = CryptoChanges.builder().account(account("secret-account-pickle", 2))
                    .inboundGroupSession(inbound(ROOM, "g1", "secret-room-key"))
                    .device(device(BOB, BOB_PHONE, LocalTrust.VERIFIED))
                    .olmSession(olm("keyB", "poison", "secret-olm-pickle", 1)).build();
            StoreException e = assertThrows(StoreException.class, () -> store.save(doomed));
            assertTrue(e.getMessage().contains("save the crypto state"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the message must hold no pickle: " + e.getMessage());

            assertEquals(Optional.of(account("pickle-before", 1)), store.account());
            assertEquals(Optional.empty(), store.inboundGroupSession(ROOM, "g1"));
            assertEquals(Optional.empty(), store.device(BOB, BOB_PHONE));
            assertEquals(List.of(), store.olmSessions("keyB"));
        }
    }

    @Test
    void theShareListIsRewrittenOnlyWhenItChanges() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("shares.db"))) {
            store.save(CryptoChanges.builder().outboundGroupSession(outbound(ROOM, "o1", 0)).build());
            execute(store, "CREATE TABLE share_deletes (n INTEGER) STRICT");
            execute(store, "CREATE TRIGGER count_share_deletes AFTER DELETE ON crypto_outbound_share"
                    + " BEGIN INSERT INTO share_deletes VALUES (1); END");

            store.save(CryptoChanges.builder().outboundGroupSession(outbound(ROOM, "o1", 1)).build());
            assertEquals(0, count(store, "SELECT count(*) FROM share_deletes"), "same shares: no rewrite");
            assertEquals(1, store.outboundGroupSession(ROOM).orElseThrow().messageCount());

            StoredOutboundGroupSession before = outbound(ROOM, "o1", 2);
            List<ShareEntry> more = new ArrayList<>(before.sharedWith());
            more.add(0, new ShareEntry(BOB, DeviceId.of("BOBTABLET"), "curveTablet", 2, Optional.empty(),
                    Optional.of("req-2")));
            StoredOutboundGroupSession grown = new StoredOutboundGroupSession(ROOM, "o1", before.pickle(),
                    before.createdMs(), 2, before.rotationPeriodMs(), before.rotationPeriodMsgs(), false, more);
            store.save(CryptoChanges.builder().outboundGroupSession(grown).build());
            assertEquals(Optional.of(grown), store.outboundGroupSession(ROOM), "the new list, in its order");

            store.save(CryptoChanges.builder().removeOutboundGroupSession(ROOM).build());
            assertEquals(0, count(store, "SELECT count(*) FROM crypto_outbound_share"),
                    "removing the session removes its shares");
        }
    }

    @Test
    void aDamagedRowIsReportedWithoutItsContent() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("damaged.db"))) {
            store.save(CryptoChanges.builder().account(account("secret-account-pickle", 1)).build());
            execute(store, "UPDATE crypto_account SET user_id = 'not a user id'");
            StoreException e = assertThrows(StoreException.class, store::account);
            assertTrue(e.getMessage().contains("crypto_account"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void aTrustNameFromANewerMxjReadsAsUnverified() throws Exception {
        try (SqliteCryptoStore store = SqliteCryptoStore.open(dir.resolve("trust.db"))) {
            store.save(CryptoChanges.builder().device(device(BOB, BOB_PHONE, LocalTrust.VERIFIED)).build());
            execute(store, "UPDATE crypto_device SET trust = 'SOME_FUTURE_TRUST'");
            StoredDevice read = store.device(BOB, BOB_PHONE).orElseThrow();
            assertEquals(LocalTrust.UNVERIFIED, read.trust());
            assertEquals(device(BOB, BOB_PHONE, LocalTrust.UNVERIFIED), read);
        }
    }

    private static void execute(SqliteCryptoStore store, String sql) {
        store.database().write("change the test file", connection -> {
            SqliteDatabase.execute(connection, sql);
            return null;
        });
    }

    private static long count(SqliteCryptoStore store, String sql) {
        return store.database().read("count", connection -> count(connection, sql));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
