package dev.mxj.media;

import java.util.Objects;

/**
 * The thumbnail to ask for. The server picks the closest it has or can make, which may be larger
 * than asked, or (for a small image, or a server without thumbnails) the original.
 *
 * @param width    the desired width in pixels, at least 1
 * @param height   the desired height in pixels, at least 1
 * @param method   how to fit the image into the size
 * @param animated ask for an animated thumbnail when the media is animated (Matrix v1.11); when
 *                 false the parameter is left out and the server sends a still image
 */
public record ThumbnailSettings(int width, int height, ResizeMethod method, boolean animated) {
    public ThumbnailSettings {
        Objects.requireNonNull(method, "method");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Thumbnail width and height must be at least 1, were "
                    + width + "x" + height);
        }
    }

    /** A still thumbnail that keeps the whole image within {@code width} x {@code height}. */
    public static ThumbnailSettings scale(int width, int height) {
        return new ThumbnailSettings(width, height, ResizeMethod.SCALE, false);
    }

    /** A still thumbnail of exactly {@code width} x {@code height}, cropped to fit. */
    public static ThumbnailSettings crop(int width, int height) {
        return new ThumbnailSettings(width, height, ResizeMethod.CROP, false);
    }

    /** The same size and method, asking for animation or not. */
    public ThumbnailSettings withAnimated(boolean value) {
        return new ThumbnailSettings(width, height, method, value);
    }
}
