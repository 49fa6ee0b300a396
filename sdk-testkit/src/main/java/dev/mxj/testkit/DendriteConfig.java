package dev.mxj.testkit;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the YAML that {@code generate-config -ci} prints into the config the testkit runs.
 *
 * <p>The edits are plain line replacements: each edited key must occur exactly once, so a change
 * in Dendrite's template fails loudly instead of silently leaving a setting alone.
 */
final class DendriteConfig {

    /** Log levels Dendrite (logrus) accepts. */
    static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private DendriteConfig() {
    }

    /**
     * Applies the testkit's settings to a generated config.
     *
     * @param template the YAML printed by {@code generate-config -ci}
     * @param sharedSecret the registration shared secret to set
     * @param baseUrl the client base URL, announced by {@code /.well-known/matrix/client}
     * @param logLevel Dendrite's file log level, one of {@link #LOG_LEVELS}
     * @param requiresToken whether {@code registration_requires_token} is set
     * @return the edited YAML
     */
    static String edit(String template, String sharedSecret, URI baseUrl, String logLevel,
            boolean requiresToken) {
        String level = logLevel.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown log level: " + logLevel);
        }
        String text = template;
        text = replace(text, "registration_shared_secret", quote(sharedSecret));
        text = replace(text, "registration_requires_token", Boolean.toString(requiresToken));
        text = replace(text, "disable_federation", "true");
        text = replace(text, "well_known_client_name", quote(baseUrl.toString()));
        // The only "type:" key in the template is the logging hook's; "file" writes under the
        // data dir (params.path), so only our own process output file is in the working dir.
        text = replace(text, "type", "file");
        text = replace(text, "level", level);
        return text;
    }

    /**
     * Replaces the value of the one line that sets {@code key}, keeping its indentation.
     *
     * @throws IllegalStateException if the key is set on no line or on more than one
     */
    static String replace(String text, String key, String value) {
        Pattern pattern = Pattern.compile("^([ \\t]*(?:- )?)" + Pattern.quote(key) + ":.*$",
                Pattern.MULTILINE);
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int count = 0;
        while (matcher.find()) {
            count++;
            matcher.appendReplacement(out,
                    Matcher.quoteReplacement(matcher.group(1) + key + ": " + value));
        }
        matcher.appendTail(out);
        if (count != 1) {
            throw new IllegalStateException("expected exactly one '" + key
                    + ":' line in Dendrite's generated config, found " + count);
        }
        return out.toString();
    }

    /** A double-quoted YAML scalar. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
