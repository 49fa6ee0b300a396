package dev.mxj.media;

/** How the server fits an image into a thumbnail's size. */
public enum ResizeMethod {
    /** Fill the size exactly, cutting off what sticks out ({@code crop}). */
    CROP("crop"),
    /** Keep the whole image, as large as fits the size ({@code scale}). */
    SCALE("scale");

    private final String value;

    ResizeMethod(String value) {
        this.value = value;
    }

    /** The {@code method} query value: {@code crop} or {@code scale}. */
    public String value() {
        return value;
    }
}
