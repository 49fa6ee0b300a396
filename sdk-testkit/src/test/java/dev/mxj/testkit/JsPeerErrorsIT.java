package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a test sees when it misuses the js peer, the server refuses, or the peer dies. */
@ExtendWith(DendriteExtension.class)
class JsPeerErrorsIT {

    @Test
    void failuresSayWhatWentWrong(Dendrite dendrite, TestUser user) {
        try (JsPeer peer = JsPeer.builder("errors").waitTimeout(Duration.ofSeconds(5)).start()) {
            JsPeerException early = assertThrows(JsPeerException.class,
                    () -> peer.send("!nowhere:localhost", "hello"));
            assertEquals(JsPeerException.STATE, early.kind());
            assertTrue(early.getMessage().startsWith("js peer 'errors': send state: not logged in"),
                    early.getMessage());
            assertTrue(early.getMessage().contains("--- last lines of its log"), early.getMessage());

            JsPeerException refused = assertThrows(JsPeerException.class,
                    () -> peer.login(dendrite.baseUrl(), user.userId(), "wrong password", "ERR"));
            assertEquals(JsPeerException.MATRIX, refused.kind());
            assertEquals("M_FORBIDDEN", refused.errcode().orElseThrow(), refused.getMessage());

            peer.login(dendrite.baseUrl(), user, "ERRJS");
            JsPeerException notStarted = assertThrows(JsPeerException.class,
                    () -> peer.createRoom(JsNewRoom.encrypted()));
            assertTrue(notStarted.getMessage().contains("createRoom state: not syncing: send 'start'"
                    + " first"), notStarted.getMessage());
            assertEquals("ERRJS", peer.deviceInfo().deviceId());
            peer.startSync();

            JsPeerException noRoom = assertThrows(JsPeerException.class,
                    () -> peer.join("!missing:localhost"));
            assertEquals(JsPeerException.MATRIX, noRoom.kind(), noRoom.getMessage());
            assertTrue(noRoom.getMessage().contains("(" + user.userId() + "/ERRJS): join matrix: M_"),
                    noRoom.getMessage());

            String roomId = peer.createRoom(JsNewRoom.unencrypted());
            JsPeerException nothing = assertThrows(JsPeerException.class,
                    () -> peer.waitForMessages(roomId, "@nobody:localhost", 1,
                            Duration.ofMillis(300), false));
            assertEquals(JsPeerException.TIMEOUT, nothing.kind());
            assertTrue(nothing.getMessage().contains("waiting for 1 decrypted messages from"
                    + " @nobody:localhost in " + roomId + "; it has 0: []"), nothing.getMessage());
            JsPeerException notMember = assertThrows(JsPeerException.class,
                    () -> peer.waitForMember(roomId, "@nobody:localhost", "join"));
            assertEquals(JsPeerException.TIMEOUT, notMember.kind());
            assertTrue(notMember.getMessage().contains("membership is unknown"),
                    notMember.getMessage());

            // A plain room: the text and the file go in the clear, and still arrive.
            String sent = peer.send(roomId, "plain");
            JsSentFile file = peer.sendFile(roomId, "plain.txt", "text/plain", new byte[] {1, 2, 3});
            assertEquals(false, file.encrypted());
            JsMessage got = peer.waitForMessages(roomId, user.userId(), 2).get(0);
            assertEquals(sent, got.eventId());
            assertEquals(false, got.encrypted());
            assertEquals(new JsDownload(file.sha256(), 3, false),
                    peer.downloadFile(roomId, file.eventId()));

            ProcessHandle.of(peer.pid()).orElseThrow().destroyForcibly();
            JsPeerException dead = assertThrows(JsPeerException.class, peer::deviceInfo);
            assertEquals(JsPeerException.FAILED, dead.kind());
            assertTrue(dead.getMessage().contains("exited with"), dead.getMessage());
        }
    }
}
