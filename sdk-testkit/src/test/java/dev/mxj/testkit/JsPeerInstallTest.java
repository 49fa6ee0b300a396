package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsPeerInstallTest {

    private static final Path SOURCES = Path.of("src/main/js/jspeer");

    @Test
    void theJarCarriesEveryScriptOfThePeer() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".mjs") || n.equals("package.json")
                            || n.equals("package-lock.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(sources, new TreeSet<>(JsPeerInstall.FILES));
        Map<String, byte[]> resources = JsPeerInstall.resources();
        for (String name : JsPeerInstall.FILES) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(SOURCES.resolve(name)),
                    resources.get(name)), name + " differs from its resource");
        }
    }

    @Test
    void pinsMatrixJsSdkAndItsCryptoInTheLockFile() throws IOException {
        String lock = Files.readString(SOURCES.resolve("package-lock.json"));
        assertTrue(lock.contains("\"node_modules/matrix-js-sdk\": {\n      \"version\": \"37.5.0\""));
        assertTrue(lock.contains("\"node_modules/@matrix-org/matrix-sdk-crypto-wasm\""));
    }

    @Test
    void hashIsTheFirst16HexDigitsOfSha256LikeScriptsSetup() {
        // printf abc | sha256sum
        assertEquals("ba7816bf8f01cfea", JsPeerInstall.hash("abc".getBytes()));
    }

    @Test
    void readsNodeMajorVersions() {
        assertEquals(20, JsPeerInstall.nodeMajor("v20.20.2\n"));
        assertEquals(18, JsPeerInstall.nodeMajor("v18.19.0"));
        assertEquals(-1, JsPeerInstall.nodeMajor("node: command not found"));
    }

    @Test
    void newRoomArgumentsCarryOnlyWhatIsSet() {
        assertEquals(Map.of("encrypted", true, "invite", List.of()),
                JsNewRoom.encrypted().arguments());
        Map<String, Object> args = JsNewRoom.unencrypted().invite("@a:x").invite("@b:x")
                .historyVisibility("joined").name("n").preset("public_chat").rotation(1000, 5)
                .arguments();
        assertEquals(Map.of("encrypted", false, "invite", List.of("@a:x", "@b:x"),
                "historyVisibility", "joined", "name", "n", "preset", "public_chat",
                "rotationPeriodMs", 1000L, "rotationPeriodMsgs", 5), args);
    }

    @Test
    void parsesMessagesAndRejectsMalformedReplies() {
        Map<String, Object> reply = Json.parse("{\"eventId\":\"$e\",\"sender\":\"@a:x\","
                + "\"encrypted\":true,\"state\":\"decrypted\",\"msgtype\":\"m.file\",\"body\":\"f\","
                + "\"file\":{\"sha256\":\"00\",\"size\":3,\"encrypted\":true,\"mimetype\":null}}")
                .orElseThrow();
        JsMessage message = JsMessage.from(reply);
        assertTrue(message.isDecrypted());
        assertEquals(Optional.of(new JsMessage.File("00", 3, true, Optional.empty())),
                message.file());
        JsMessage utd = JsMessage.from(Json.parse("{\"eventId\":\"$u\",\"sender\":\"@a:x\","
                + "\"encrypted\":true,\"state\":\"utd\",\"utdReason\":\"OLM_UNKNOWN_MESSAGE_INDEX\"}")
                .orElseThrow());
        assertTrue(utd.isUtd());
        assertEquals("$u UTD (OLM_UNKNOWN_MESSAGE_INDEX)", utd.summary());
        assertFalse(Json.parse("not json").isPresent());
        JsPeerException malformed = assertThrows(JsPeerException.class,
                () -> JsMessage.from(Map.of("eventId", "$e", "state", "utd")));
        assertTrue(malformed.getMessage().contains("'sender'"), malformed.getMessage());
    }

    @Test
    void loginHidesItsToken() {
        JsLogin login = new JsLogin("@a:x", "DEV", "syt_secret", "Rust SDK");
        assertFalse(login.toString().contains("syt_secret"));
    }

    @Test
    void builderRefusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> JsPeer.builder("a b"));
        assertThrows(IllegalArgumentException.class, () -> JsPeer.builder("a").logLevel("loud"));
        assertThrows(IllegalArgumentException.class,
                () -> JsPeer.builder("a").waitTimeout(java.time.Duration.ZERO));
    }
}
