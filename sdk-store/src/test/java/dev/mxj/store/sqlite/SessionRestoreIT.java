package dev.mxj.store.sqlite;

import dev.mxj.MatrixClient;
import dev.mxj.account.WhoAmI;
import dev.mxj.auth.SessionState;
import dev.mxj.id.UserId;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program logs in against Dendrite with a SQLite session store and is killed with SIGKILL; a new
 * process (this test) resumes the session from the file alone, with no login and no homeserver URL.
 */
@ExtendWith(DendriteExtension.class)
class SessionRestoreIT {
    @TempDir
    Path dir;

    @Test
    void sessionSurvivesAKilledProcess(Dendrite dendrite, TestUser user) throws Exception {
        Path file = dir.resolve("session.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LoginThenWait.class.getName(), file.toString(), dendrite.baseUrl().toString(), user.localpart(),
                user.password()).redirectErrorStream(true).start();
        String deviceId;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
                assertNotNull(line, "the child exited before logging in");
            } while (!line.startsWith("LOGGED-IN "));
            deviceId = line.substring("LOGGED-IN ".length());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "the child must die by SIGKILL");

        try (SqliteStore store = SqliteStore.open(file);
             MatrixClient client = MatrixClient.builder().sessionStore(store).build()) {
            assertInstanceOf(SessionState.Active.class, client.sessionState());
            assertEquals(dendrite.baseUrl().toString().replaceAll("/$", ""),
                    client.homeserverUrl().toString().replaceAll("/$", ""));
            WhoAmI me = client.account().whoami().join();
            assertEquals(UserId.of(user.userId()), me.userId());
            assertEquals(deviceId, me.deviceId().orElseThrow().value());
        }
    }
}
