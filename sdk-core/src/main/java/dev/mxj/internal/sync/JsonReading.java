package dev.mxj.internal.sync;

import com.squareup.moshi.JsonDataException;
import dev.mxj.internal.json.JsonCursor;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streaming helpers for the {@code /sync} parser. Inside a room a value of the wrong type is
 * skipped with a warning (one bad field must not block sync); syntax errors propagate as
 * {@link IOException} and make the whole response invalid.
 */
final class JsonReading {
    private static final Logger LOG = LoggerFactory.getLogger(JsonReading.class);
    private static final JsonCursor.Options EVENTS = JsonCursor.Options.of("events");

    private JsonReading() {
    }

    /**
     * True if the next value is a {@code token}; otherwise consumes it (null quietly, anything
     * else with a warning naming {@code what}) and returns false.
     */
    static boolean expect(JsonCursor reader, JsonCursor.Token token, String what) throws IOException {
        JsonCursor.Token actual = reader.peek();
        if (actual == token) {
            return true;
        }
        if (actual != JsonCursor.Token.NULL) {
            LOG.warn("Ignoring {} at {}: expected {} but was {}", what, reader.getPath(), token, actual);
        }
        reader.skipValue();
        return false;
    }

    /** The next value exactly as sent, kept as {@link RawJson} with the tree read from the same bytes. */
    static RawJson raw(JsonCursor reader) throws IOException {
        return reader.nextRaw();
    }

    /** Reads {@code {"events": [...]}}, handing each element's raw JSON to {@code sink}. */
    static void eventBatch(JsonCursor reader, String what, Consumer<RawJson> sink) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_OBJECT, what)) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.selectName(EVENTS) == 0) {
                eventArray(reader, what, sink);
            } else {
                reader.skipName();
                reader.skipValue();
            }
        }
        reader.endObject();
    }

    /** Reads an array of events, handing each element's raw JSON to {@code sink}. */
    static void eventArray(JsonCursor reader, String what, Consumer<RawJson> sink) throws IOException {
        eachEvent(reader, what, () -> sink.accept(raw(reader)));
    }

    /** Takes an event's exact text and some of its top-level fields (null if it is not an object). */
    @FunctionalInterface
    interface EnvelopeSink {
        void accept(String json, Map<String, Object> fields);
    }

    /**
     * Reads an array of events, handing each element's text and its top-level {@code names} fields
     * to {@code sink} ({@link JsonCursor#nextFields}): the rest of each event is checked, not built.
     */
    static void eventEnvelopes(JsonCursor reader, String what, String[] names, EnvelopeSink sink) throws IOException {
        eachEvent(reader, what, () -> {
            JsonCursor.Fields event = reader.nextFields(names);
            sink.accept(event.json(), event.fields());
        });
    }

    /** Reads one element of an event array. */
    @FunctionalInterface
    private interface ElementReader {
        void read() throws IOException;
    }

    /** Runs {@code element} for each element of the event array that comes next (skipped if not an array). */
    private static void eachEvent(JsonCursor reader, String what, ElementReader element) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_ARRAY, what + " events")) {
            return;
        }
        reader.beginArray();
        while (reader.hasNext()) {
            element.read();
        }
        reader.endArray();
    }

    /** An array of strings; other elements are skipped. Null if the value is not an array. */
    static List<String> strings(JsonCursor reader, String what) throws IOException {
        if (!expect(reader, JsonCursor.Token.BEGIN_ARRAY, what)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() == JsonCursor.Token.STRING) {
                out.add(reader.nextString());
            } else {
                reader.skipValue();
            }
        }
        reader.endArray();
        return out;
    }

    /** A whole number, or -1 if the value is anything else (which is skipped). */
    static long count(JsonCursor reader, String what) throws IOException {
        if (!expect(reader, JsonCursor.Token.NUMBER, what)) {
            return -1;
        }
        try {
            return Math.max(0, reader.nextLong());
        } catch (JsonDataException notWhole) {
            reader.skipValue();
            return -1;
        }
    }

    /** A string, or null if the value is anything else (which is skipped). */
    static String string(JsonCursor reader, String what) throws IOException {
        return expect(reader, JsonCursor.Token.STRING, what) ? reader.nextString() : null;
    }

    /** A boolean, or false if the value is anything else (which is skipped). */
    static boolean bool(JsonCursor reader, String what) throws IOException {
        return expect(reader, JsonCursor.Token.BOOLEAN, what) && reader.nextBoolean();
    }
}
