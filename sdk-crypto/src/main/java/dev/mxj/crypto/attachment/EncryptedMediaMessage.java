package dev.mxj.crypto.attachment;

import dev.mxj.event.FormattedBody;
import dev.mxj.event.MediaInfo;
import dev.mxj.event.MessageType;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.json.RawJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The content of an {@code m.room.message} that shares an encrypted file: {@code m.file},
 * {@code m.image}, {@code m.audio} or {@code m.video} with {@code file} (and, for a thumbnail,
 * {@code info.thumbnail_file}) in place of {@code url} and {@code thumbnail_url}. Immutable; the
 * {@code with...} methods return changed copies. Send it in an encrypted room, where the send path
 * encrypts the whole content with Megolm (the key of the file is in it):
 *
 * <pre>{@code
 * EncryptedFile photo = media.upload(new UploadSource.File(path)).join();
 * EncryptedFile thumb = media.upload(new UploadSource.Bytes(thumbnailJpeg)).join();
 * RawJson content = EncryptedMediaMessage.image("cat.jpg", photo)
 *         .withMimetype("image/jpeg").withSize(Files.size(path)).withDimensions(1600, 1200)
 *         .withThumbnail(thumb, "image/jpeg", thumbnailJpeg.length, 320, 240)
 *         .toContent();
 * room.sendEvent(RoomMessageContent.TYPE, content);
 * }</pre>
 *
 * @param msgtype   {@code msgtype}: {@link MessageType#FILE}, {@link MessageType#IMAGE},
 *                  {@link MessageType#AUDIO} or {@link MessageType#VIDEO}
 * @param body      {@code body}: the file name, or a caption when it differs from {@code filename}
 * @param filename  {@code filename}, the original file name
 * @param formatted {@code format} and {@code formatted_body}, a formatted caption
 * @param file      {@code file}, the encrypted file
 * @param info      {@code info}: mimetype, size, dimensions, duration, and in
 *                  {@link MediaInfo#thumbnailInfo()} the thumbnail's; must not hold a
 *                  {@code thumbnail_url} or {@code thumbnail_file} (pass the thumbnail as {@code thumbnail})
 * @param thumbnail {@code info.thumbnail_file}, the encrypted thumbnail
 */
public record EncryptedMediaMessage(String msgtype, String body, Optional<String> filename,
                                    Optional<FormattedBody> formatted, EncryptedFile file, MediaInfo info,
                                    Optional<EncryptedFile> thumbnail) {
    private static final Set<String> MSGTYPES = Set.of(MessageType.FILE, MessageType.IMAGE, MessageType.AUDIO,
            MessageType.VIDEO);

    public EncryptedMediaMessage {
        Objects.requireNonNull(msgtype, "msgtype");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(formatted, "formatted");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(thumbnail, "thumbnail");
        if (!MSGTYPES.contains(msgtype)) {
            throw new IllegalArgumentException("An encrypted file message is m.file, m.image, m.audio or m.video, not '"
                    + msgtype + "'");
        }
        if (info.thumbnailUrl().isPresent()) {
            throw new IllegalArgumentException("An encrypted file message must not point at an unencrypted thumbnail"
                    + " (thumbnail_url): the server could see it. Upload the thumbnail with EncryptedMedia and pass"
                    + " it with withThumbnail");
        }
        if (info.thumbnailFile().isPresent()) {
            throw new IllegalArgumentException("Pass the encrypted thumbnail with withThumbnail, not in info");
        }
    }

    /** An {@code m.file} of {@code name}. */
    public static EncryptedMediaMessage file(String name, EncryptedFile file) {
        return of(MessageType.FILE, name, file);
    }

    /** An {@code m.image} of {@code name}. */
    public static EncryptedMediaMessage image(String name, EncryptedFile file) {
        return of(MessageType.IMAGE, name, file);
    }

    /** An {@code m.audio} of {@code name}. */
    public static EncryptedMediaMessage audio(String name, EncryptedFile file) {
        return of(MessageType.AUDIO, name, file);
    }

    /** An {@code m.video} of {@code name}. */
    public static EncryptedMediaMessage video(String name, EncryptedFile file) {
        return of(MessageType.VIDEO, name, file);
    }

    private static EncryptedMediaMessage of(String msgtype, String name, EncryptedFile file) {
        return new EncryptedMediaMessage(msgtype, name, Optional.of(name), Optional.empty(), file, MediaInfo.EMPTY,
                Optional.empty());
    }

    /** With {@code caption} as the {@code body}; the file name stays in {@code filename}. */
    public EncryptedMediaMessage withCaption(String caption) {
        return new EncryptedMediaMessage(msgtype, caption, Optional.of(filename.orElse(body)), formatted, file, info,
                thumbnail);
    }

    /** With a caption and its HTML form ({@code org.matrix.custom.html}). */
    public EncryptedMediaMessage withCaption(String caption, String html) {
        return withCaption(caption).withFormatted(new FormattedBody(FormattedBody.HTML, html));
    }

    private EncryptedMediaMessage withFormatted(FormattedBody value) {
        return new EncryptedMediaMessage(msgtype, body, filename, Optional.of(value), file, info, thumbnail);
    }

    /** With {@code info} replaced (its thumbnail metadata included). */
    public EncryptedMediaMessage withInfo(MediaInfo value) {
        return new EncryptedMediaMessage(msgtype, body, filename, formatted, file, value, thumbnail);
    }

    /** With {@code info.mimetype}, the plaintext's MIME type. */
    public EncryptedMediaMessage withMimetype(String mimetype) {
        MediaInfo i = info;
        return withInfo(new MediaInfo(Optional.of(mimetype), i.size(), i.width(), i.height(), i.duration(),
                i.thumbnailUrl(), i.thumbnailFile(), i.thumbnailInfo()));
    }

    /** With {@code info.size}, the plaintext's size in bytes. */
    public EncryptedMediaMessage withSize(long size) {
        MediaInfo i = info;
        return withInfo(new MediaInfo(i.mimetype(), Optional.of(size), i.width(), i.height(), i.duration(),
                i.thumbnailUrl(), i.thumbnailFile(), i.thumbnailInfo()));
    }

    /** With {@code info.w} and {@code info.h}, in pixels (images and videos). */
    public EncryptedMediaMessage withDimensions(long width, long height) {
        MediaInfo i = info;
        return withInfo(new MediaInfo(i.mimetype(), i.size(), Optional.of(width), Optional.of(height), i.duration(),
                i.thumbnailUrl(), i.thumbnailFile(), i.thumbnailInfo()));
    }

    /** With {@code info.duration}, in milliseconds (audio and video). */
    public EncryptedMediaMessage withDuration(long milliseconds) {
        MediaInfo i = info;
        return withInfo(new MediaInfo(i.mimetype(), i.size(), i.width(), i.height(), Optional.of(milliseconds),
                i.thumbnailUrl(), i.thumbnailFile(), i.thumbnailInfo()));
    }

    /**
     * With an encrypted thumbnail ({@code info.thumbnail_file}) and its metadata
     * ({@code info.thumbnail_info}: mimetype, size, w, h). The thumbnail must have its own key:
     * upload it separately, never with the file's encryptor.
     */
    public EncryptedMediaMessage withThumbnail(EncryptedFile thumbnailFile, MediaInfo thumbnailInfo) {
        Objects.requireNonNull(thumbnailFile, "thumbnailFile");
        Objects.requireNonNull(thumbnailInfo, "thumbnailInfo");
        MediaInfo i = info;
        MediaInfo changed = new MediaInfo(i.mimetype(), i.size(), i.width(), i.height(), i.duration(),
                Optional.empty(), Optional.empty(), Optional.of(thumbnailInfo));
        return new EncryptedMediaMessage(msgtype, body, filename, formatted, file, changed, Optional.of(thumbnailFile));
    }

    /** {@link #withThumbnail(EncryptedFile, MediaInfo)} with the metadata given field by field. */
    public EncryptedMediaMessage withThumbnail(EncryptedFile thumbnailFile, String mimetype, long size, long width,
                                               long height) {
        return withThumbnail(thumbnailFile, new MediaInfo(Optional.of(mimetype), Optional.of(size), Optional.of(width),
                Optional.of(height), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** The {@code m.room.message} content, for {@code room.sendEvent(}{@link RoomMessageContent#TYPE}{@code , ...)}. */
    public RawJson toContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("msgtype", msgtype);
        content.put("body", body);
        filename.ifPresent(name -> content.put("filename", name));
        formatted.ifPresent(f -> {
            content.put("format", f.format());
            content.put("formatted_body", f.body());
        });
        content.put("file", file.toJson().tree());
        Map<String, Object> infoJson = describe(info);
        thumbnail.ifPresent(t -> infoJson.put("thumbnail_file", t.toJson().tree()));
        info.thumbnailInfo().map(EncryptedMediaMessage::basics).filter(m -> !m.isEmpty())
                .ifPresent(t -> infoJson.put("thumbnail_info", t));
        if (!infoJson.isEmpty()) {
            content.put("info", infoJson);
        }
        return RawJson.ofTree(content);
    }

    private static Map<String, Object> describe(MediaInfo info) {
        Map<String, Object> json = basics(info);
        info.duration().ifPresent(d -> json.put("duration", d));
        return json;
    }

    /** {@code mimetype}, {@code size}, {@code w} and {@code h}: all a {@code thumbnail_info} has. */
    private static Map<String, Object> basics(MediaInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        info.mimetype().ifPresent(m -> json.put("mimetype", m));
        info.size().ifPresent(s -> json.put("size", s));
        info.width().ifPresent(w -> json.put("w", w));
        info.height().ifPresent(h -> json.put("h", h));
        return json;
    }
}
