package dev.mxj.internal.json;

import java.util.Objects;
import java.util.function.Function;

/**
 * Remembers what a parser made of recently seen strings: a sync names the same few thousand
 * senders and members in over a hundred thousand events, and checking a user ID's grammar each
 * time costs more than looking it up. The parser must be a pure function (equal strings give equal
 * values, as ID records do); a string it rejects is not remembered, so it rejects it again next time.
 *
 * <p>Direct-mapped and racy by design: a slot holds one immutable entry, so a thread sees none, an
 * older one or the newest, never a torn one; a miss only costs a parse. Thread-safe.
 */
public final class StringCache<T> {
    private record Entry<T>(String key, T value) {
    }

    private final Function<String, T> parser;
    private final Entry<T>[] entries;

    /** A cache of {@code size} (a power of two) slots for the values of {@code parser}. */
    @SuppressWarnings("unchecked")
    public StringCache(int size, Function<String, T> parser) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        this.parser = Objects.requireNonNull(parser, "parser");
        this.entries = (Entry<T>[]) new Entry<?>[size];
    }

    /** {@code parser(s)}, remembered; whatever the parser throws is thrown. */
    public T get(String s) {
        int h = s.hashCode();
        int slot = (h ^ (h >>> 16)) & (entries.length - 1);
        Entry<T> entry = entries[slot];
        if (entry != null && (entry.key == s || entry.key.equals(s))) {
            return entry.value;
        }
        T value = parser.apply(s);
        entries[slot] = new Entry<>(s, value);
        return value;
    }
}
