package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three matrix-js-sdk peers with Rust crypto talk in an encrypted room on Dendrite: the peer that
 * mxj's interop tests play against works, decrypts everything, and keeps secrets out of its log.
 */
@ExtendWith(DendriteExtension.class)
class JsPeerIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void peersTalkEncryptedAndDecryptEverything(Dendrite dendrite, TestUser aliceUser,
            TestUser bobUser, TestUser carolUser) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(aliceUser.password(), bobUser.password(),
                carolUser.password()));
        List<JsPeer> peers = new ArrayList<>();
        try (JsPeer alice = JsPeer.start("alice"); JsPeer bob = JsPeer.start("bob");
                JsPeer carol = JsPeer.start("carol")) {
            peers.addAll(List.of(alice, bob, carol));
            JsLogin aliceLogin = alice.login(dendrite.baseUrl(), aliceUser, "ALICEJS");
            JsLogin bobLogin = bob.login(dendrite.baseUrl(), bobUser, "BOBJS");
            assertEquals(aliceUser.userId(), aliceLogin.userId());
            assertEquals("BOBJS", bobLogin.deviceId());
            assertFalse(aliceLogin.toString().contains(aliceLogin.accessToken()));
            secrets.addAll(List.of(aliceLogin.accessToken(), bobLogin.accessToken()));
            alice.startSync();
            bob.startSync();
            JsDeviceKeys aliceKeys = alice.deviceInfo();
            assertEquals("ALICEJS", aliceKeys.deviceId());
            assertEquals(43, aliceKeys.curve25519().length(), aliceKeys.toString());

            // alice makes the encrypted room and invites bob, who joins.
            String roomId = alice.createRoom(JsNewRoom.encrypted().invite(bobUser.userId())
                    .name("js interop"));
            assertEquals(roomId, bob.join(roomId));
            alice.waitForMember(roomId, bobUser.userId(), "join");

            // Both send text and an encrypted file.
            String aliceText = secret("alice says");
            String bobText = secret("bob says");
            secrets.addAll(List.of(aliceText, bobText));
            byte[] aliceBytes = randomBytes(70_000);
            byte[] bobBytes = randomBytes(1_234);
            secrets.add(Base64.getEncoder().encodeToString(aliceBytes).substring(0, 40));
            secrets.add(Base64.getEncoder().encodeToString(bobBytes).substring(0, 40));
            String aliceEvent = alice.send(roomId, aliceText);
            JsSentFile aliceFile = alice.sendFile(roomId, "alice.bin", "application/octet-stream",
                    aliceBytes);
            String bobEvent = bob.send(roomId, bobText);
            JsSentFile bobFile = bob.sendFile(roomId, "bob.txt", "text/plain", bobBytes);
            assertTrue(aliceFile.encrypted() && bobFile.encrypted());
            assertEquals(sha256(aliceBytes), aliceFile.sha256());
            assertEquals(aliceBytes.length, aliceFile.size());
            assertTrue(aliceFile.mxcUri().startsWith("mxc://"), aliceFile.mxcUri());

            // Each decrypts everything the other sent.
            assertConversation(bob.waitForMessages(roomId, aliceUser.userId(), 2), aliceEvent,
                    aliceText, aliceFile, "alice.bin");
            assertConversation(alice.waitForMessages(roomId, bobUser.userId(), 2), bobEvent,
                    bobText, bobFile, "bob.txt");
            assertEquals(new JsDownload(sha256(aliceBytes), aliceBytes.length, true),
                    bob.downloadFile(roomId, aliceFile.eventId()));
            byte[] fromBob = alice.downloadFileBytes(roomId, bobFile.eventId());
            assertEquals(sha256(bobBytes), sha256(fromBob));
            JsPeerException notAFile = assertThrows(JsPeerException.class,
                    () -> alice.downloadFile(roomId, bobEvent));
            assertEquals(JsPeerException.BAD_REQUEST, notAFile.kind());
            assertEquals(0, alice.utdCount(), () -> alice.undecryptable().toString());
            assertEquals(0, bob.utdCount(), () -> bob.undecryptable().toString());

            // carol joins later: she decrypts what is sent after she joined.
            JsLogin carolLogin = carol.login(dendrite.baseUrl(), carolUser, "CAROLJS");
            secrets.add(carolLogin.accessToken());
            carol.startSync();
            alice.invite(roomId, carolUser.userId());
            carol.join(roomId);
            alice.waitForMember(roomId, carolUser.userId(), "join");
            bob.waitForMember(roomId, carolUser.userId(), "join");
            JsDeviceKeys carolKeys = carol.deviceInfo();
            assertEquals(carolKeys, alice.waitForDevice(carolUser.userId(), "CAROLJS"));
            String aliceLater = secret("alice to carol");
            String bobLater = secret("bob to carol");
            secrets.addAll(List.of(aliceLater, bobLater));
            String aliceLaterEvent = alice.send(roomId, aliceLater);
            String bobLaterEvent = bob.send(roomId, bobLater);
            assertDecrypted(carol.waitForMessages(roomId, aliceUser.userId(), 1), aliceLaterEvent,
                    aliceLater);
            assertDecrypted(carol.waitForMessages(roomId, bobUser.userId(), 1), bobLaterEvent,
                    bobLater);
            // Megolm shares no history: what carol cannot read is only what came before she joined.
            Set<String> beforeCarol = Set.of(aliceEvent, aliceFile.eventId(), bobEvent,
                    bobFile.eventId());
            List<JsUndecryptable> carolCannot = carol.undecryptable();
            assertEquals(beforeCarol, carolCannot.stream().map(JsUndecryptable::eventId)
                    .collect(Collectors.toSet()), carolCannot::toString);
            assertTrue(carolCannot.stream().allMatch(utd -> utd.roomId().equals(roomId)
                    && !utd.reason().isEmpty()), carolCannot::toString);

            // bob leaves: alice and carol go on; bob gets nothing more than the 3 he had.
            bob.leave(roomId);
            alice.waitForMember(roomId, bobUser.userId(), "leave");
            carol.waitForMember(roomId, bobUser.userId(), "leave");
            String afterBob = secret("after bob left");
            secrets.add(afterBob);
            String afterBobEvent = alice.send(roomId, afterBob);
            assertDecrypted(carol.waitForMessages(roomId, aliceUser.userId(), 2), afterBobEvent,
                    afterBob);
            JsPeerException bobSeesNothing = assertThrows(JsPeerException.class,
                    () -> bob.waitForMessages(roomId, aliceUser.userId(), 4,
                            Duration.ofSeconds(2), true));
            assertEquals(JsPeerException.TIMEOUT, bobSeesNothing.kind());
            assertTrue(bobSeesNothing.getMessage().contains("it has 3:"),
                    bobSeesNothing.getMessage());

            assertEquals(0, alice.utdCount(), () -> alice.undecryptable().toString());
            assertEquals(0, bob.utdCount(), () -> bob.undecryptable().toString());
            for (JsPeer peer : peers) {
                peer.stop();
            }
        }
        for (JsPeer peer : peers) {
            assertLogKeepsSecrets(peer, secrets);
        }
    }

    /** The log is a real debug log, and no token, password, message text or file bytes are in it. */
    private static void assertLogKeepsSecrets(JsPeer peer, List<String> secrets) throws IOException {
        String log = Files.readString(peer.logFile(), StandardCharsets.UTF_8);
        assertTrue(log.contains("logged in as") && log.contains("matrix_sdk_crypto"),
                "expected a debug log in " + peer.logFile());
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log " + peer.logFile() + " contains a secret");
        }
    }

    private static void assertConversation(List<JsMessage> messages, String textEvent, String text,
            JsSentFile file, String fileName) {
        assertEquals(2, messages.size(), messages.toString());
        assertDecrypted(messages, textEvent, text);
        JsMessage fileMessage = find(messages, file.eventId());
        assertTrue(fileMessage.isDecrypted() && fileMessage.encrypted(), fileMessage.toString());
        assertEquals(fileName, fileMessage.body().orElseThrow());
        assertEquals("m.file", fileMessage.msgtype().orElseThrow());
        JsMessage.File got = fileMessage.file().orElseThrow(
                () -> new AssertionError("no file: " + fileMessage.fileError()));
        assertEquals(file.sha256(), got.sha256());
        assertEquals(file.size(), got.size());
        assertTrue(got.encrypted());
    }

    private static void assertDecrypted(List<JsMessage> messages, String eventId, String text) {
        JsMessage message = find(messages, eventId);
        assertTrue(message.isDecrypted() && message.encrypted(), message.toString());
        assertEquals(text, message.body().orElseThrow());
        assertEquals("m.text", message.msgtype().orElseThrow());
    }

    private static JsMessage find(List<JsMessage> messages, String eventId) {
        return messages.stream().filter(m -> m.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError(eventId + " not among " + messages.stream()
                        .map(JsMessage::eventId).collect(Collectors.toList())));
    }

    private static String secret(String prefix) {
        return prefix + " " + HexFormat.of().formatHex(randomBytes(8));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
