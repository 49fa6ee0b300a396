package dev.mxj.crypto.attachment;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.FormattedBody;
import dev.mxj.event.MediaInfo;
import dev.mxj.event.MessageType;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.crypto.attachment.AttachmentTesting.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code m.room.message} contents that carry {@code file} and {@code thumbnail_file}. */
class EncryptedMediaMessageTest {
    private final EncryptedFile image = AttachmentEncryptor.create().finish(URL);
    private final EncryptedFile thumb = AttachmentEncryptor.create().finish(MxcUri.of("mxc://example.org/thumb"));

    @Test
    void writesTheSpecExamplesShape() throws IOException {
        RawJson spec = EncryptedFileJsonTest.specExample().object("content").orElseThrow();
        EncryptedFile specFile = EncryptedFile.fromJson(spec.object("file").orElseThrow());
        RawJson specInfo = spec.object("info").orElseThrow();
        EncryptedFile specThumb = EncryptedFile.fromJson(specInfo.object("thumbnail_file").orElseThrow());

        RawJson ours = EncryptedMediaMessage.image("something-important.jpg", specFile)
                .withMimetype("image/jpeg").withSize(422018).withDimensions(864, 1536)
                .withThumbnail(specThumb, "image/jpeg", 211009, 432, 768)
                .toContent();

        // The spec's example leaves out "filename"; mxj writes it (Matrix 1.10), equal to the body.
        assertEquals(Optional.of("something-important.jpg"), ours.string("filename"));
        Set<String> specKeys = new java.util.HashSet<>(spec.keys());
        specKeys.add("filename");
        assertEquals(specKeys, ours.keys());
        assertEquals(spec.object("file"), ours.object("file"));
        assertEquals(specInfo, ours.object("info").orElseThrow());
        assertFalse(ours.has("url"));
    }

    @Test
    void coresParserReadsBackEveryField() {
        RawJson content = EncryptedMediaMessage.image("cat.png", image)
                .withCaption("my cat", "<b>my</b> cat")
                .withMimetype("image/png").withSize(1234).withDimensions(640, 480)
                .withThumbnail(thumb, "image/jpeg", 99, 64, 48)
                .toContent();

        MessageType.Media media = parse(content);
        assertEquals(MessageType.IMAGE, media.msgtype());
        assertEquals("my cat", media.body());
        assertEquals(Optional.of("cat.png"), media.filename());
        assertEquals(Optional.of("my cat"), media.caption());
        assertEquals(Optional.of(new FormattedBody(FormattedBody.HTML, "<b>my</b> cat")), media.formatted());
        assertEquals(Optional.empty(), media.url());
        assertEquals(Optional.of(image), EncryptedFile.fromMessage(media));
        assertEquals(Optional.of(thumb), EncryptedFile.fromThumbnail(media.info()));
        assertEquals(Optional.of("image/png"), media.info().mimetype());
        assertEquals(Optional.of(1234L), media.info().size());
        assertEquals(Optional.of(640L), media.info().width());
        assertEquals(Optional.of(480L), media.info().height());
        assertEquals(Optional.empty(), media.info().thumbnailUrl());
        MediaInfo thumbInfo = media.info().thumbnailInfo().orElseThrow();
        assertEquals(Optional.of("image/jpeg"), thumbInfo.mimetype());
        assertEquals(Optional.of(99L), thumbInfo.size());
        assertEquals(Optional.of(64L), thumbInfo.width());
        assertEquals(Optional.of(48L), thumbInfo.height());
    }

    @Test
    void writesEachMediaMsgtype() {
        assertEquals(MessageType.FILE, parse(EncryptedMediaMessage.file("a.pdf", image).toContent()).msgtype());
        assertEquals(MessageType.IMAGE, parse(EncryptedMediaMessage.image("a.png", image).toContent()).msgtype());
        MessageType.Media audio = parse(EncryptedMediaMessage.audio("a.ogg", image).withDuration(3_000).toContent());
        assertEquals(MessageType.AUDIO, audio.msgtype());
        assertEquals(Optional.of(3_000L), audio.info().duration());
        assertEquals(MessageType.VIDEO, parse(EncryptedMediaMessage.video("a.mp4", image).toContent()).msgtype());
    }

    @Test
    void aFileWithoutMetadataHasNoInfo() {
        RawJson content = EncryptedMediaMessage.file("notes.txt", image).toContent();
        assertEquals(Set.of("msgtype", "body", "filename", "file"), content.keys());
        assertEquals(Optional.of("notes.txt"), content.string("body"));
        assertTrue(parse(content).caption().isEmpty());
    }

    @Test
    void refusesAnUnencryptedThumbnailAndOtherMsgtypes() {
        MediaInfo withUrl = new MediaInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(MxcUri.of("mxc://example.org/plain")), Optional.empty(), Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncryptedMediaMessage.image("a.png", image).withInfo(withUrl));
        assertTrue(e.getMessage().contains("thumbnail_url"), e.getMessage());
        MediaInfo withRawFile = new MediaInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(thumb.toJson()), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> EncryptedMediaMessage.image("a.png", image).withInfo(withRawFile));
        assertThrows(IllegalArgumentException.class, () -> new EncryptedMediaMessage("m.text", "hi", Optional.empty(),
                Optional.empty(), image, MediaInfo.EMPTY, Optional.empty()));
    }

    @Test
    void theMessageValueDoesNotPrintKeys() {
        String text = EncryptedMediaMessage.image("a.png", image).withThumbnail(thumb, "image/png", 1, 1, 1).toString();
        assertFalse(text.contains(image.key().k()), text);
        assertFalse(text.contains(thumb.key().k()), text);
    }

    private static MessageType.Media parse(RawJson content) {
        RoomMessageContent message = (RoomMessageContent) EventRegistry.defaults()
                .parseContent(RoomMessageContent.TYPE, RawJson.parse(content.json()));
        return (MessageType.Media) message.message();
    }
}
