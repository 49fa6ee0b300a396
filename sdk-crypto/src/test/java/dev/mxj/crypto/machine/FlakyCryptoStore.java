package dev.mxj.crypto.machine;

import dev.mxj.StoreException;
import dev.mxj.crypto.store.CryptoChanges;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.DecryptionRecord;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.crypto.store.PendingRequest;
import dev.mxj.crypto.store.PickleKeyParams;
import dev.mxj.crypto.store.StoredAccount;
import dev.mxj.crypto.store.StoredDevice;
import dev.mxj.crypto.store.StoredInboundGroupSession;
import dev.mxj.crypto.store.StoredKeyRequest;
import dev.mxj.crypto.store.StoredOlmSession;
import dev.mxj.crypto.store.StoredOutboundGroupSession;
import dev.mxj.crypto.store.StoredWithheld;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A memory store whose next save can be made to fail, as a full disk would. */
final class FlakyCryptoStore implements CryptoStore {
    private final MemoryCryptoStore inner = new MemoryCryptoStore();
    volatile boolean failNextSave;

    @Override
    public void save(CryptoChanges changes) {
        if (failNextSave) {
            failNextSave = false;
            throw new StoreException("the disk is full (test)");
        }
        inner.save(changes);
    }

    @Override
    public Optional<PickleKeyParams> pickleKeyParams() {
        return inner.pickleKeyParams();
    }

    @Override
    public Optional<StoredAccount> account() {
        return inner.account();
    }

    @Override
    public List<StoredOlmSession> olmSessions(String senderKey) {
        return inner.olmSessions(senderKey);
    }

    @Override
    public Optional<StoredInboundGroupSession> inboundGroupSession(RoomId roomId, String sessionId) {
        return inner.inboundGroupSession(roomId, sessionId);
    }

    @Override
    public List<StoredInboundGroupSession> inboundGroupSessions(RoomId roomId) {
        return inner.inboundGroupSessions(roomId);
    }

    @Override
    public Optional<StoredOutboundGroupSession> outboundGroupSession(RoomId roomId) {
        return inner.outboundGroupSession(roomId);
    }

    @Override
    public Map<DeviceId, StoredDevice> devices(UserId userId) {
        return inner.devices(userId);
    }

    @Override
    public Map<UserId, Boolean> trackedUsers() {
        return inner.trackedUsers();
    }

    @Override
    public List<PendingRequest> pendingRequests() {
        return inner.pendingRequests();
    }

    @Override
    public Optional<StoredWithheld> withheld(RoomId roomId, String sessionId) {
        return inner.withheld(roomId, sessionId);
    }

    @Override
    public List<StoredKeyRequest> keyRequests() {
        return inner.keyRequests();
    }

    @Override
    public Optional<DecryptionRecord> decryptionRecord(RoomId roomId, String sessionId, long messageIndex) {
        return inner.decryptionRecord(roomId, sessionId, messageIndex);
    }

    @Override
    public Optional<String> syncToken() {
        return inner.syncToken();
    }

    @Override
    public void close() {
        inner.close();
    }
}
