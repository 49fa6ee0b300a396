package dev.mxj.crypto.attachment;

import dev.mxj.crypto.attachment.AttachmentException.Reason;
import dev.mxj.event.MediaInfo;
import dev.mxj.event.MessageType;
import dev.mxj.id.MxcUri;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an encrypted attachment is and how to decrypt it: the specification's {@code EncryptedFile},
 * the {@code file} (or {@code thumbnail_file}) of a media message. Made by
 * {@link AttachmentEncryptor#finish(MxcUri)} or {@link EncryptedMedia#upload}, read from an event
 * with {@link #fromJson(RawJson)}, {@link #fromMessage(MessageType.Media)} or
 * {@link #fromThumbnail(MediaInfo)}, written with {@link #toJson()}.
 *
 * <p>The values are kept as the JSON has them; {@link AttachmentDecryptor#of(EncryptedFile)}
 * checks them. {@link #toString()} leaves the key out. The whole value is a secret (it decrypts
 * the file): send it only inside encrypted events.
 *
 * @param url     {@code url}, where the ciphertext is
 * @param key     {@code key}, the AES key as a JSON Web Key
 * @param iv      {@code iv}, the initial 128-bit counter block, unpadded base64
 * @param hashes  {@code hashes}: algorithm name to the hash of the ciphertext, unpadded base64;
 *                {@code sha256} is the one that counts
 * @param version {@code v}: {@code v2} (mxj writes it and reads it, and reads the older {@code v1})
 */
public record EncryptedFile(MxcUri url, JsonWebKey key, String iv, Map<String, String> hashes, String version) {
    /** The protocol version mxj writes. */
    public static final String V2 = "v2";
    /** The name of the hash every client must check. */
    public static final String SHA256 = "sha256";

    public EncryptedFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(iv, "iv");
        hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        Objects.requireNonNull(version, "version");
    }

    /** The {@code sha256} hash of the ciphertext, unpadded base64, if there is one. */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get(SHA256));
    }

    /** The same description at another URL, e.g. once the upload tells where the ciphertext went. */
    public EncryptedFile withUrl(MxcUri newUrl) {
        return new EncryptedFile(newUrl, key, iv, hashes, version);
    }

    /** The specification's JSON form, to put in an event's {@code file} or {@code thumbnail_file}. */
    public RawJson toJson() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", key.kty());
        jwk.put("key_ops", new ArrayList<>(key.keyOps()));
        jwk.put("alg", key.alg());
        jwk.put("k", key.k());
        jwk.put("ext", key.ext());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url.value());
        json.put("key", jwk);
        json.put("iv", iv);
        json.put("hashes", new LinkedHashMap<String, Object>(hashes));
        json.put("v", version);
        return RawJson.ofTree(json);
    }

    /**
     * Reads an {@code EncryptedFile} object. Only the shape is checked here (every required field
     * present, with its JSON type, and {@code url} an {@code mxc://} URI); whether mxj can decrypt
     * it is checked by {@link AttachmentDecryptor#of(EncryptedFile)}. Unknown fields are ignored.
     *
     * @throws AttachmentException {@link Reason#MALFORMED} naming the field that is missing or of
     *                             the wrong type; {@link Reason#UNSUPPORTED_VERSION} if there is
     *                             no {@code v} (the pre-standard version 0)
     */
    public static EncryptedFile fromJson(RawJson json) {
        Objects.requireNonNull(json, "json");
        if (!json.isObject()) {
            throw malformed("it is not a JSON object");
        }
        String url = requiredString(json, "url");
        MxcUri mxc;
        try {
            mxc = MxcUri.of(url);
        } catch (IllegalArgumentException e) {
            throw malformed("'url' is not an mxc:// URI");
        }
        RawJson key = json.object("key").orElseThrow(() -> malformed("'key' is missing or not an object"));
        if (!(key.tree() instanceof Map<?, ?> keyMap) || !(keyMap.get("key_ops") instanceof List<?>)) {
            throw malformed("'key.key_ops' is missing or not an array");
        }
        boolean ext = true;
        if (key.has("ext")) {
            ext = key.bool("ext").orElseThrow(() -> malformed("'key.ext' is not a boolean"));
        }
        JsonWebKey jwk = new JsonWebKey(requiredString(key, "key.", "kty"), key.strings("key_ops"),
                requiredString(key, "key.", "alg"), requiredString(key, "key.", "k"), ext);
        String iv = requiredString(json, "iv");
        RawJson hashObject = json.object("hashes").orElseThrow(() -> malformed("'hashes' is missing or not an object"));
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : hashObject.keys()) {
            hashObject.string(name).ifPresent(value -> hashes.put(name, value));
        }
        if (!json.has("v")) {
            throw new AttachmentException(Reason.UNSUPPORTED_VERSION, "The encrypted file has no 'v': it is a"
                    + " version 0 attachment from before the specification, which mxj does not decrypt."
                    + " Ask the sender to send it again with a current client");
        }
        return new EncryptedFile(mxc, jwk, iv, hashes, requiredString(json, "v"));
    }

    /**
     * The {@code file} of a media message, if it has one (an encrypted file); empty for an
     * unencrypted one, which has a {@code url} instead.
     *
     * @throws AttachmentException if {@code file} is there but malformed; see {@link #fromJson}
     */
    public static Optional<EncryptedFile> fromMessage(MessageType.Media message) {
        return message.file().map(EncryptedFile::fromJson);
    }

    /**
     * The {@code thumbnail_file} of a media message's {@code info}, if it has one.
     *
     * @throws AttachmentException if {@code thumbnail_file} is there but malformed; see {@link #fromJson}
     */
    public static Optional<EncryptedFile> fromThumbnail(MediaInfo info) {
        return info.thumbnailFile().map(EncryptedFile::fromJson);
    }

    private static String requiredString(RawJson object, String field) {
        return requiredString(object, "", field);
    }

    private static String requiredString(RawJson object, String prefix, String field) {
        return object.string(field).orElseThrow(() -> malformed("'" + prefix + field + "' is missing or not a string"));
    }

    private static AttachmentException malformed(String what) {
        return new AttachmentException(Reason.MALFORMED, "The encrypted file cannot be read: " + what
                + ". The sender's client wrote an invalid event; the file cannot be decrypted");
    }
}
