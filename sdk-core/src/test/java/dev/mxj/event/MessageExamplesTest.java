package dev.mxj.event;

import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.event.SpecExamples.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message-like event examples, field by field. */
class MessageExamplesTest {
    private static MessageType message(String name) {
        return content(name, RoomMessageContent.class).message();
    }

    @Test
    void textEmoteNotice() {
        assertEquals(new MessageType.Text("This is an example text message", Optional.of(new FormattedBody(
                FormattedBody.HTML, "<b>This is an example text message</b>"))), message("m.room.message-m.text"));
        assertEquals(new MessageType.Emote("thinks this is an example emote", Optional.of(new FormattedBody(
                FormattedBody.HTML, "thinks <b>this</b> is an example emote"))), message("m.room.message-m.emote"));
        assertEquals(new MessageType.Notice("This is an example notice", Optional.of(new FormattedBody(
                FormattedBody.HTML, "This is an <strong>example</strong> notice"))), message("m.room.message-m.notice"));
        RoomMessageContent text = content("m.room.message-m.text", RoomMessageContent.class);
        assertEquals("m.text", text.msgtype());
        assertEquals("This is an example text message", text.body());
        assertFalse(text.isEdit());
    }

    @Test
    void image() {
        MessageType.Media image = assertInstanceOf(MessageType.Media.class, message("m.room.message-m.image"));
        assertEquals(MessageType.IMAGE, image.msgtype());
        assertEquals("filename.jpg", image.body());
        assertEquals(Optional.of(MxcUri.of("mxc://example.org/JWEIFJgwEIhweiWJE")), image.url());
        assertEquals(Optional.of(394L), image.info().width());
        assertEquals(Optional.of(398L), image.info().height());
        assertEquals(Optional.empty(), image.caption());
    }

    @Test
    void file() {
        MessageType.Media file = assertInstanceOf(MessageType.Media.class, message("m.room.message-m.file"));
        assertEquals(MessageType.FILE, file.msgtype());
        assertEquals(Optional.of("something-important.doc"), file.filename());
        assertEquals(Optional.empty(), file.caption(), "body equal to filename is not a caption");
        assertEquals(Optional.of("application/msword"), file.info().mimetype());
        assertEquals(Optional.of(46144L), file.info().size());
    }

    @Test
    void audioAndVideo() {
        MessageType.Media audio = assertInstanceOf(MessageType.Media.class, message("m.room.message-m.audio"));
        assertEquals(MessageType.AUDIO, audio.msgtype());
        assertEquals(Optional.of(2140786L), audio.info().duration());
        MessageType.Media video = assertInstanceOf(MessageType.Media.class, message("m.room.message-m.video"));
        assertEquals(MessageType.VIDEO, video.msgtype());
        assertEquals(Optional.of(MxcUri.of("mxc://example.org/FHyPlCeYUSFFxlgbQYZmoEoe")), video.info().thumbnailUrl());
        assertEquals(Optional.of(300L), video.info().thumbnailInfo().orElseThrow().width());
        assertEquals(Optional.of(480L), video.info().width());
    }

    @Test
    void location() {
        MessageType.Location location = assertInstanceOf(MessageType.Location.class,
                message("m.room.message-m.location"));
        assertEquals("geo:51.5008,0.1247", location.geoUri());
        assertEquals("Big Ben, London, UK", location.body());
        assertEquals(Optional.of("image/jpeg"), location.info().thumbnailInfo().orElseThrow().mimetype());
    }

    @Test
    void otherMsgtypesAreKeptRaw() {
        MessageType.Other notice = assertInstanceOf(MessageType.Other.class, message("m.room.message-m.server_notice"));
        assertEquals("m.server_notice", notice.msgtype());
        assertEquals("m.server_notice.usage_limit_reached", notice.content().string("server_notice_type").orElseThrow());
        MessageType.Other request = assertInstanceOf(MessageType.Other.class,
                message("m.room.message-m.key.verification.request"));
        assertEquals("m.key.verification.request", request.msgtype());
        assertEquals("AliceDevice2", request.content().string("from_device").orElseThrow());
    }

    @Test
    void redactionAndReaction() {
        assertEquals(new RoomRedactionContent(Optional.of(EventId.of("$fukweghifu23:localhost")), Optional.of("Spamming")),
                content("m.room.redaction", RoomRedactionContent.class));
        assertEquals(new ReactionContent(EventId.of("$some_event_id"), "👍"),
                content("m.reaction", ReactionContent.class));
    }

    @Test
    void encrypted() {
        RoomEncryptedContent megolm = content("m.room.encrypted-megolm", RoomEncryptedContent.class);
        assertEquals(RoomEncryptedContent.MEGOLM_V1, megolm.algorithm());
        assertTrue(megolm.ciphertextString().orElseThrow().startsWith("AwgAEnACgAkLmt6qF84IK"));
        assertEquals(Optional.of("X3lUlvLELLYxeTx4yOVu6UDpasGEVO0Jbu+QFnm0cKQ"), megolm.sessionId());
        assertEquals(Optional.of("RJYKSTBOIE"), megolm.deviceId());
        assertEquals(Optional.of("IlRMeOPX2e0MurIyfWEucYBRVOEEUMrOHqn/8mLqMjA"), megolm.senderKey());

        RoomEncryptedContent olm = content("m.room.encrypted-olm", RoomEncryptedContent.class);
        assertEquals(RoomEncryptedContent.OLM_V1, olm.algorithm());
        assertEquals(Optional.empty(), olm.ciphertextString());
        assertEquals(0L, olm.ciphertext().object("7qZcfnBmbEGzxxaWfBjElJuvn7BZx+lSz/SvFrDF/z8").orElseThrow()
                .longValue("type").orElseThrow());
        assertEquals(Optional.empty(), olm.sessionId());
    }

    @Test
    void sticker() {
        StickerContent sticker = content("m.sticker", StickerContent.class);
        assertEquals("Landing", sticker.body());
        assertEquals(MxcUri.of("mxc://matrix.org/sHhqkFCvSkFwtmvtETOtKnLP"), sticker.url());
        assertEquals(Optional.of(140L), sticker.info().width());
        assertEquals(Optional.of(73602L), sticker.info().thumbnailInfo().orElseThrow().size());
    }
}
