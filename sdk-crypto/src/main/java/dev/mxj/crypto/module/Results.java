package dev.mxj.crypto.module;

import dev.mxj.crypto.machine.DecryptionResult;
import dev.mxj.crypto.machine.UtdReason;
import dev.mxj.event.DeviceTrust;
import dev.mxj.event.SenderDevice;
import dev.mxj.event.UnableToDecrypt;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.RoomDecryption;

import java.util.Map;

/** The machine's decryption values in the SPI's terms. */
final class Results {
    private Results() {
    }

    static RoomDecryption toSpi(RoomId roomId, DecryptionResult result) {
        if (result instanceof DecryptionResult.Decrypted d) {
            RawJson plaintext = RawJson.ofTree(Map.of("type", d.type(), "content", d.content().tree(),
                    "room_id", roomId.value()));
            DeviceTrust trust = switch (d.trust()) {
                case VERIFIED -> DeviceTrust.VERIFIED;
                case UNVERIFIED -> DeviceTrust.UNVERIFIED;
                case BLACKLISTED -> DeviceTrust.BLACKLISTED;
                case UNKNOWN_DEVICE -> DeviceTrust.UNKNOWN_DEVICE;
                // a forwarded key does not prove who made it: a known device is shown as unverified
                case UNAUTHENTICATED -> d.senderDevice().isPresent() ? DeviceTrust.UNVERIFIED
                        : DeviceTrust.UNKNOWN_DEVICE;
            };
            return new RoomDecryption.Success(plaintext, new SenderDevice(d.sender(), d.senderDevice(), d.senderKey(),
                    trust));
        }
        DecryptionResult.UnableToDecrypt u = (DecryptionResult.UnableToDecrypt) result;
        return RoomDecryption.failure(reason(u.reason()), u.message());
    }

    static UnableToDecrypt.Reason reason(UtdReason reason) {
        return switch (reason) {
            case MISSING_SESSION -> UnableToDecrypt.Reason.MISSING_ROOM_KEY;
            case UNKNOWN_MESSAGE_INDEX -> UnableToDecrypt.Reason.UNKNOWN_MESSAGE_INDEX;
            case WITHHELD -> UnableToDecrypt.Reason.WITHHELD;
            case REPLAYED_INDEX -> UnableToDecrypt.Reason.REPLAYED;
            case BAD_MAC -> UnableToDecrypt.Reason.BAD_CIPHERTEXT;
            case MALFORMED -> UnableToDecrypt.Reason.MALFORMED_EVENT;
            case UNKNOWN_ALGORITHM -> UnableToDecrypt.Reason.UNSUPPORTED_ALGORITHM;
            case WRONG_ROOM, SENDER_MISMATCH -> UnableToDecrypt.Reason.MISMATCHED_PLAINTEXT;
            case UNVERIFIED_SENDER -> UnableToDecrypt.Reason.SENDER_NOT_TRUSTED;
            case UNKNOWN_DEVICE, OLM_DECRYPTION_FAILED -> UnableToDecrypt.Reason.OTHER;
        };
    }

}
