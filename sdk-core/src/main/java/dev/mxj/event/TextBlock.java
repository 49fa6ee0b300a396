package dev.mxj.event;

/**
 * One representation of a text in an {@code m.text} content block, e.g. in {@code m.topic}.
 *
 * @param mimetype {@code mimetype}, {@code text/plain} when absent
 * @param body     {@code body}
 */
public record TextBlock(String mimetype, String body) {
    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";
}
