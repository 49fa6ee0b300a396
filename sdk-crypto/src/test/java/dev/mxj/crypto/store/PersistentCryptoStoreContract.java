package dev.mxj.crypto.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.mxj.crypto.store.CryptoStoreFixtures.ROOM;
import static dev.mxj.crypto.store.CryptoStoreFixtures.account;
import static dev.mxj.crypto.store.CryptoStoreFixtures.olm;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The crypto store contract plus what a store that outlives the process must also do. */
public abstract class PersistentCryptoStoreContract extends CryptoStoreContract {
    /** Closes {@code store} and opens it again on the same data, as a restarted process would. */
    protected abstract CryptoStore reopen(CryptoStore store) throws Exception;

    private CryptoStore reopened(CryptoStore store) throws Exception {
        return track(reopen(store));
    }

    @Test
    void reopenKeepsEverything() throws Exception {
        CryptoStore store = store();
        store.save(everything());
        assertEverything(reopened(store));
    }

    @Test
    void reopenKeepsLaterChangesAndRemovals() throws Exception {
        CryptoStore store = store();
        store.save(everything());
        store.save(CryptoChanges.builder().account(account("acct-2", 43)).olmSession(olm("keyB", "s1", "newer", 78))
                .removeOutboundGroupSession(ROOM).removeRequest("r1").removeKeyRequest("k1").build());

        CryptoStore again = reopened(store);
        assertEquals(Optional.of(account("acct-2", 43)), again.account());
        assertEquals(List.of(olm("keyB", "s1", "newer", 78)), again.olmSessions("keyB"));
        assertEquals(Optional.empty(), again.outboundGroupSession(ROOM));
        assertEquals(List.of(), again.pendingRequests());
        assertEquals(List.of(), again.keyRequests());
    }
}
