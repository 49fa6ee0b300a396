package dev.mxj.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * A message a {@link JsPeer} received, as its client sees it now.
 *
 * @param eventId the event id
 * @param sender the sender's user id
 * @param encrypted whether it came encrypted ({@code m.room.encrypted} on the wire)
 * @param state decrypted (or plain), undecryptable, or not decrypted yet
 * @param utdReason for {@link State#UTD}, matrix-js-sdk's {@code DecryptionFailureCode}
 * @param msgtype the decrypted content's {@code msgtype}
 * @param body the decrypted content's {@code body} (a file's name for a file)
 * @param file for a decrypted file message ({@code m.file}, {@code m.image}, ...), its file as
 *     downloaded and decrypted
 * @param fileError for a file message whose file could not be fetched or decrypted, why
 */
public record JsMessage(String eventId, String sender, boolean encrypted, State state,
        Optional<String> utdReason, Optional<String> msgtype, Optional<String> body,
        Optional<File> file, Optional<String> fileError) {

    /** Where a message stands with decryption. */
    public enum State {
        /** Decrypted, or sent in the clear. */
        DECRYPTED,
        /** Decryption failed; see {@link JsMessage#utdReason()}. */
        UTD,
        /** Encrypted, and not (yet) tried. */
        PENDING
    }

    /**
     * The file of a file message.
     *
     * @param sha256 the hex SHA-256 of the decrypted bytes
     * @param size their size in bytes
     * @param encrypted whether it was an encrypted attachment
     * @param mimetype the content's {@code info.mimetype}
     */
    public record File(String sha256, long size, boolean encrypted, Optional<String> mimetype) {
    }

    /** @return whether the message was decrypted (or sent in the clear) */
    public boolean isDecrypted() {
        return state == State.DECRYPTED;
    }

    /** @return whether decryption failed */
    public boolean isUtd() {
        return state == State.UTD;
    }

    static JsMessage from(Map<String, Object> m) {
        State state = switch (Json.string(m, "state")) {
            case "decrypted" -> State.DECRYPTED;
            case "utd" -> State.UTD;
            default -> State.PENDING;
        };
        Optional<File> file = m.containsKey("file") ? Optional.of(fileFrom(Json.object(m, "file")))
                : Optional.empty();
        return new JsMessage(Json.string(m, "eventId"), Json.string(m, "sender"),
                Json.bool(m, "encrypted"), state, Json.optionalString(m, "utdReason"),
                Json.optionalString(m, "msgtype"), Json.optionalString(m, "body"), file,
                Json.optionalString(m, "fileError"));
    }

    private static File fileFrom(Map<String, Object> f) {
        return new File(Json.string(f, "sha256"), Json.number(f, "size"), Json.bool(f, "encrypted"),
                Json.optionalString(f, "mimetype"));
    }

    /** A short line for failure messages: id, state, reason; no message text. */
    String summary() {
        return eventId + " " + state + utdReason.map(r -> " (" + r + ")").orElse("");
    }
}
