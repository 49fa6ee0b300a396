package dev.mxj.bench.e2ee;

import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The E2EE benchmark's mxj side at a small size: the workloads run and pass their own checks
 * (every peer reads what follows a share, every event decrypts to its plaintext), and the key
 * server hands out each one-time key once, then the fallback key. Nothing here is timed.
 */
class E2eeWorkloadsTest {
    @Test
    void theWorkloadsRunAndCheckTheirResults() {
        try (MxjSide side = new MxjSide(3, 40, 10)) {
            for (int round = 0; round < 2; round++) {
                Timer.Sample share = side.share();
                Timer.Sample[] history = side.history();
                assertTrue(share.wallMs() > 0 && share.cpuMs() > 0, "share measured");
                assertTrue(history[0].wallMs() > 0 && history[1].wallMs() > 0, "encrypt and decrypt measured");
            }
        }
    }

    @Test
    void aOneTimeKeyIsClaimedOnceThenTheFallbackKey() {
        KeyServer server = new KeyServer();
        server.upload("@a:x", "A", "{\"one_time_keys\":{\"signed_curve25519:1\":{\"key\":\"k1\"}},"
                + "\"fallback_keys\":{\"signed_curve25519:9\":{\"key\":\"f\",\"fallback\":true}}}");
        String claim = "{\"one_time_keys\":{\"@a:x\":{\"A\":\"signed_curve25519\"}}}";
        RawJson first = RawJson.parse(server.claim(claim));
        RawJson second = RawJson.parse(server.claim(claim));
        assertEquals("k1", first.object("one_time_keys").orElseThrow().object("@a:x").orElseThrow().object("A")
                .orElseThrow().object("signed_curve25519:1").orElseThrow().string("key").orElseThrow());
        assertEquals("f", second.object("one_time_keys").orElseThrow().object("@a:x").orElseThrow().object("A")
                .orElseThrow().object("signed_curve25519:9").orElseThrow().string("key").orElseThrow());
        assertEquals(0, server.oneTimeKeyCount("@a:x", "A"));
    }
}
