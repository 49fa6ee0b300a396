package dev.mxj.bench.e2ee;

import dev.mxj.crypto.machine.DecryptionResult;
import dev.mxj.crypto.machine.EncryptionSettings;
import dev.mxj.crypto.machine.MachineConfig;
import dev.mxj.crypto.machine.OlmMachine;
import dev.mxj.crypto.machine.OutgoingRequest;
import dev.mxj.crypto.machine.SenderTrust;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.event.ToDeviceEvent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workloads on mxj's {@link OlmMachine} (libolm backend, {@link MemoryCryptoStore}), every
 * request answered in process by a {@link KeyServer}. bench/js/e2ee-bench.mjs does the same steps
 * with matrix-js-sdk's Rust crypto; keep the two in step.
 *
 * <ul>
 *   <li>share: a new sender that knows its peers' devices from {@code /keys/query}:
 *       {@code missingSessions}, the {@code /keys/claim} answer handed back (claimed keys'
 *       signatures checked, Olm sessions made), {@code shareRoomKey} ({@code m.room_key}
 *       Olm-encrypted to each device), the to-device requests serialised and marked sent. The
 *       server's answer to the claim is built before the timer starts.</li>
 *   <li>encrypt: sending {@code events} events into a room with one other device:
 *       {@code encryptRoomEvent} of every event (content parsed from text, the result written as
 *       text), and every {@code perSession} events the {@code shareRoomKey} that rotates the
 *       session and sends the new key over Olm.</li>
 *   <li>decrypt: a new reader that got those room keys over to-device (and queried the writer's
 *       devices) decrypts the stored events, in order, from their JSON text.</li>
 * </ul>
 * Each workload is timed in one section; to-device messages reach the server after it. Every
 * round checks its result: every peer reads an event sent after the share, and every
 * event decrypts to its plaintext with the writer's device known.
 */
final class MxjSide implements AutoCloseable {
    static final String SERVER = "bench.local";
    /** The passphrase's PBKDF2 runs once per machine at open, outside every timed section. */
    private static final MachineConfig CONFIG = MachineConfig.defaults().withPickleIterations(1_000);
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();

    private final OlmBackend olm = LibolmBackend.create();
    private final KeyServer server = new KeyServer();
    private final List<Device> peers = new ArrayList<>();
    private final Device writer;
    private final int events;
    private final int perSession;
    private int round;

    MxjSide(int devices, int events, int perSession) {
        this.events = events;
        this.perSession = perSession;
        for (int i = 0; i < devices; i++) {
            peers.add(new Device("@peer" + i + ":" + SERVER, "PEER" + i));
        }
        writer = new Device("@writer:" + SERVER, "WRITER");
    }

    /** The plaintext content of the n-th event: about 200 characters of body (as in e2ee-bench.mjs). */
    static String plaintext(int n) {
        String start = "Message " + n + ": ";
        return "{\"msgtype\":\"m.text\",\"body\":\"" + start + "x".repeat(200 - start.length()) + "\"}";
    }

    /** One device: its machine, its requests answered by the server. */
    private final class Device {
        final UserId user;
        final DeviceId device;
        final OlmMachine machine;

        Device(String user, String device) {
            this.user = UserId.of(user);
            this.device = DeviceId.of(device);
            this.machine = OlmMachine.open(olm, new MemoryCryptoStore(), this.user, this.device, PASSPHRASE.clone(),
                    CONFIG);
            flush();
        }

        void send(OutgoingRequest request) {
            String body = request.body().json();
            String response;
            if (request instanceof OutgoingRequest.KeysUpload) {
                response = server.upload(user.value(), device.value(), body);
            } else if (request instanceof OutgoingRequest.KeysQuery) {
                response = server.query(body);
            } else if (request instanceof OutgoingRequest.KeysClaim) {
                response = server.claim(body);
            } else {
                response = server.toDevice(user.value(), ((OutgoingRequest.ToDevice) request).eventType(), body);
            }
            machine.markRequestAsSent(request.id(), RawJson.parse(response));
        }

        void flush() {
            for (int i = 0; i < 20; i++) {
                List<OutgoingRequest> requests = machine.outgoingRequests();
                if (requests.isEmpty()) {
                    return;
                }
                requests.forEach(this::send);
            }
            throw new IllegalStateException(user + " keeps making requests");
        }

        /** One sync: the to-device inbox and the one-time key count; returns how many events came. */
        int sync() {
            List<ToDeviceEvent> inbox = server.takeInbox(user.value(), device.value());
            machine.receiveSyncChanges(inbox, Set.of(), Set.of(),
                    Map.of("signed_curve25519", server.oneTimeKeyCount(user.value(), device.value())),
                    Optional.of(List.of("signed_curve25519")));
            flush();
            return inbox.size();
        }

        void track(List<UserId> users) {
            machine.updateTrackedUsers(users);
            flush();
        }
    }

    /** One round of sharing a room key with every peer device. */
    Timer.Sample share() {
        int n = round++;
        Device sender = new Device("@sharer" + n + ":" + SERVER, "SHARER");
        List<UserId> users = peers.stream().map(p -> p.user).toList();
        sender.track(users);
        RoomId room = RoomId.of("!share" + n + ":" + SERVER);
        EncryptionSettings settings = EncryptionSettings.defaults();
        // The server's answer to the claim the sender is about to make, built beforehand: its work
        // is not the client's. Checked against the claim below.
        Map<String, Object> wanted = new LinkedHashMap<>();
        peers.forEach(p -> wanted.put(p.user.value(), Map.of(p.device.value(), "signed_curve25519")));
        String claimed = server.claim(RawJson.ofTree(Map.of("one_time_keys", wanted)).json());
        Timer timer = new Timer();

        timer.resume();
        OutgoingRequest.KeysClaim claim = sender.machine.missingSessions(users).orElseThrow();
        String claimBody = claim.body().json();
        sender.machine.markRequestAsSent(claim.id(), RawJson.parse(claimed));
        List<OutgoingRequest.ToDevice> requests = sender.machine.shareRoomKey(room, users, settings);
        List<String> bodies = new ArrayList<>();
        for (OutgoingRequest.ToDevice r : requests) {
            bodies.add(r.body().json());
            sender.machine.markRequestAsSent(r.id(), RawJson.parse("{}"));
        }
        timer.pause();

        if (!RawJson.parse(claimBody).object("one_time_keys").orElseThrow().tree().equals(wanted)) {
            throw new IllegalStateException("the sender claimed other keys than one per peer device");
        }
        for (int i = 0; i < requests.size(); i++) {
            server.toDevice(sender.user.value(), requests.get(i).eventType(), bodies.get(i));
        }
        String probe = event(sender.user, room, "$probe" + n, 1,
                sender.machine.encryptRoomEvent(room, "m.room.message", RawJson.parse(plaintext(-1))).json());
        int read = 0;
        for (Device peer : peers) {
            peer.sync();
            if (peer.machine.decryptRoomEvent(room, RawJson.parse(probe)) instanceof DecryptionResult.Decrypted d
                    && d.content().string("body").orElse("").startsWith("Message -1:")) {
                read++;
            }
        }
        sender.machine.close();
        if (read != peers.size()) {
            throw new IllegalStateException("only " + read + " of " + peers.size() + " peers got the room key");
        }
        return timer.sample();
    }

    /** One round of encrypting {@code events} events and decrypting them on a new device: [encrypt, decrypt]. */
    Timer.Sample[] history() {
        int n = round++;
        Device reader = new Device("@reader" + n + ":" + SERVER, "READER");
        List<UserId> users = List.of(writer.user, reader.user);
        writer.track(users);
        writer.machine.missingSessions(users).ifPresent(writer::send);
        RoomId room = RoomId.of("!history" + n + ":" + SERVER);
        EncryptionSettings settings = new EncryptionSettings(EncryptionSettings.DEFAULT_ROTATION_MS, perSession, false);

        Timer encrypt = new Timer();
        List<String> contents = new ArrayList<>(events);
        List<OutgoingRequest.ToDevice> shares = new ArrayList<>();
        List<String> shareBodies = new ArrayList<>();
        encrypt.resume();
        for (int s = 0; s < events / perSession; s++) {
            // The share that rotates the session every perSession events (to the reader's one device),
            // then the session's events.
            for (OutgoingRequest.ToDevice r : writer.machine.shareRoomKey(room, users, settings)) {
                shares.add(r);
                shareBodies.add(r.body().json());
                writer.machine.markRequestAsSent(r.id(), RawJson.parse("{}"));
            }
            for (int i = 0; i < perSession; i++) {
                contents.add(writer.machine.encryptRoomEvent(room, "m.room.message",
                        RawJson.parse(plaintext(contents.size()))).json());
            }
        }
        encrypt.pause();
        for (int i = 0; i < shares.size(); i++) {
            server.toDevice(writer.user.value(), shares.get(i).eventType(), shareBodies.get(i));
        }
        List<String> stored = new ArrayList<>(events);
        Set<String> sessions = new HashSet<>();
        for (int i = 0; i < contents.size(); i++) {
            stored.add(event(writer.user, room, "$h" + n + "_" + i, 1000 + i, contents.get(i)));
            sessions.add(RawJson.parse(contents.get(i)).string("session_id").orElseThrow());
        }
        if (sessions.size() != events / perSession) {
            throw new IllegalStateException(sessions.size() + " Megolm sessions, not " + events / perSession);
        }

        int keys = reader.sync();
        reader.track(List.of(writer.user));
        Timer decrypt = new Timer();
        List<DecryptionResult> results = new ArrayList<>(events);
        decrypt.resume();
        for (String event : stored) {
            results.add(reader.machine.decryptRoomEvent(room, RawJson.parse(event)));
        }
        decrypt.pause();
        for (int i = 0; i < results.size(); i++) {
            String expected = RawJson.parse(plaintext(i)).string("body").orElseThrow();
            if (!(results.get(i) instanceof DecryptionResult.Decrypted d) || d.trust() != SenderTrust.UNVERIFIED
                    || !d.content().string("body").orElse("").equals(expected)) {
                throw new IllegalStateException("event " + i + " did not decrypt as expected: " + describe(results.get(i)));
            }
        }
        if (keys < sessions.size()) {
            throw new IllegalStateException("the reader got " + keys + " to-device events for " + sessions.size() + " sessions");
        }
        reader.machine.close();
        return new Timer.Sample[] {encrypt.sample(), decrypt.sample()};
    }

    /** What a result was, without its plaintext. */
    private static String describe(DecryptionResult result) {
        if (result instanceof DecryptionResult.UnableToDecrypt u) {
            return "unable to decrypt (" + u.reason() + ": " + u.message() + ")";
        }
        return "decrypted, sender trust " + ((DecryptionResult.Decrypted) result).trust() + ", other plaintext";
    }

    private static String event(UserId sender, RoomId room, String eventId, long ts, String content) {
        return "{\"type\":\"m.room.encrypted\",\"event_id\":\"" + eventId + "\",\"sender\":\"" + sender.value()
                + "\",\"origin_server_ts\":" + ts + ",\"room_id\":\"" + room.value() + "\",\"content\":" + content + "}";
    }

    /** The backend's name, for the log. */
    String backend() {
        return olm.name();
    }

    @Override
    public void close() {
        peers.forEach(p -> p.machine.close());
        writer.machine.close();
    }
}
