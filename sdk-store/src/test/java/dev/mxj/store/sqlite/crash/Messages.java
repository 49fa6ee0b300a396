package dev.mxj.store.sqlite.crash;

import dev.mxj.event.SyncEvent;
import dev.mxj.json.RawJson;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbered messages of {@link CrashSafetyIT}: {@code m.room.message} with body {@code msg-<i>}. */
final class Messages {
    static final String PREFIX = "msg-";
    private static final Pattern BODY = Pattern.compile("msg-(\\d+)");

    private Messages() {
    }

    static String body(int index) {
        return PREFIX + index;
    }

    /** The index of a numbered message, or empty for any other event. */
    static OptionalInt index(SyncEvent event) {
        RawJson raw = event.raw();
        if (!raw.string("type").orElse("").equals("m.room.message")) {
            return OptionalInt.empty();
        }
        String body = raw.object("content").flatMap(content -> content.string("body")).orElse("");
        Matcher m = BODY.matcher(body);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
