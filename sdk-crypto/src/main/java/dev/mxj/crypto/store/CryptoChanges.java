package dev.mxj.crypto.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;

/**
 * Everything one step of the OlmMachine changes, saved by {@link CryptoStore#save} in ONE
 * transaction. A crash saves all of it or none of it: a one-time key is never removed from the
 * account without the Olm session it made, and a room key is never acknowledged without being kept.
 *
 * <p>Every list is an upsert by the record's key; {@code requestsRemoved},
 * {@code keyRequestsRemoved}, {@code outboundGroupSessionsRemoved} and {@code trackedUsersRemoved}
 * delete. Within one value the removals are applied after the upserts.
 *
 * @param pickleKeyParams              the pickle key derivation, saved once when the store is new
 * @param account                      the account, replacing the stored one
 * @param olmSessions                  Olm sessions, by (senderKey, sessionId)
 * @param inboundGroupSessions         inbound Megolm sessions, by (roomId, sessionId)
 * @param outboundGroupSessions        outbound Megolm sessions, by roomId
 * @param outboundGroupSessionsRemoved rooms whose outbound session is dropped
 * @param devices                      devices, by (userId, deviceId)
 * @param trackedUsers                 tracked users and their dirty flag (true: {@code /keys/query} due)
 * @param trackedUsersRemoved          users no longer tracked
 * @param requestsAdded                pending outgoing requests, by id
 * @param requestsRemoved              ids of pending requests the server accepted
 * @param withheld                     received withheld notices, by (roomId, sessionId)
 * @param keyRequests                  outgoing room key requests, by requestId
 * @param keyRequestsRemoved           ids of key requests that are done
 * @param decryptionRecords            replay records, by (roomId, sessionId, messageIndex); the first one
 *                                     saved for a key stays
 * @param syncToken                    the {@code next_batch} of the last sync the machine processed,
 *                                     replacing the stored one
 */
public record CryptoChanges(Optional<PickleKeyParams> pickleKeyParams, Optional<StoredAccount> account,
                            List<StoredOlmSession> olmSessions,
                            List<StoredInboundGroupSession> inboundGroupSessions,
                            List<StoredOutboundGroupSession> outboundGroupSessions,
                            Set<RoomId> outboundGroupSessionsRemoved,
                            List<StoredDevice> devices,
                            Map<UserId, Boolean> trackedUsers, Set<UserId> trackedUsersRemoved,
                            List<PendingRequest> requestsAdded, Set<String> requestsRemoved,
                            List<StoredWithheld> withheld,
                            List<StoredKeyRequest> keyRequests, Set<String> keyRequestsRemoved,
                            List<DecryptionRecord> decryptionRecords, Optional<String> syncToken) {
    public CryptoChanges {
        Objects.requireNonNull(pickleKeyParams, "pickleKeyParams");
        Objects.requireNonNull(account, "account");
        olmSessions = List.copyOf(olmSessions);
        inboundGroupSessions = List.copyOf(inboundGroupSessions);
        outboundGroupSessions = List.copyOf(outboundGroupSessions);
        outboundGroupSessionsRemoved = Set.copyOf(outboundGroupSessionsRemoved);
        devices = List.copyOf(devices);
        trackedUsers = Map.copyOf(trackedUsers);
        trackedUsersRemoved = Set.copyOf(trackedUsersRemoved);
        requestsAdded = List.copyOf(requestsAdded);
        requestsRemoved = Set.copyOf(requestsRemoved);
        withheld = List.copyOf(withheld);
        keyRequests = List.copyOf(keyRequests);
        keyRequestsRemoved = Set.copyOf(keyRequestsRemoved);
        decryptionRecords = List.copyOf(decryptionRecords);
        Objects.requireNonNull(syncToken, "syncToken");
    }

    /** Changes that leave the sync token as it is. */
    public CryptoChanges(Optional<PickleKeyParams> pickleKeyParams, Optional<StoredAccount> account,
                         List<StoredOlmSession> olmSessions, List<StoredInboundGroupSession> inboundGroupSessions,
                         List<StoredOutboundGroupSession> outboundGroupSessions, Set<RoomId> outboundGroupSessionsRemoved,
                         List<StoredDevice> devices, Map<UserId, Boolean> trackedUsers, Set<UserId> trackedUsersRemoved,
                         List<PendingRequest> requestsAdded, Set<String> requestsRemoved, List<StoredWithheld> withheld,
                         List<StoredKeyRequest> keyRequests, Set<String> keyRequestsRemoved,
                         List<DecryptionRecord> decryptionRecords) {
        this(pickleKeyParams, account, olmSessions, inboundGroupSessions, outboundGroupSessions,
                outboundGroupSessionsRemoved, devices, trackedUsers, trackedUsersRemoved, requestsAdded, requestsRemoved,
                withheld, keyRequests, keyRequestsRemoved, decryptionRecords, Optional.empty());
    }

    /** A new builder with nothing in it. */
    public static Builder builder() {
        return new Builder();
    }

    /** True if saving this would change nothing. */
    public boolean isEmpty() {
        return pickleKeyParams.isEmpty() && account.isEmpty() && olmSessions.isEmpty()
                && inboundGroupSessions.isEmpty() && outboundGroupSessions.isEmpty()
                && outboundGroupSessionsRemoved.isEmpty() && devices.isEmpty() && trackedUsers.isEmpty()
                && trackedUsersRemoved.isEmpty() && requestsAdded.isEmpty() && requestsRemoved.isEmpty()
                && withheld.isEmpty() && keyRequests.isEmpty() && keyRequestsRemoved.isEmpty()
                && decryptionRecords.isEmpty() && syncToken.isEmpty();
    }

    /**
     * Collects changes; a later value for the same key replaces an earlier one. Not thread-safe.
     */
    public static final class Builder {
        private Optional<PickleKeyParams> pickleKeyParams = Optional.empty();
        private Optional<StoredAccount> account = Optional.empty();
        private final Map<List<String>, StoredOlmSession> olmSessions = new LinkedHashMap<>();
        private final Map<List<String>, StoredInboundGroupSession> inbound = new LinkedHashMap<>();
        private final Map<RoomId, StoredOutboundGroupSession> outbound = new LinkedHashMap<>();
        private final Set<RoomId> outboundRemoved = new LinkedHashSet<>();
        private final Map<List<String>, StoredDevice> devices = new LinkedHashMap<>();
        private final Map<UserId, Boolean> tracked = new LinkedHashMap<>();
        private final Set<UserId> untracked = new LinkedHashSet<>();
        private final Map<String, PendingRequest> requestsAdded = new LinkedHashMap<>();
        private final Set<String> requestsRemoved = new LinkedHashSet<>();
        private final Map<List<String>, StoredWithheld> withheld = new LinkedHashMap<>();
        private final Map<String, StoredKeyRequest> keyRequests = new LinkedHashMap<>();
        private final Set<String> keyRequestsRemoved = new LinkedHashSet<>();
        private final List<DecryptionRecord> records = new ArrayList<>();
        private Optional<String> syncToken = Optional.empty();

        private Builder() {
        }

        public Builder pickleKeyParams(PickleKeyParams params) {
            pickleKeyParams = Optional.of(params);
            return this;
        }

        public Builder account(StoredAccount value) {
            account = Optional.of(value);
            return this;
        }

        public Builder olmSession(StoredOlmSession session) {
            olmSessions.put(List.of(session.senderKey(), session.sessionId()), session);
            return this;
        }

        public Builder inboundGroupSession(StoredInboundGroupSession session) {
            inbound.put(List.of(session.roomId().value(), session.sessionId()), session);
            return this;
        }

        public Builder outboundGroupSession(StoredOutboundGroupSession session) {
            outbound.put(session.roomId(), session);
            outboundRemoved.remove(session.roomId());
            return this;
        }

        public Builder removeOutboundGroupSession(RoomId roomId) {
            outbound.remove(roomId);
            outboundRemoved.add(roomId);
            return this;
        }

        public Builder device(StoredDevice device) {
            devices.put(List.of(device.userId().value(), device.deviceId().value()), device);
            return this;
        }

        public Builder trackedUser(UserId userId, boolean dirty) {
            tracked.put(userId, dirty);
            untracked.remove(userId);
            return this;
        }

        public Builder untrackUser(UserId userId) {
            tracked.remove(userId);
            untracked.add(userId);
            return this;
        }

        public Builder addRequest(PendingRequest request) {
            requestsAdded.put(request.id(), request);
            requestsRemoved.remove(request.id());
            return this;
        }

        public Builder removeRequest(String requestId) {
            requestsAdded.remove(requestId);
            requestsRemoved.add(requestId);
            return this;
        }

        public Builder withheld(StoredWithheld notice) {
            withheld.put(List.of(notice.roomId().value(), notice.sessionId()), notice);
            return this;
        }

        public Builder keyRequest(StoredKeyRequest request) {
            keyRequests.put(request.requestId(), request);
            keyRequestsRemoved.remove(request.requestId());
            return this;
        }

        public Builder removeKeyRequest(String requestId) {
            keyRequests.remove(requestId);
            keyRequestsRemoved.add(requestId);
            return this;
        }

        public Builder decryptionRecord(DecryptionRecord record) {
            records.add(record);
            return this;
        }

        public Builder syncToken(String token) {
            syncToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /** Adds everything in {@code other}, as if its parts were added one by one in its order. */
        public Builder addAll(CryptoChanges other) {
            other.pickleKeyParams().ifPresent(this::pickleKeyParams);
            other.account().ifPresent(this::account);
            other.olmSessions().forEach(this::olmSession);
            other.inboundGroupSessions().forEach(this::inboundGroupSession);
            other.outboundGroupSessions().forEach(this::outboundGroupSession);
            other.outboundGroupSessionsRemoved().forEach(this::removeOutboundGroupSession);
            other.devices().forEach(this::device);
            other.trackedUsers().forEach(this::trackedUser);
            other.trackedUsersRemoved().forEach(this::untrackUser);
            other.requestsAdded().forEach(this::addRequest);
            other.requestsRemoved().forEach(this::removeRequest);
            other.withheld().forEach(this::withheld);
            other.keyRequests().forEach(this::keyRequest);
            other.keyRequestsRemoved().forEach(this::removeKeyRequest);
            other.decryptionRecords().forEach(this::decryptionRecord);
            other.syncToken().ifPresent(this::syncToken);
            return this;
        }

        public CryptoChanges build() {
            return new CryptoChanges(pickleKeyParams, account, List.copyOf(olmSessions.values()),
                    List.copyOf(inbound.values()), List.copyOf(outbound.values()), outboundRemoved,
                    List.copyOf(devices.values()), tracked, untracked, List.copyOf(requestsAdded.values()),
                    requestsRemoved, List.copyOf(withheld.values()), List.copyOf(keyRequests.values()),
                    keyRequestsRemoved, records, syncToken);
        }
    }
}
