package dev.mxj.media;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Makes PNGs and reads image sizes without java.desktop (which the dev.mxj module, and so its
 * tests, do not read): a PNG is a few zlib-compressed rows in checksummed chunks.
 */
final class TestImages {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private TestImages() {
    }

    /** An RGB PNG with a horizontal gradient and a disc in the middle, so it does not compress to nothing. */
    static byte[] png(int width, int height) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream rows = new DeflaterOutputStream(raw)) {
            for (int y = 0; y < height; y++) {
                rows.write(0);
                for (int x = 0; x < width; x++) {
                    boolean disc = sq(x - width / 2) * 4L * height * height + sq(y - height / 2) * 4L * width * width
                            <= (long) width * width * height * height;
                    int shade = (x * 255) / Math.max(1, width - 1);
                    rows.write(disc ? 255 : shade);
                    rows.write(disc ? 220 : 80);
                    rows.write(disc ? 0 : 255 - shade);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        try {
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 2, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", raw.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long sq(long v) {
        return v * v;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** {@code "WIDTHxHEIGHT"} of a PNG or JPEG, read from its header; fails for anything else. */
    static String size(byte[] image) {
        if (image.length > 24 && image[0] == (byte) 0x89 && image[1] == 'P') {
            return int32(image, 16) + "x" + int32(image, 20);
        }
        if (image.length > 4 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            int i = 2;
            while (i + 9 < image.length) {
                if ((image[i] & 0xff) != 0xff) {
                    break;
                }
                int marker = image[i + 1] & 0xff;
                int length = int16(image, i + 2);
                boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                        && marker != 0xcc;
                if (startOfFrame) {
                    return int16(image, i + 7) + "x" + int16(image, i + 5);
                }
                i += 2 + length;
            }
        }
        throw new AssertionError("Neither a PNG nor a JPEG with a frame header (" + image.length + " bytes)");
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static int int16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
