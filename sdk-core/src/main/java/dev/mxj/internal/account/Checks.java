package dev.mxj.internal.account;

import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the account calls; each message says what is wrong. */
final class Checks {
    private Checks() {
    }

    static String nonEmpty(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(capitalised(what) + " cannot be empty.");
        }
        return value;
    }

    static RawJson object(RawJson content, String what) {
        Objects.requireNonNull(content, what);
        if (!content.isObject()) {
            throw new IllegalArgumentException(capitalised(what) + " must be a JSON object, was " + kind(content.tree())
                    + ".");
        }
        return content;
    }

    static int atLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(capitalised(what) + " must be at least 1, was " + value + ".");
        }
        return value;
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    /** What a JSON value is, without showing it (it may hold secrets). */
    private static String kind(Object tree) {
        if (tree instanceof List) {
            return "an array";
        }
        if (tree instanceof String) {
            return "a string";
        }
        if (tree instanceof Number) {
            return "a number";
        }
        return tree instanceof Boolean ? "a boolean" : "null";
    }
}
