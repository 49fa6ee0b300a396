package dev.mxj.crypto.machine;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device keys, one-time keys and fallback keys: shape, signatures, top-up, published only after success. */
class KeyUploadTest {
    private final TestNet net = new TestNet();

    @AfterEach
    void close() {
        net.close();
    }

    private static Map<String, Object> tree(RawJson json) {
        return Json.asObject(json.tree()).orElseThrow();
    }

    @Test
    void theFirstUploadHasSignedDeviceKeysOneTimeKeysAndAFallbackKey() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        Map<String, Object> body = tree(net.server.uploads.get(0));

        Map<String, Object> deviceKeys = Json.object(body, "device_keys");
        assertEquals("@alice:example.org", deviceKeys.get("user_id"));
        assertEquals("ALICE1", deviceKeys.get("device_id"));
        assertEquals(List.of("m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"), deviceKeys.get("algorithms"));
        Map<String, Object> keys = Json.object(deviceKeys, "keys");
        assertEquals(alice.machine.identityKeys().curve25519(), keys.get("curve25519:ALICE1"));
        String ed = alice.machine.identityKeys().ed25519();
        assertEquals(ed, keys.get("ed25519:ALICE1"));
        assertTrue(Signatures.verify(TestNet.OLM, deviceKeys, "@alice:example.org", "ed25519:ALICE1", ed));

        Map<String, Object> otks = Json.object(body, "one_time_keys");
        assertEquals(50, otks.size(), "half of libolm's 100 keys");
        for (Map.Entry<String, Object> e : otks.entrySet()) {
            assertTrue(e.getKey().startsWith("signed_curve25519:"));
            Map<String, Object> key = Json.asObject(e.getValue()).orElseThrow();
            assertTrue(Signatures.verify(TestNet.OLM, key, "@alice:example.org", "ed25519:ALICE1", ed));
            assertFalse(key.containsKey("fallback"));
        }
        Map<String, Object> fallback = Json.object(body, "fallback_keys");
        assertEquals(1, fallback.size());
        Map<String, Object> fb = Json.asObject(fallback.values().iterator().next()).orElseThrow();
        assertEquals(true, fb.get("fallback"));
        assertTrue(Signatures.verify(TestNet.OLM, fb, "@alice:example.org", "ed25519:ALICE1", ed));

        assertEquals(List.of(), alice.machine.outgoingRequests(), "nothing more to upload once it succeeded");
    }

    @Test
    void aSignatureOverAlteredKeysDoesNotVerify() {
        net.party("@alice:example.org", "ALICE1");
        Map<String, Object> deviceKeys = new java.util.LinkedHashMap<>(
                Json.object(tree(net.server.uploads.get(0)), "device_keys"));
        String ed = (String) Json.object(deviceKeys, "keys").get("ed25519:ALICE1");
        deviceKeys.put("device_id", "OTHER");
        assertFalse(Signatures.verify(TestNet.OLM, deviceKeys, "@alice:example.org", "ed25519:ALICE1", ed));
    }

    @Test
    void anUnansweredUploadIsOfferedAgainWithTheSameKeysEvenAfterARestart() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        // the server used up 45 keys; the next sync reports 5 left
        alice.machine.receiveSyncChanges(List.of(), Set.of(), Set.of(), Map.of("signed_curve25519", 5L),
                Optional.of(List.of("signed_curve25519")));
        OutgoingRequest first = alice.machine.outgoingRequests().get(0);
        OutgoingRequest.KeysUpload upload = assertInstanceOf(OutgoingRequest.KeysUpload.class, first);
        Set<String> ids = Json.object(tree(upload.body()), "one_time_keys").keySet();
        assertEquals(45, ids.size(), "topped up to 50");
        assertFalse(tree(upload.body()).containsKey("device_keys"), "device keys are uploaded once");
        assertEquals(upload.id(), alice.machine.outgoingRequests().get(0).id(), "the same request until answered");

        // the upload fails (no answer) and the process restarts
        alice.restart();
        OutgoingRequest.KeysUpload again = assertInstanceOf(OutgoingRequest.KeysUpload.class,
                alice.machine.outgoingRequests().get(0));
        assertEquals(Json.object(tree(upload.body()), "one_time_keys"), Json.object(tree(again.body()), "one_time_keys"),
                "exactly the same (unpublished) keys, signed the same way");
        alice.send(again);
        assertEquals(List.of(), alice.machine.outgoingRequests());
    }

    @Test
    void publishedKeysAreNotUploadedAgainAndNewOnesGetNewIds() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        Set<String> firstIds = Json.object(tree(net.server.uploads.get(0)), "one_time_keys").keySet();
        alice.machine.receiveSyncChanges(List.of(), Set.of(), Set.of(), Map.of("signed_curve25519", 10L),
                Optional.of(List.of("signed_curve25519")));
        alice.flush();
        Set<String> secondIds = Json.object(tree(net.server.uploads.get(1)), "one_time_keys").keySet();
        assertEquals(40, secondIds.size());
        Set<String> both = new HashSet<>(firstIds);
        both.retainAll(secondIds);
        assertEquals(Set.of(), both, "no key id uploaded twice");
    }

    @Test
    void aUsedFallbackKeyIsReplaced() {
        TestNet.Party alice = net.party("@alice:example.org", "ALICE1");
        String firstFallback = Json.object(tree(net.server.uploads.get(0)), "fallback_keys").keySet().iterator().next();
        alice.machine.receiveSyncChanges(List.of(), Set.of(), Set.of(), Map.of("signed_curve25519", 50L),
                Optional.of(List.of()));
        alice.flush();
        Map<String, Object> second = tree(net.server.uploads.get(1));
        assertFalse(second.containsKey("one_time_keys"), "the count is fine");
        String newFallback = Json.object(second, "fallback_keys").keySet().iterator().next();
        assertFalse(newFallback.equals(firstFallback), "a new fallback key");
        alice.machine.receiveSyncChanges(List.of(), Set.of(), Set.of(), Map.of("signed_curve25519", 50L),
                Optional.of(List.of("signed_curve25519")));
        assertEquals(List.of(), alice.machine.outgoingRequests());
    }

    @Test
    void deviceKeysCanonicalJsonIsSortedAndCompact() {
        assertEquals("{\"a\":1,\"b\":{\"c\":\"é\",\"d\":[true,null]}}",
                Json.canonical(Json.obj("b", Json.obj("d", java.util.Arrays.asList(true, null), "c", "é"), "a", 1L)));
        byte[] utf8 = Json.canonical(Json.obj("k", "日本")).getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"k\":\"日本\"}", new String(utf8, StandardCharsets.UTF_8));
    }
}
