package dev.mxj.event;

import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.Optional;

/**
 * The {@code msgtype}-specific part of an {@code m.room.message}: one record per message type the
 * spec defines for display, and {@link Other} for the rest (kept raw).
 */
public sealed interface MessageType {
    String TEXT = "m.text";
    String NOTICE = "m.notice";
    String EMOTE = "m.emote";
    String IMAGE = "m.image";
    String FILE = "m.file";
    String AUDIO = "m.audio";
    String VIDEO = "m.video";
    String LOCATION = "m.location";

    /** {@code msgtype}. */
    String msgtype();

    /** {@code body}: the plain-text form every message has. */
    String body();

    /** {@code m.text}. */
    record Text(String body, Optional<FormattedBody> formatted) implements MessageType {
        @Override
        public String msgtype() {
            return TEXT;
        }
    }

    /** {@code m.notice}: like text, but sent by a bot; clients should not reply to it automatically. */
    record Notice(String body, Optional<FormattedBody> formatted) implements MessageType {
        @Override
        public String msgtype() {
            return NOTICE;
        }
    }

    /** {@code m.emote}: an action ("/me"). */
    record Emote(String body, Optional<FormattedBody> formatted) implements MessageType {
        @Override
        public String msgtype() {
            return EMOTE;
        }
    }

    /**
     * {@code m.image}, {@code m.file}, {@code m.audio} or {@code m.video}: a file, unencrypted at
     * {@code url} or encrypted as described by {@code file}.
     *
     * @param msgtype   one of {@link #IMAGE}, {@link #FILE}, {@link #AUDIO}, {@link #VIDEO}
     * @param body      the file name, or a caption when {@code filename} is set and differs
     * @param formatted the formatted caption
     * @param filename  {@code filename}
     * @param url       {@code url}, for an unencrypted file (empty if not an {@code mxc://} URI)
     * @param file      {@code file}, for an encrypted file, kept raw
     * @param info      {@code info}, {@link MediaInfo#EMPTY} when absent
     */
    record Media(String msgtype, String body, Optional<FormattedBody> formatted, Optional<String> filename,
                 Optional<MxcUri> url, Optional<RawJson> file, MediaInfo info) implements MessageType {
        public Media {
            if (!IMAGE.equals(msgtype) && !FILE.equals(msgtype) && !AUDIO.equals(msgtype) && !VIDEO.equals(msgtype)) {
                throw new IllegalArgumentException("Not a media msgtype: " + msgtype);
            }
        }

        /** The caption, if {@code body} is one: when {@code filename} is set and differs from it. */
        public Optional<String> caption() {
            return filename.filter(f -> !f.equals(body)).map(f -> body);
        }
    }

    /**
     * {@code m.location}.
     *
     * @param geoUri {@code geo_uri}, a RFC 5870 {@code geo:} URI
     * @param info   {@code info} (a thumbnail), {@link MediaInfo#EMPTY} when absent
     */
    record Location(String body, String geoUri, MediaInfo info) implements MessageType {
        @Override
        public String msgtype() {
            return LOCATION;
        }
    }

    /** Any other {@code msgtype} ({@code m.server_notice}, {@code m.key.verification.request}, custom ones). */
    record Other(String msgtype, String body, RawJson content) implements MessageType {
    }
}
