package dev.mxj.crypto.attachment;

import dev.mxj.MatrixException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The file work of {@link EncryptedMedia}: checking, decrypting and cleaning up temporary files. */
final class AttachmentFiles {
    private AttachmentFiles() {
    }

    /** Checks the hash of the ciphertext in {@code encrypted}. */
    static void verify(AttachmentDecryptor decryptor, Path encrypted) {
        try (InputStream in = Files.newInputStream(encrypted)) {
            decryptor.verify(in);
        } catch (IOException e) {
            throw local("read the downloaded ciphertext " + encrypted, e);
        }
    }

    /**
     * Decrypts {@code encrypted} into a temporary file beside {@code target}, then moves it into
     * place; on failure nothing is left but what was at {@code target} before.
     */
    static void decryptInto(AttachmentDecryptor decryptor, Path encrypted, Path target) {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw local("create a temporary file in " + target.getParent(), e);
        }
        boolean moved = false;
        try {
            try (InputStream in = decryptor.decrypt(Files.newInputStream(encrypted));
                 OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw local("decrypt " + encrypted + " into " + temp, e);
            }
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw local("move the decrypted file to " + target, e);
            }
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * A decrypting stream over {@code encrypted}, which is deleted when the stream is closed (at
     * once where the system allows deleting an open file).
     */
    static InputStream openDecrypting(AttachmentDecryptor decryptor, Path encrypted) {
        InputStream in;
        try {
            in = Files.newInputStream(encrypted);
        } catch (IOException e) {
            throw local("open the downloaded ciphertext " + encrypted, e);
        }
        boolean deleted;
        try {
            Files.delete(encrypted);
            deleted = true;
        } catch (IOException openFilesCannotBeDeletedHere) {
            deleted = false;
        }
        InputStream plaintext = decryptor.decrypt(in);
        if (deleted) {
            return plaintext;
        }
        return new FilterInputStream(plaintext) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deleteQuietly(encrypted);
                }
            }
        };
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file of ciphertext is harmless
        }
    }

    private static MatrixException local(String what, IOException e) {
        return new MatrixException("The attachment could not " + what + " (" + e + "). Check the disk space and"
                + " the directory's permissions.", e);
    }
}
