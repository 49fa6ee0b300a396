package dev.mxj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import okio.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and writes untyped JSON trees, keeping key order and telling integers from decimals. */
public final class JsonTree {
    private JsonTree() {
    }

    /** Parses one JSON value; see {@link TreeParser}. */
    public static Object parse(String json) {
        return TreeParser.parse(json);
    }

    public static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    map.put(reader.nextName(), read(reader));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                String text = reader.nextString();
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException notLong) {
                    // Exact, and never infinite: 1e400 or a 30-digit integer survive a round trip.
                    return new java.math.BigDecimal(text);
                }
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                return reader.nextNull();
            }
            default -> throw new JsonEncodingException("Unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    public static String write(Object tree) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            write(writer, tree);
        } catch (IOException e) {
            throw new IllegalStateException("Writing JSON to memory failed", e);
        }
        return buffer.readUtf8();
    }

    public static void write(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writer.name(String.valueOf(e.getKey()));
                write(writer, e.getValue());
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object element : list) {
                write(writer, element);
            }
            writer.endArray();
        } else if (value instanceof String s) {
            writer.value(s);
        } else if (value instanceof Boolean b) {
            writer.value(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writer.value(((Number) value).longValue());
        } else if (value instanceof Number n) {
            writer.value(n);
        } else {
            throw new IllegalArgumentException("Not a JSON tree value: " + value.getClass().getName());
        }
    }

    /** A Moshi adapter that reads any JSON value as a tree. */
    public static final JsonAdapter<Object> ADAPTER = new JsonAdapter<>() {
        @Override
        public Object fromJson(JsonReader reader) throws IOException {
            return read(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
            write(writer, value);
        }
    };
}
