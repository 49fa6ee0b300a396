package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.CryptoStore;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Machines talking through a {@link FakeKeyServer}, with a clock the test moves. No HTTP: each
 * outgoing request is answered in memory and marked sent, and each sync hands a device its
 * inbox, device list changes and key counts.
 */
final class TestNet implements AutoCloseable {
    static final OlmBackend OLM = LibolmBackend.create();
    static final char[] PASSPHRASE = "test passphrase".toCharArray();

    final FakeKeyServer server = new FakeKeyServer();
    final MutableClock clock = new MutableClock();
    private final List<Party> parties = new ArrayList<>();
    private final AtomicLong eventCounter = new AtomicLong();

    /** One device: its store and machine. */
    final class Party {
        final UserId user;
        final DeviceId device;
        final CryptoStore store;
        MachineConfig config;
        OlmMachine machine;
        SyncResult lastSync;

        Party(UserId user, DeviceId device, CryptoStore store, MachineConfig config) {
            this.user = user;
            this.device = device;
            this.store = store;
            this.config = config;
            this.machine = OlmMachine.open(OLM, store, user, device, PASSPHRASE, config);
        }

        DeviceKey key() {
            return new DeviceKey(user, device);
        }

        /** Sends every outgoing request until none is left. */
        Party flush() {
            for (int round = 0; round < 20; round++) {
                List<OutgoingRequest> requests = machine.outgoingRequests();
                if (requests.isEmpty()) {
                    return this;
                }
                for (OutgoingRequest r : requests) {
                    send(r);
                }
            }
            throw new AssertionError("requests keep coming: " + machine.outgoingRequests());
        }

        void send(OutgoingRequest r) {
            machine.markRequestAsSent(r.id(), server.handle(key(), r));
        }

        /** One sync: its token, inbox, device list changes, key counts. */
        SyncResult sync() {
            lastSync = machine.receiveSyncChanges(server.token(), server.takeInbox(key()), server.takeChanged(key()),
                    server.takeLeft(key()), server.oneTimeKeyCounts(key()), server.unusedFallbackTypes(key()));
            return lastSync;
        }

        /**
         * A sync the client saved but whose crypto parts never reached the machine (a crash in
         * between): its device list changes are gone; its to-device events stay in the inbox.
         */
        void lostSync() {
            server.takeChanged(key());
            server.takeLeft(key());
        }

        /** Sync then flush, twice (answers may cause more requests). */
        Party settle() {
            sync();
            flush();
            sync();
            flush();
            return this;
        }

        /** The full sending dance: track, query, claim, share. */
        void share(RoomId room, Collection<UserId> members, EncryptionSettings settings) {
            machine.updateTrackedUsers(members);
            flush();
            machine.missingSessions(members).ifPresent(this::send);
            for (OutgoingRequest r : machine.shareRoomKey(room, members, settings)) {
                send(r);
            }
            flush();
        }

        /** Shares, encrypts a text message, returns the event as the room would carry it. */
        RawJson send(RoomId room, Collection<UserId> members, EncryptionSettings settings, String text) {
            share(room, members, settings);
            RawJson content = machine.encryptRoomEvent(room, "m.room.message",
                    Json.raw(Json.obj("msgtype", "m.text", "body", text)));
            return event(content);
        }

        RawJson event(RawJson content) {
            return Json.raw(Json.obj("type", "m.room.encrypted", "event_id", "$e" + eventCounter.incrementAndGet(),
                    "sender", user.value(), "origin_server_ts", clock.millis(), "content", content));
        }

        DecryptionResult decrypt(RoomId room, RawJson event) {
            return machine.decryptRoomEvent(room, event);
        }

        /** Closes the machine and opens it again on the same store (a restart). */
        void restart() {
            machine.close();
            machine = OlmMachine.open(OLM, store, user, device, PASSPHRASE, config);
        }
    }

    Party party(String user, String device) {
        return party(user, device, MachineConfig.defaults());
    }

    Party party(String user, String device, MachineConfig config) {
        return party(user, device, config, new MemoryCryptoStore());
    }

    Party party(String user, String device, MachineConfig config, CryptoStore store) {
        Party p = new Party(UserId.of(user), DeviceId.of(device), store,
                config.withPickleIterations(1000).withClock(clock));
        parties.add(p);
        p.flush();
        return p;
    }

    /** Every party syncs and flushes until quiet. */
    void settleAll() {
        for (int i = 0; i < 3; i++) {
            for (Party p : parties) {
                p.sync();
                p.flush();
            }
        }
    }

    static RawJson withEventId(RawJson event, String eventId) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(Json.asObject(event.tree()).orElseThrow());
        copy.put("event_id", eventId);
        return Json.raw(copy);
    }

    static RawJson withContent(RawJson event, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(Json.asObject(event.tree()).orElseThrow());
        Map<String, Object> content = new java.util.LinkedHashMap<>(Json.object(copy, "content"));
        content.put(key, value);
        copy.put("content", content);
        return Json.raw(copy);
    }

    static EventId id(String id) {
        return EventId.of(id);
    }

    @Override
    public void close() {
        parties.forEach(p -> p.machine.close());
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
