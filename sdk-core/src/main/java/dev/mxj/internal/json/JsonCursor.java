package dev.mxj.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.mxj.json.RawJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A strict pull reader over a whole JSON document in memory, with the part of Moshi's
 * {@code JsonReader} API that the {@code /sync} parser uses ({@code peek}, {@code beginObject},
 * {@code selectName}, {@code skipValue}, ...), the same tokens and the same exceptions: a syntax error
 * is a {@link JsonEncodingException} (an {@code IOException}), a value of another type than asked a
 * {@link JsonDataException}. What it adds is {@link #nextRaw()}: a value's exact text and its tree,
 * read in one pass over the bytes, with no copy of the value into a buffer of its own.
 *
 * <p>Not thread-safe.
 */
public final class JsonCursor {
    /** The kinds of token {@link #peek()} tells. */
    public enum Token {
        BEGIN_ARRAY, END_ARRAY, BEGIN_OBJECT, END_OBJECT, NAME, STRING, NUMBER, BOOLEAN, NULL, END_DOCUMENT
    }

    /** A fixed set of names to {@link #selectName} from. */
    public static final class Options {
        private final String[] names;

        private Options(String[] names) {
            this.names = names;
        }

        public static Options of(String... names) {
            return new Options(names.clone());
        }

        public List<String> strings() {
            return List.of(names);
        }

        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    // Scopes, as in Moshi.
    private static final int EMPTY_ARRAY = 1;
    private static final int NONEMPTY_ARRAY = 2;
    private static final int EMPTY_OBJECT = 3;
    private static final int DANGLING_NAME = 4;
    private static final int NONEMPTY_OBJECT = 5;
    private static final int EMPTY_DOCUMENT = 6;
    private static final int NONEMPTY_DOCUMENT = 7;

    private final byte[] buf;
    private final int end;
    private final TreeParser parser;
    private int[] scopes = new int[32];
    private String[] pathNames = new String[32];
    private int[] pathIndices = new int[32];
    private int stackSize = 1;
    /** The token peeked and not yet consumed, or null. */
    private Token peeked;
    /** Where the peeked value starts (its first byte). */
    private int valueStart;
    /** A name that {@link #selectName} did not find; consumed by {@link #skipName} or {@link #nextName}. */
    private String pendingName;
    private boolean peekedBoolean;

    private JsonCursor(byte[] buf) {
        this.buf = buf;
        this.end = buf.length;
        this.parser = new TreeParser(buf, 0, buf.length);
        scopes[0] = EMPTY_DOCUMENT;
    }

    /** A cursor over {@code utf8}, which it reads but never changes. */
    public static JsonCursor of(byte[] utf8) {
        return new JsonCursor(utf8);
    }

    public Token peek() throws JsonEncodingException {
        if (peeked == null) {
            try {
                peeked = doPeek();
            } catch (TreeParser.SyntaxException e) {
                throw syntax(e.getMessage());
            }
        }
        return peeked;
    }

    private Token doPeek() throws JsonEncodingException {
        int top = scopes[stackSize - 1];
        int c;
        switch (top) {
            case EMPTY_ARRAY -> {
                scopes[stackSize - 1] = NONEMPTY_ARRAY;
                c = nextNonWhitespace();
                if (c == ']') {
                    parser.pos++;
                    return Token.END_ARRAY;
                }
            }
            case NONEMPTY_ARRAY -> {
                c = nextNonWhitespace();
                if (c == ']') {
                    parser.pos++;
                    return Token.END_ARRAY;
                }
                if (c != ',') {
                    throw syntax("Unterminated array");
                }
                parser.pos++;
                c = nextNonWhitespace();
            }
            case EMPTY_OBJECT, NONEMPTY_OBJECT -> {
                scopes[stackSize - 1] = DANGLING_NAME;
                c = nextNonWhitespace();
                if (top == NONEMPTY_OBJECT) {
                    if (c == '}') {
                        parser.pos++;
                        return Token.END_OBJECT;
                    }
                    if (c != ',') {
                        throw syntax("Unterminated object");
                    }
                    parser.pos++;
                    c = nextNonWhitespace();
                }
                if (c == '"') {
                    parser.pos++;
                    return Token.NAME;
                }
                if (c == '}' && top == EMPTY_OBJECT) {
                    parser.pos++;
                    return Token.END_OBJECT;
                }
                throw syntax("Expected name");
            }
            case DANGLING_NAME -> {
                scopes[stackSize - 1] = NONEMPTY_OBJECT;
                if (nextNonWhitespace() != ':') {
                    throw syntax("Expected ':'");
                }
                parser.pos++;
                c = nextNonWhitespace();
            }
            case EMPTY_DOCUMENT -> {
                scopes[stackSize - 1] = NONEMPTY_DOCUMENT;
                c = nextNonWhitespace();
            }
            default -> {
                c = nextNonWhitespace();
                if (c == -1) {
                    return Token.END_DOCUMENT;
                }
                throw syntax("Expected the end of the document");
            }
        }
        if (c == -1) {
            throw syntax("End of input");
        }
        valueStart = parser.pos;
        switch (c) {
            case '{' -> {
                parser.pos++;
                return Token.BEGIN_OBJECT;
            }
            case '[' -> {
                parser.pos++;
                return Token.BEGIN_ARRAY;
            }
            case '"' -> {
                parser.pos++;
                return Token.STRING;
            }
            case 't', 'T' -> {
                parser.literal("true");
                peekedBoolean = true;
                return Token.BOOLEAN;
            }
            case 'f', 'F' -> {
                parser.literal("false");
                peekedBoolean = false;
                return Token.BOOLEAN;
            }
            case 'n', 'N' -> {
                parser.literal("null");
                return Token.NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    parser.scanNumber();
                    return Token.NUMBER;
                }
                throw syntax("Expected a value");
            }
        }
    }

    private int nextNonWhitespace() {
        parser.skipWhitespace();
        return parser.pos < end ? buf[parser.pos] : -1;
    }

    public boolean hasNext() throws JsonEncodingException {
        Token p = peek();
        return p != Token.END_OBJECT && p != Token.END_ARRAY && p != Token.END_DOCUMENT;
    }

    public void beginObject() throws JsonEncodingException {
        expectToken(Token.BEGIN_OBJECT);
        push(EMPTY_OBJECT);
        peeked = null;
    }

    public void endObject() throws JsonEncodingException {
        expectToken(Token.END_OBJECT);
        stackSize--;
        pathNames[stackSize] = null;
        valueDone();
    }

    public void beginArray() throws JsonEncodingException {
        expectToken(Token.BEGIN_ARRAY);
        push(EMPTY_ARRAY);
        pathIndices[stackSize - 1] = 0;
        peeked = null;
    }

    public void endArray() throws JsonEncodingException {
        expectToken(Token.END_ARRAY);
        stackSize--;
        valueDone();
    }

    /** The next name. */
    public String nextName() throws JsonEncodingException {
        String name = readName();
        pathNames[stackSize - 1] = name;
        return name;
    }

    /**
     * The index in {@code options} of the next name, consuming it; or -1, leaving it for
     * {@link #skipName()} or {@link #nextName()}.
     */
    public int selectName(Options options) throws JsonEncodingException {
        String name = pendingName != null ? pendingName : readName();
        int index = options.indexOf(name);
        if (index < 0) {
            pendingName = name;
            peeked = Token.NAME;
            return -1;
        }
        pendingName = null;
        pathNames[stackSize - 1] = name;
        return index;
    }

    public void skipName() throws JsonEncodingException {
        readName();
        pathNames[stackSize - 1] = "null";
    }

    private String readName() throws JsonEncodingException {
        if (pendingName != null) {
            String name = pendingName;
            pendingName = null;
            peeked = null;
            return name;
        }
        expectToken(Token.NAME);
        peeked = null;
        try {
            return parser.key();
        } catch (TreeParser.SyntaxException e) {
            throw syntax(e.getMessage());
        }
    }

    /** A string value; a number's text is a string too (as in Moshi). */
    public String nextString() throws JsonEncodingException {
        Token p = peek();
        String value;
        if (p == Token.STRING) {
            try {
                value = parser.string();
            } catch (TreeParser.SyntaxException e) {
                throw syntax(e.getMessage());
            }
        } else if (p == Token.NUMBER) {
            value = new String(buf, valueStart, parser.pos - valueStart, StandardCharsets.ISO_8859_1);
        } else {
            throw unexpected("a string", p);
        }
        valueDone();
        return value;
    }

    public boolean nextBoolean() throws JsonEncodingException {
        expectToken(Token.BOOLEAN);
        valueDone();
        return peekedBoolean;
    }

    public <T> T nextNull() throws JsonEncodingException {
        expectToken(Token.NULL);
        valueDone();
        return null;
    }

    /**
     * A whole number (as Moshi: {@code 5.0} is 5). A number that is not whole or does not fit is a
     * {@link JsonDataException} and stays unread.
     */
    public long nextLong() throws JsonEncodingException {
        Token p = peek();
        if (p != Token.NUMBER) {
            throw unexpected("a long", p);
        }
        String text = new String(buf, valueStart, parser.pos - valueStart, StandardCharsets.ISO_8859_1);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException notPlain) {
            try {
                value = new BigDecimal(text).longValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                throw new JsonDataException("Expected a long but was " + text + " at path " + getPath());
            }
        }
        valueDone();
        return value;
    }

    /** Skips the next value, checking its syntax as {@link #nextTree} would, building nothing. */
    public void skipValue() throws JsonEncodingException {
        startValue();
        try {
            parser.skip();
        } catch (TreeParser.SyntaxException e) {
            throw syntax(e.getMessage());
        }
        valueDone();
    }

    /** A value's exact text and some of its top-level fields: see {@link #nextFields}. */
    public record Fields(String json, Map<String, Object> fields) {
    }

    /**
     * The next value's exact text and, when it is an object, its top-level fields named in
     * {@code names}, parsed. The rest of it is checked exactly as {@link #nextRaw} checks it, but
     * not built, so an invalid value fails here as it would there. The fields are null when the
     * value is not an object.
     */
    public Fields nextFields(String[] names) throws JsonEncodingException {
        startValue();
        Map<String, Object> fields;
        try {
            fields = parser.someFields(names);
            if (fields == null) {
                parser.skip();
            }
        } catch (TreeParser.SyntaxException e) {
            throw syntax(e.getMessage());
        }
        valueDone();
        return new Fields(new String(buf, valueStart, parser.pos - valueStart, StandardCharsets.UTF_8), fields);
    }

    /** The next value as a tree ({@link JsonTree}'s kinds). */
    public Object nextTree() throws JsonEncodingException {
        return readTree();
    }

    /** The next value: its exact text, as sent, and its tree, read in one pass. */
    public RawJson nextRaw() throws JsonEncodingException {
        Object tree = readTree();
        return TrustedJson.of(new String(buf, valueStart, parser.pos - valueStart, StandardCharsets.UTF_8), tree);
    }

    private Object readTree() throws JsonEncodingException {
        startValue();
        Object tree;
        try {
            tree = parser.value();
        } catch (TreeParser.SyntaxException e) {
            throw syntax(e.getMessage());
        }
        valueDone();
        return tree;
    }

    /** Checks that a value comes next and puts the parser at its start. */
    private void startValue() throws JsonEncodingException {
        Token p = peek();
        if (p == Token.NAME || p == Token.END_ARRAY || p == Token.END_OBJECT || p == Token.END_DOCUMENT) {
            throw unexpected("a value", p);
        }
        parser.pos = valueStart;
    }

    private void valueDone() {
        peeked = null;
        pathIndices[stackSize - 1]++;
    }

    private void expectToken(Token token) throws JsonEncodingException {
        Token p = peek();
        if (p != token) {
            throw unexpected(token.name(), p);
        }
    }

    private void push(int scope) {
        if (stackSize == scopes.length) {
            if (stackSize == TreeParser.MAX_DEPTH + 1) {
                throw new JsonDataException("Nesting too deep at " + getPath());
            }
            scopes = Arrays.copyOf(scopes, stackSize * 2);
            pathNames = Arrays.copyOf(pathNames, stackSize * 2);
            pathIndices = Arrays.copyOf(pathIndices, stackSize * 2);
        }
        scopes[stackSize++] = scope;
    }

    /** Where the cursor is, in JSONPath-like form: {@code $.rooms.join.!a:b.timeline.events[3]}. */
    public String getPath() {
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < stackSize; i++) {
            switch (scopes[i]) {
                case EMPTY_ARRAY, NONEMPTY_ARRAY -> path.append('[').append(pathIndices[i]).append(']');
                case EMPTY_OBJECT, DANGLING_NAME, NONEMPTY_OBJECT -> {
                    path.append('.');
                    if (pathNames[i] != null) {
                        path.append(pathNames[i]);
                    }
                }
                default -> {
                }
            }
        }
        return path.toString();
    }

    private JsonDataException unexpected(String expected, Token actual) {
        return new JsonDataException("Expected " + expected + " but was " + actual + " at path " + getPath());
    }

    private JsonEncodingException syntax(String message) {
        return new JsonEncodingException(message + " at path " + getPath());
    }
}
