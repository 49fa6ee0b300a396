/**
 * Encrypted attachments (the specification's "Sending encrypted attachments"): files encrypted
 * with AES-256-CTR under a fresh key before upload, described by an {@link
 * dev.mxj.crypto.attachment.EncryptedFile} that travels inside the (Megolm-encrypted) event, and
 * checked against the SHA-256 hash of their ciphertext on the way back.
 *
 * <ul>
 *   <li>{@link dev.mxj.crypto.attachment.EncryptedMedia}: encrypt and upload, download, verify and
 *       decrypt, through the client's {@link dev.mxj.media.Media}. Start here.</li>
 *   <li>{@link dev.mxj.crypto.attachment.EncryptedMediaMessage}: the {@code m.room.message}
 *       content ({@code m.file}, {@code m.image}, ...) that carries {@code file} and
 *       {@code thumbnail_file} instead of {@code url} and {@code thumbnail_url}.</li>
 *   <li>{@link dev.mxj.crypto.attachment.AttachmentEncryptor} and
 *       {@link dev.mxj.crypto.attachment.AttachmentDecryptor}: the streaming cipher alone, for
 *       callers that move the bytes themselves.</li>
 * </ul>
 *
 * <p>Everything is streamed: no file is held in memory whole, except by the methods that take or
 * return a {@code byte[]}. Failures are {@link dev.mxj.crypto.attachment.AttachmentException}s
 * that say which part of the attachment is wrong. Keys never appear in {@code toString()} or logs.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.attachment;

import org.jspecify.annotations.NullMarked;
