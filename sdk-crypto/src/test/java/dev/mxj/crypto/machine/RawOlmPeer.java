package dev.mxj.crypto.machine;

import dev.mxj.crypto.olm.Account;
import dev.mxj.crypto.olm.OlmMessage;
import dev.mxj.crypto.olm.Session;
import dev.mxj.event.RoomEncryptedContent;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-driven device built on the Olm backend alone, for messages no honest machine sends:
 * forged plaintext fields, keys from strangers, bogus forwarded keys.
 */
final class RawOlmPeer implements AutoCloseable {
    final UserId user;
    final DeviceId device;
    final Account account;
    private Session session;

    RawOlmPeer(String user, String device) {
        this.user = UserId.of(user);
        this.device = DeviceId.of(device);
        this.account = TestNet.OLM.createAccount();
    }

    String curve() {
        return account.identityKeys().curve25519();
    }

    String ed() {
        return account.identityKeys().ed25519();
    }

    /** Signed device keys, as an honest device uploads them. */
    Map<String, Object> deviceKeys() {
        Map<String, Object> keys = Json.obj("user_id", user.value(), "device_id", device.value(),
                "algorithms", List.of(RoomEncryptedContent.OLM_V1, RoomEncryptedContent.MEGOLM_V1),
                "keys", Json.obj("curve25519:" + device.value(), curve(), "ed25519:" + device.value(), ed()));
        return sign(keys);
    }

    Map<String, Object> sign(Map<String, Object> object) {
        String signature = account.sign(Signatures.canonicalForSigning(object));
        Map<String, Object> signed = new LinkedHashMap<>(object);
        signed.put("signatures", Json.obj(user.value(), Json.obj("ed25519:" + device.value(), signature)));
        return signed;
    }

    /** Puts this device's keys on the server (its user's device list changes). */
    RawOlmPeer upload(FakeKeyServer server) {
        server.putDeviceKeys(user, device, deviceKeys());
        return this;
    }

    /** Claims a one-time key of {@code target} and starts a session with it. */
    void connect(FakeKeyServer server, TestNet.Party target) {
        OutgoingRequest.KeysClaim claim = new OutgoingRequest.KeysClaim("raw-claim", Json.raw(Json.obj(
                "one_time_keys", Json.obj(target.user.value(), Json.obj(target.device.value(), "signed_curve25519")))));
        Map<String, Object> answer = Json.asObject(server.handle(new DeviceKey(user, device), claim).tree()).orElseThrow();
        Map<String, Object> keys = Json.object(Json.object(Json.object(answer, "one_time_keys"), target.user.value()),
                target.device.value());
        Map<String, Object> key = Json.asObject(keys.values().iterator().next()).orElseThrow();
        session = account.createOutboundSession(target.machine.identityKeys().curve25519(), (String) key.get("key"));
    }

    /** The plaintext an honest sender would encrypt to {@code target}. */
    Map<String, Object> plaintext(TestNet.Party target, String type, Map<String, Object> content) {
        return Json.obj("type", type, "content", content, "sender", user.value(), "sender_device", device.value(),
                "keys", Json.obj("ed25519", ed()), "recipient", target.user.value(),
                "recipient_keys", Json.obj("ed25519", target.machine.identityKeys().ed25519()));
    }

    /** Olm-encrypts {@code plaintext} to {@code target} and delivers it as from {@code sender}. */
    void sendOlm(FakeKeyServer server, TestNet.Party target, UserId sender, Map<String, Object> plaintext) {
        OlmMessage message = session.encrypt(Json.write(plaintext).getBytes(StandardCharsets.UTF_8));
        server.deliver(target.key(), RoomEncryptedContent.TYPE, sender, Json.obj(
                "algorithm", RoomEncryptedContent.OLM_V1, "sender_key", curve(),
                "ciphertext", Json.obj(target.machine.identityKeys().curve25519(),
                        Json.obj("type", (long) message.type(), "body", message.ciphertext()))));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        account.close();
    }
}
