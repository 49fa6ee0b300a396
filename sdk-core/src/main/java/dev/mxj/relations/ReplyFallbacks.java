package dev.mxj.relations;

import java.util.regex.Pattern;

/**
 * Removes reply fallbacks, the quote of the replied-to event that older clients put in a reply's
 * body: the leading {@code > } lines of a plain-text body (and the blank line after them), and the
 * {@code <mx-reply>...</mx-reply>} block of an HTML {@code formatted_body}.
 */
public final class ReplyFallbacks {
    private static final Pattern MX_REPLY = Pattern.compile("(?is)^\\s*<mx-reply>.*?</mx-reply>");

    private ReplyFallbacks() {
    }

    /** {@code body} without its leading quoted lines; unchanged if it does not start with {@code > }. */
    public static String stripPlain(String body) {
        if (!body.startsWith(">")) {
            return body;
        }
        String[] lines = body.split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].startsWith(">")) {
            i++;
        }
        if (i < lines.length && lines[i].isEmpty()) {
            i++;
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(i, lines.length));
    }

    /** {@code formattedBody} without a leading {@code <mx-reply>} block. */
    public static String stripHtml(String formattedBody) {
        return MX_REPLY.matcher(formattedBody).replaceFirst("");
    }
}
