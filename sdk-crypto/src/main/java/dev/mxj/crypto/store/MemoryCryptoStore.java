package dev.mxj.crypto.store;

import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CryptoStore} in memory: for tests, and for apps that accept losing their keys when
 * the process ends (every restart is then a new device). Saves are atomic because they run under
 * one lock and build nothing that can fail half way.
 */
public final class MemoryCryptoStore implements CryptoStore {
    private Optional<PickleKeyParams> pickleKeyParams = Optional.empty();
    private Optional<StoredAccount> account = Optional.empty();
    private final Map<String, Map<String, StoredOlmSession>> olmSessions = new HashMap<>();
    private final Map<RoomId, Map<String, StoredInboundGroupSession>> inbound = new HashMap<>();
    private final Map<RoomId, StoredOutboundGroupSession> outbound = new HashMap<>();
    private final Map<UserId, Map<DeviceId, StoredDevice>> devices = new HashMap<>();
    private final Map<UserId, Boolean> tracked = new LinkedHashMap<>();
    private final Map<String, PendingRequest> requests = new LinkedHashMap<>();
    private final Map<List<String>, StoredWithheld> withheld = new HashMap<>();
    private final Map<String, StoredKeyRequest> keyRequests = new LinkedHashMap<>();
    private final Map<List<Object>, DecryptionRecord> records = new HashMap<>();
    private Optional<String> syncToken = Optional.empty();
    private boolean closed;

    @Override
    public synchronized Optional<PickleKeyParams> pickleKeyParams() {
        open();
        return pickleKeyParams;
    }

    @Override
    public synchronized Optional<StoredAccount> account() {
        open();
        return account;
    }

    @Override
    public synchronized List<StoredOlmSession> olmSessions(String senderKey) {
        open();
        return List.copyOf(olmSessions.getOrDefault(senderKey, Map.of()).values());
    }

    @Override
    public synchronized Optional<StoredInboundGroupSession> inboundGroupSession(RoomId roomId, String sessionId) {
        open();
        return Optional.ofNullable(inbound.getOrDefault(roomId, Map.of()).get(sessionId));
    }

    @Override
    public synchronized List<StoredInboundGroupSession> inboundGroupSessions(RoomId roomId) {
        open();
        return List.copyOf(inbound.getOrDefault(roomId, Map.of()).values());
    }

    @Override
    public synchronized Optional<StoredOutboundGroupSession> outboundGroupSession(RoomId roomId) {
        open();
        return Optional.ofNullable(outbound.get(roomId));
    }

    @Override
    public synchronized Map<DeviceId, StoredDevice> devices(UserId userId) {
        open();
        return Map.copyOf(devices.getOrDefault(userId, Map.of()));
    }

    @Override
    public synchronized Map<UserId, Boolean> trackedUsers() {
        open();
        return Map.copyOf(tracked);
    }

    @Override
    public synchronized List<PendingRequest> pendingRequests() {
        open();
        List<PendingRequest> out = new ArrayList<>(requests.values());
        out.sort(Comparator.comparingLong(PendingRequest::createdMs).thenComparing(PendingRequest::id));
        return List.copyOf(out);
    }

    @Override
    public synchronized Optional<StoredWithheld> withheld(RoomId roomId, String sessionId) {
        open();
        return Optional.ofNullable(withheld.get(List.of(roomId.value(), sessionId)));
    }

    @Override
    public synchronized List<StoredKeyRequest> keyRequests() {
        open();
        return List.copyOf(keyRequests.values());
    }

    @Override
    public synchronized Optional<DecryptionRecord> decryptionRecord(RoomId roomId, String sessionId,
                                                                  long messageIndex) {
        open();
        return Optional.ofNullable(records.get(List.of(roomId, sessionId, messageIndex)));
    }

    @Override
    public synchronized Optional<String> syncToken() {
        open();
        return syncToken;
    }

    @Override
    public synchronized void save(CryptoChanges changes) {
        open();
        changes.syncToken().ifPresent(t -> syncToken = Optional.of(t));
        changes.pickleKeyParams().ifPresent(p -> pickleKeyParams = Optional.of(p));
        changes.account().ifPresent(a -> account = Optional.of(a));
        for (StoredOlmSession s : changes.olmSessions()) {
            olmSessions.computeIfAbsent(s.senderKey(), k -> new HashMap<>()).put(s.sessionId(), s);
        }
        for (StoredInboundGroupSession s : changes.inboundGroupSessions()) {
            inbound.computeIfAbsent(s.roomId(), k -> new HashMap<>()).put(s.sessionId(), s);
        }
        for (StoredOutboundGroupSession s : changes.outboundGroupSessions()) {
            outbound.put(s.roomId(), s);
        }
        for (StoredDevice d : changes.devices()) {
            devices.computeIfAbsent(d.userId(), k -> new HashMap<>()).put(d.deviceId(), d);
        }
        tracked.putAll(changes.trackedUsers());
        for (PendingRequest r : changes.requestsAdded()) {
            requests.put(r.id(), r);
        }
        for (StoredWithheld w : changes.withheld()) {
            withheld.put(List.of(w.roomId().value(), w.sessionId()), w);
        }
        for (StoredKeyRequest k : changes.keyRequests()) {
            keyRequests.put(k.requestId(), k);
        }
        for (DecryptionRecord r : changes.decryptionRecords()) {
            records.putIfAbsent(List.of(r.roomId(), r.sessionId(), r.messageIndex()), r);
        }
        changes.outboundGroupSessionsRemoved().forEach(outbound::remove);
        changes.trackedUsersRemoved().forEach(tracked::remove);
        changes.requestsRemoved().forEach(requests::remove);
        changes.keyRequestsRemoved().forEach(keyRequests::remove);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("The crypto store was closed");
        }
    }
}
