package dev.mxj.crypto.attachment;

import dev.mxj.crypto.attachment.AttachmentException.Reason;
import dev.mxj.event.EventRegistry;
import dev.mxj.event.MessageType;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EncryptedFile} to and from the specification's JSON. */
class EncryptedFileJsonTest {
    /** The example encrypted {@code m.image} of the specification's "Sending encrypted attachments". */
    static RawJson specExample() throws IOException {
        try (InputStream in = EncryptedFileJsonTest.class.getResourceAsStream("/spec-examples/encrypted-image-event.json")) {
            return RawJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsTheFileAndThumbnailOfTheSpecExampleThroughCoresMessageParser() throws IOException {
        RawJson content = specExample().object("content").orElseThrow();
        RoomMessageContent message = (RoomMessageContent) EventRegistry.defaults()
                .parseContent(RoomMessageContent.TYPE, content);
        MessageType.Media image = (MessageType.Media) message.message();
        assertEquals(Optional.empty(), image.url());

        EncryptedFile file = EncryptedFile.fromMessage(image).orElseThrow();
        assertEquals(MxcUri.of("mxc://example.org/FHyPlCeYUSFFxlgbQYZmoEoe"), file.url());
        assertEquals(new JsonWebKey("oct", List.of("encrypt", "decrypt"), "A256CTR",
                "aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0", true), file.key());
        assertEquals("w+sE15fzSc0AAAAAAAAAAA", file.iv());
        assertEquals(Map.of("sha256", "fdSLu/YkRx3Wyh3KQabP3rd6+SFiKg5lsJZQHtkSAYA"), file.hashes());
        assertEquals("v2", file.version());

        EncryptedFile thumbnail = EncryptedFile.fromThumbnail(image.info()).orElseThrow();
        assertEquals(MxcUri.of("mxc://example.org/pmVJxyxGlmxHposwVSlOaEOv"), thumbnail.url());
        assertEquals("U+k7PfwLr6UAAAAAAAAAAA", thumbnail.iv());

        // Both pass the checks made before decrypting.
        AttachmentDecryptor.of(file);
        AttachmentDecryptor.of(thumbnail);
    }

    @Test
    void writesWhatItReadsWithTheSpecsFieldNames() throws IOException {
        RawJson specFile = specExample().object("content").orElseThrow().object("file").orElseThrow();
        EncryptedFile file = EncryptedFile.fromJson(specFile);
        RawJson written = file.toJson();

        assertEquals(specFile, written, "same JSON tree as the spec's example");
        assertEquals(Set.of("url", "key", "iv", "hashes", "v"), written.keys());
        assertEquals(Set.of("kty", "key_ops", "alg", "k", "ext"), written.object("key").orElseThrow().keys());
        assertEquals(file, EncryptedFile.fromJson(RawJson.parse(written.json())));
    }

    @Test
    void keepsOtherHashesAndIgnoresUnknownFields() {
        EncryptedFile file = EncryptedFile.fromJson(RawJson.parse("""
                {"url": "mxc://example.org/a", "v": "v2", "iv": "w+sE15fzSc0AAAAAAAAAAA", "extra": {"x": 1},
                 "key": {"kty": "oct", "key_ops": ["encrypt", "decrypt"], "alg": "A256CTR",
                         "k": "aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0", "ext": true, "use": "enc"},
                 "hashes": {"sha256": "fdSLu/YkRx3Wyh3KQabP3rd6+SFiKg5lsJZQHtkSAYA", "blake3": "abc", "n": 5}}
                """));
        assertEquals(Map.of("sha256", "fdSLu/YkRx3Wyh3KQabP3rd6+SFiKg5lsJZQHtkSAYA", "blake3", "abc"), file.hashes());
    }

    @Test
    void readsAMissingExtAsTrue() {
        EncryptedFile file = EncryptedFile.fromJson(RawJson.parse(withKeyFields("\"kty\": \"oct\", \"key_ops\": [\"encrypt\","
                + " \"decrypt\"], \"alg\": \"A256CTR\", \"k\": \"aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0\"")));
        assertTrue(file.key().ext());
    }

    @Test
    void namesTheFieldThatIsMissingOrOfTheWrongType() {
        String key = "\"key\": {\"kty\": \"oct\", \"key_ops\": [\"encrypt\", \"decrypt\"], \"alg\": \"A256CTR\","
                + " \"k\": \"aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0\", \"ext\": true}";
        String iv = "\"iv\": \"w+sE15fzSc0AAAAAAAAAAA\"";
        String hashes = "\"hashes\": {\"sha256\": \"fdSLu/YkRx3Wyh3KQabP3rd6+SFiKg5lsJZQHtkSAYA\"}";
        String url = "\"url\": \"mxc://example.org/a\"";
        String v = "\"v\": \"v2\"";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("[]", "not a JSON object"),
                Map.entry(obj(key, iv, hashes, v), "'url'"),
                Map.entry(obj("\"url\": \"https://example.org/a\"", key, iv, hashes, v), "'url' is not an mxc://"),
                Map.entry(obj("\"url\": 5", key, iv, hashes, v), "'url'"),
                Map.entry(obj(url, iv, hashes, v), "'key'"),
                Map.entry(obj(url, "\"key\": \"abc\"", iv, hashes, v), "'key'"),
                Map.entry(obj(url, key.replace("\"kty\": \"oct\", ", ""), iv, hashes, v), "'key.kty'"),
                Map.entry(obj(url, key.replace("\"alg\": \"A256CTR\",", ""), iv, hashes, v), "'key.alg'"),
                Map.entry(obj(url, key.replace("\"k\": \"aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0\", ", ""), iv,
                        hashes, v), "'key.k'"),
                Map.entry(obj(url, key.replace("[\"encrypt\", \"decrypt\"]", "\"encrypt\""), iv, hashes, v),
                        "'key.key_ops'"),
                Map.entry(obj(url, key.replace("\"ext\": true", "\"ext\": \"yes\""), iv, hashes, v), "'key.ext'"),
                Map.entry(obj(url, key, hashes, v), "'iv'"),
                Map.entry(obj(url, key, "\"iv\": 7", hashes, v), "'iv'"),
                Map.entry(obj(url, key, iv, v), "'hashes'"),
                Map.entry(obj(url, key, iv, hashes, "\"v\": 2"), "'v'"));
        cases.forEach((json, field) -> {
            AttachmentException e = assertThrows(AttachmentException.class, () -> EncryptedFile.fromJson(RawJson.parse(json)),
                    json);
            assertEquals(Reason.MALFORMED, e.reason(), json);
            assertTrue(e.getMessage().contains(field), e.getMessage() + " should name " + field);
            assertFalse(e.getMessage().contains("aWF6-32KGYaC3A_FEUCk1Bt0JA37zP0wrStgmdCaW-0"), e.getMessage());
        });
    }

    @Test
    void aMessageWithoutFileHasNoEncryptedFile() {
        RawJson content = RawJson.parse("{\"msgtype\": \"m.file\", \"body\": \"a.txt\", \"url\": \"mxc://example.org/a\"}");
        MessageType.Media media = (MessageType.Media) ((RoomMessageContent) EventRegistry.defaults()
                .parseContent(RoomMessageContent.TYPE, content)).message();
        assertEquals(Optional.empty(), EncryptedFile.fromMessage(media));
        assertEquals(Optional.empty(), EncryptedFile.fromThumbnail(media.info()));
    }

    private static String obj(String... fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static String withKeyFields(String keyFields) {
        return "{\"url\": \"mxc://example.org/a\", \"v\": \"v2\", \"iv\": \"w+sE15fzSc0AAAAAAAAAAA\","
                + " \"hashes\": {\"sha256\": \"fdSLu/YkRx3Wyh3KQabP3rd6+SFiKg5lsJZQHtkSAYA\"}, \"key\": {" + keyFields + "}}";
    }
}
