package dev.mxj.event;

/**
 * A message's {@code format} and {@code formatted_body}, present only when both are.
 *
 * @param format {@code format}, in practice {@link #HTML}
 * @param body   {@code formatted_body}
 */
public record FormattedBody(String format, String body) {
    /** The one format the spec defines. */
    public static final String HTML = "org.matrix.custom.html";
}
