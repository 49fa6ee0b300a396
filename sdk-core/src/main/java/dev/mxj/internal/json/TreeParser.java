package dev.mxj.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast, strict parser from UTF-8 JSON to the trees {@link JsonTree} builds (ordered maps, lists,
 * strings, {@code Long} or exact {@code BigDecimal} numbers, booleans, null). It is the hot path
 * of sync: every event of a {@code /sync} response goes through it once, straight from the
 * response bytes ({@link JsonCursor}). It accepts what mxj's Moshi reader accepts in strict mode
 * and gives the same tree for it (keywords in any case, {@code \'} escapes and raw control
 * characters in strings included), and rejects the rest.
 *
 * <p>Object keys repeat in every event ({@code "type"}, {@code "content"}, ...), and so do many short
 * values (event types, senders, {@code msgtype}s): short strings are shared through a small cache
 * instead of being copied for each event, and objects of a few fields are compact
 * {@link JsonObject}s. That saves allocation and keeps a large sync's trees small. Strings are
 * scanned eight bytes at a time. An instance is not thread-safe; {@link #parse} is.
 */
public final class TreeParser {
    /** Containers nested deeper than this are rejected, as Moshi does. */
    static final int MAX_DEPTH = 255;
    private static final int MAX_SHARED_KEY = 40;
    private static final int MAX_SHARED_VALUE = 32;
    /**
     * Shared strings, by hash: object keys, and short string values (event types, user IDs,
     * {@code msgtype}s, ...). Racy by design: a String is immutable and safely published (final
     * fields), so a thread sees nothing, an older string or the newest; a miss only costs a copy.
     */
    private static final Shared[] KEYS = new Shared[2048];
    private static final Shared[] VALUES = new Shared[4096];
    /** Reads 8 bytes of a byte array as one long, to scan and compare strings a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    /** The ASCII bytes that end an unquoted word in Moshi. */
    private static final boolean[] ENDS_WORD = new boolean[128];
    /** What {@link #scanNumber} returns for a number that is not a whole number of up to 18 digits. */
    static final long NOT_A_SHORT_LONG = Long.MIN_VALUE;
    private static final Object[] NO_FIELDS = new Object[0];

    static {
        for (char c : "/\\;#={}[]:, \t\f\r\n\"".toCharArray()) {
            ENDS_WORD[c] = true;
        }
    }

    private final byte[] buf;
    private final int end;
    /**
     * The fields of the objects being read, innermost last, as key, value, key, value, ... Slots
     * above {@link #top} may still point at finished values until overwritten; the parser is short-lived.
     */
    private Object[] scratch = new Object[64];
    private int top;
    /** The next byte to read. */
    int pos;
    private int depth;
    /** Set by {@link #scanNumber}: whether the number had no fraction and no exponent. */
    boolean wholeNumber;

    TreeParser(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    /**
     * Parses {@code text}, which must hold one JSON value (whitespace around it allowed).
     *
     * @throws IllegalArgumentException if it is not valid JSON or has trailing data
     */
    public static Object parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TreeParser parser = new TreeParser(bytes, 0, bytes.length);
        Object value;
        try {
            parser.skipWhitespace();
            value = parser.value();
            parser.skipWhitespace();
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
        if (parser.pos != parser.end) {
            throw new IllegalArgumentException("Trailing data after the JSON value");
        }
        return value;
    }

    /** The value starting at {@link #pos} (no whitespace before it); leaves {@code pos} just after it. */
    Object value() {
        if (pos >= end) {
            throw syntax("End of input");
        }
        byte c = buf[pos];
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> {
                pos++;
                yield string();
            }
            case 't', 'T' -> {
                literal("true");
                yield Boolean.TRUE;
            }
            case 'f', 'F' -> {
                literal("false");
                yield Boolean.FALSE;
            }
            case 'n', 'N' -> {
                literal("null");
                yield null;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw syntax("Expected a value");
            }
        };
    }

    /**
     * Checks the value at {@link #pos} exactly as {@link #value} does, and moves past it, building
     * nothing: no strings, maps or lists.
     */
    void skip() {
        if (pos >= end) {
            throw syntax("End of input");
        }
        byte c = buf[pos];
        switch (c) {
            case '{' -> skipObject();
            case '[' -> skipArray();
            case '"' -> {
                pos++;
                skipString();
            }
            case 't', 'T' -> literal("true");
            case 'f', 'F' -> literal("false");
            case 'n', 'N' -> literal("null");
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw syntax("Expected a value");
                }
                int start = pos;
                if (scanNumber() == NOT_A_SHORT_LONG) {
                    // A fraction or a long number: made as value() makes it, to fail where it fails.
                    pos = start;
                    number();
                }
            }
        }
    }

    /**
     * The fields named in {@code names} of the object at {@link #pos}, parsed as {@link #value}
     * parses them (a repeated name takes its last value); the other fields are checked as
     * {@link #value} checks them, but not built. Null, with nothing read, when the value there is
     * not an object.
     */
    Map<String, Object> someFields(String[] names) {
        return peekByte() == '{' ? fields(names) : null;
    }

    /**
     * The object at {@link #pos}: all its fields ({@code names} null) or those named in
     * {@code names}, the others checked and skipped. Up to {@link JsonObject#MAX_FIELDS} fields make
     * a compact {@link JsonObject}, more a {@code LinkedHashMap}. A repeated key keeps its first
     * place and takes the last value.
     */
    private Map<String, Object> fields(String[] names) {
        int base = top;
        if (opened('}')) {
            return new JsonObject(NO_FIELDS);
        }
        do {
            String key = nameThenColon();
            if (names == null || isOneOf(key, names)) {
                putField(base, key, value());
            } else {
                skip();
            }
        } while (!closedOrNext('}', "Unterminated object"));
        return finishObject(base);
    }

    /**
     * Enters the container whose opening bracket is at {@link #pos}; true, having left it again, if
     * it is empty ({@code close} comes next).
     */
    private boolean opened(char close) {
        enter();
        pos++;
        skipWhitespace();
        if (peekByte() == close) {
            pos++;
            depth--;
            return true;
        }
        return false;
    }

    /** After a member or element: true, having left the container, at {@code close}; else past the comma. */
    private boolean closedOrNext(char close, String unterminated) {
        skipWhitespace();
        int c = peekByte();
        if (c == close) {
            pos++;
            depth--;
            return true;
        }
        if (c != ',') {
            throw syntax(unterminated);
        }
        pos++;
        skipWhitespace();
        return false;
    }

    private static boolean isOneOf(String key, String[] names) {
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A member's name and the colon after it, and the whitespace after that. */
    private String nameThenColon() {
        if (peekByte() != '"') {
            throw syntax("Expected a name");
        }
        pos++;
        String key = key();
        skipWhitespace();
        if (peekByte() != ':') {
            throw syntax("Expected ':'");
        }
        pos++;
        skipWhitespace();
        return key;
    }

    private void skipObject() {
        if (opened('}')) {
            return;
        }
        do {
            if (peekByte() != '"') {
                throw syntax("Expected a name");
            }
            pos++;
            skipString();
            skipWhitespace();
            if (peekByte() != ':') {
                throw syntax("Expected ':'");
            }
            pos++;
            skipWhitespace();
            skip();
        } while (!closedOrNext('}', "Unterminated object"));
    }

    private void skipArray() {
        if (opened(']')) {
            return;
        }
        do {
            skip();
        } while (!closedOrNext(']', "Unterminated array"));
    }

    /** A string, after its opening quote, checked as {@link #string()} checks it; makes no String unless it has escapes. */
    private void skipString() {
        int i = quoteOrBackslash(pos);
        if (i >= end) {
            pos = end;
            throw syntax("Unterminated string");
        }
        if (buf[i] == '\\') {
            escapedString(pos, i);
            return;
        }
        pos = i + 1;
    }

    /** An object, all its fields: see {@link #fields}. */
    private Map<String, Object> object() {
        return fields(null);
    }

    /**
     * Adds a field to the object being read, whose fields start at {@code base} of the scratch
     * stack. Repeated keys are merged here while the object is small; a big object goes into a
     * {@code LinkedHashMap}, which merges the rest.
     */
    private void putField(int base, String key, Object value) {
        if (top - base <= 4 * JsonObject.MAX_FIELDS) {
            for (int i = base; i < top; i += 2) {
                if (key.equals(scratch[i])) {
                    scratch[i + 1] = value;
                    return;
                }
            }
        }
        if (top + 2 > scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[top++] = key;
        scratch[top++] = value;
    }

    private Map<String, Object> finishObject(int base) {
        int n = (top - base) >> 1;
        Map<String, Object> map;
        if (n <= JsonObject.MAX_FIELDS) {
            map = new JsonObject(Arrays.copyOfRange(scratch, base, top));
        } else {
            Map<String, Object> big = new LinkedHashMap<>(n * 4 / 3 + 1);
            for (int i = base; i < top; i += 2) {
                big.put((String) scratch[i], scratch[i + 1]);
            }
            map = big;
        }
        top = base;
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        if (opened(']')) {
            return list;
        }
        do {
            list.add(value());
        } while (!closedOrNext(']', "Unterminated array"));
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw syntax("Nesting too deep");
        }
    }

    /** The byte at {@link #pos}, or -1 at the end. */
    private int peekByte() {
        return pos < end ? buf[pos] : -1;
    }

    /** A name, after its opening quote. */
    String key() {
        return string(KEYS, MAX_SHARED_KEY);
    }

    /** A string, after its opening quote. */
    String string() {
        return string(VALUES, MAX_SHARED_VALUE);
    }

    /** A string, after its opening quote; a short one comes from {@code cache} if it is there. */
    private String string(Shared[] cache, int maxShared) {
        int start = pos;
        int i = quoteOrBackslash(start);
        if (i >= end) {
            pos = end;
            throw syntax("Unterminated string");
        }
        if (buf[i] == '\\') {
            return escapedString(start, i);
        }
        pos = i + 1;
        int length = i - start;
        return length <= maxShared ? shared(cache, start, length)
                : new String(buf, start, length, StandardCharsets.UTF_8);
    }

    /**
     * The index of the first {@code "} or {@code \\} at or after {@code i}, or {@link #end}. Looks
     * at eight bytes at a time: message bodies are most of a sync's bytes.
     */
    private int quoteOrBackslash(int i) {
        byte[] b = buf;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            // A byte of each is 0 where the word has that character; the lowest flag is the first one.
            long found = (((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && buf[i] != '"' && buf[i] != '\\') {
            i++;
        }
        return i;
    }

    /**
     * The string of these bytes: the cached instance if {@code cache} has it, else a new one (then
     * cached). The first 16 bytes are compared as two words held in the entry itself, so most keys
     * and short values are found without touching another array.
     */
    private String shared(Shared[] cache, int start, int length) {
        long w0 = word(start, Math.min(length, 8));
        long w1 = length > 8 ? word(start + 8, Math.min(length - 8, 8)) : 0;
        long h = w0 * 0x9E3779B97F4A7C15L ^ w1 * 0xC2B2AE3D27D4EB4FL ^ length;
        if (length > 16) {
            h ^= (long) LONGS.get(buf, start + length - 8) * 0x165667B19E3779F9L;
        }
        int slot = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & (cache.length - 1);
        Shared entry = cache[slot];
        if (entry != null && entry.length == length && entry.w0 == w0 && entry.w1 == w1
                && (length <= 16 || sameBytes(entry.rest, start + 16, length - 16))) {
            return entry.value;
        }
        String s = new String(buf, start, length, StandardCharsets.UTF_8);
        if (cache == KEYS) {
            // Keys are looked up with literals ("event_id"): the interned instance makes that an == test.
            s = s.intern();
        }
        byte[] rest = length > 16 ? Arrays.copyOfRange(buf, start + 16, start + length) : null;
        cache[slot] = new Shared(length, w0, w1, rest, s);
        return s;
    }

    /** {@code n} (0 to 8) bytes from {@code from} as a little-endian word, zero above them. */
    private long word(int from, int n) {
        if (n == 8 || (n > 0 && from + 8 <= end)) {
            long w = (long) LONGS.get(buf, from);
            return n == 8 ? w : w & ((1L << (n << 3)) - 1);
        }
        long w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = (w << 8) | (buf[from + k] & 0xFF);
        }
        return w;
    }

    /** Whether {@code bytes} holds the {@code length} bytes at {@code start}, compared 8 at a time. */
    private boolean sameBytes(byte[] bytes, int start, int length) {
        if (bytes.length != length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONGS.get(bytes, i) != (long) LONGS.get(buf, start + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (bytes[i] != buf[start + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A shared string with its UTF-8 bytes to compare with: the length, the first 16 bytes as two
     * words, the rest (if any) as an array. Immutable, so safe to publish racily.
     */
    private record Shared(int length, long w0, long w1, byte[] rest, String value) {
    }

    /**
     * The slow path of a string with escapes: {@code start} is after the opening quote, {@code i}
     * at the first backslash. Plain runs are decoded as UTF-8 between the escapes.
     */
    private String escapedString(int start, int i) {
        StringBuilder out = new StringBuilder(Math.max(16, (i - start) + 16));
        int run = start;
        while (i < end) {
            byte c = buf[i];
            if (c == '"') {
                out.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
                pos = i + 1;
                return out.toString();
            }
            if (c != '\\') {
                i++;
                continue;
            }
            out.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
            i++;
            if (i >= end) {
                break;
            }
            byte escaped = buf[i++];
            switch (escaped) {
                case 'u' -> {
                    if (i + 4 > end) {
                        pos = end;
                        throw syntax("Unterminated escape sequence");
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = Character.digit(buf[i + k], 16);
                        if (digit < 0) {
                            pos = i;
                            throw syntax("\\u" + new String(buf, i, 4, StandardCharsets.ISO_8859_1));
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                // Moshi takes these as themselves, even when strict.
                case '\n', '\'', '"', '\\', '/' -> out.append((char) escaped);
                default -> {
                    pos = i;
                    throw syntax("Invalid escape sequence: \\" + (char) (escaped & 0xff));
                }
            }
            run = i;
        }
        pos = end;
        throw syntax("Unterminated string");
    }

    /**
     * A number: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. Whole numbers that fit are
     * {@code Long}s, computed while scanning; anything else is an exact {@code BigDecimal}.
     */
    Object number() {
        int start = pos;
        long value = scanNumber();
        if (value != NOT_A_SHORT_LONG) {
            return value;
        }
        String number = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
        if (wholeNumber) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooBig) {
                // an exact decimal then
            }
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException outOfRange) {
            // The grammar holds, but the exponent is beyond what a BigDecimal holds (1e99999999999):
            // invalid input like any other, not an unexpected exception for the caller.
            throw syntax("Number out of range");
        }
    }

    /**
     * Checks the number at {@link #pos} and moves past it. Returns its value if it is a whole number
     * of at most 18 digits, else {@link #NOT_A_SHORT_LONG} ({@link #wholeNumber} tells which kind).
     */
    long scanNumber() {
        int i = pos;
        boolean negative = buf[i] == '-';
        if (negative) {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        int c = i < end ? buf[i] : -1;
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            while (i < end && (c = buf[i]) >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                i++;
            }
        } else {
            pos = i;
            throw syntax("Expected a digit");
        }
        int intDigits = i - digitsStart;
        boolean whole = true;
        if (i < end && buf[i] == '.') {
            whole = false;
            i = digits(i + 1);
        }
        if (i < end && ((c = buf[i]) == 'e' || c == 'E')) {
            whole = false;
            i++;
            if (i < end && ((c = buf[i]) == '+' || c == '-')) {
                i++;
            }
            i = digits(i);
        }
        pos = i;
        if (i < end && isLiteralByte(buf[i])) {
            throw syntax("Expected a number");
        }
        wholeNumber = whole;
        return whole && intDigits <= 18 ? (negative ? -value : value) : NOT_A_SHORT_LONG;
    }

    /** At least one digit from {@code i}; returns the index after the last one. */
    private int digits(int i) {
        int start = i;
        while (i < end) {
            byte c = buf[i];
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        if (i == start) {
            pos = i;
            throw syntax("Expected a digit");
        }
        return i;
    }

    /** {@code word} (given in lower case) in any case, as Moshi takes {@code TRUE} too, then no word byte. */
    void literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            throw syntax("Expected a value");
        }
        for (int k = 0; k < n; k++) {
            if ((buf[pos + k] | 0x20) != word.charAt(k)) {
                throw syntax("Expected a value");
            }
        }
        pos += n;
        if (pos < end && isLiteralByte(buf[pos])) {
            throw syntax("Expected a value");
        }
    }

    /** A byte that would continue an unquoted word (Moshi's rule); JSON never allows one here. */
    static boolean isLiteralByte(byte c) {
        return c < 0 || !ENDS_WORD[c];
    }


    void skipWhitespace() {
        while (pos < end) {
            byte c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    SyntaxException syntax(String message) {
        return new SyntaxException(message + " at byte " + pos);
    }

    /** A syntax error, without a stack trace (it becomes the exception callers see). */
    static final class SyntaxException extends RuntimeException {
        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
