package dev.mxj.internal.media;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name in a {@code Content-Disposition} header: RFC 6266's {@code filename*} (RFC 5987
 * encoded) wins over a plain {@code filename}, quoted or not. Anything unreadable is no name.
 */
final class ContentDisposition {
    private static final Pattern EXTENDED = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([A-Za-z0-9!#$%&+^_`{}~-]+)'[^']*'([^;\\s]+)");
    private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^\";\\s]+)");

    private ContentDisposition() {
    }

    static Optional<String> filename(Optional<String> header) {
        return header.flatMap(ContentDisposition::filename);
    }

    static Optional<String> filename(String header) {
        Matcher m = EXTENDED.matcher(header);
        if (m.find()) {
            Optional<String> decoded = decode(m.group(1), m.group(2));
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        m = QUOTED.matcher(header);
        if (m.find()) {
            return nonEmpty(m.group(1).replaceAll("\\\\(.)", "$1"));
        }
        m = TOKEN.matcher(header);
        return m.find() ? nonEmpty(m.group(1)) : Optional.empty();
    }

    private static Optional<String> decode(String charsetName, String value) {
        try {
            Charset charset = charsetName.toUpperCase(Locale.ROOT).equals("UTF-8") ? StandardCharsets.UTF_8
                    : Charset.forName(charsetName);
            // URLDecoder would turn '+' into a space, which RFC 5987 does not.
            return nonEmpty(URLDecoder.decode(value.replace("+", "%2B"), charset));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
