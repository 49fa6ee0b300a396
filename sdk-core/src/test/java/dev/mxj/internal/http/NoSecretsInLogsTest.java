package dev.mxj.internal.http;

import dev.mxj.MatrixClient;
import dev.mxj.auth.Session;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.store.MemorySessionStore;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With mxj logging at debug, no token reaches the log through requests, retries, refreshes or errors. */
class NoSecretsInLogsTest {
    @Test
    void tokensNeverReachTheLog() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (MockHomeserver mock = MockHomeserver.start()) {
            MemorySessionStore store = new MemorySessionStore();
            store.saveSession(new Session(mock.url(), UserId.of("@alice:example.org"), DeviceId.of("DEV"),
                    "access_SECRET_1", Optional.of("refresh_SECRET_2"), Optional.empty()));
            mock.error(503, "M_UNKNOWN", "busy")
                    .json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"expired\",\"soft_logout\":true}")
                    .ok("{\"access_token\":\"access_SECRET_3\",\"refresh_token\":\"refresh_SECRET_4\"}")
                    .ok("{\"user_id\":\"@alice:example.org\"}")
                    .error(401, "M_UNKNOWN_TOKEN", "revoked");
            try (MatrixClient client = mock.builder().sessionStore(store).build()) {
                client.account().whoami().join();
                assertThrows(RuntimeException.class, () -> client.account().whoami().join());
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("/_matrix/client/v3/account/whoami"), "debug logging was not captured:\n" + log);
        assertFalse(log.contains("SECRET"), "a secret reached the log:\n" + log);
    }
}
