package dev.mxj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.mxj.InvalidResponseException;
import dev.mxj.id.DeviceId;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomAlias;
import dev.mxj.id.RoomId;
import dev.mxj.id.ServerName;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * The one Moshi instance mxj uses. Endpoint records have nullable fields; public types turn those
 * into {@code Optional}. IDs are written as plain strings and validated when read.
 */
public final class Json {
    public static final Moshi MOSHI = new Moshi.Builder()
            .add(RawJson.class, new RawJsonAdapter().nullSafe())
            .add(UserId.class, stringAdapter(UserId::new, UserId::value))
            .add(DeviceId.class, stringAdapter(DeviceId::new, DeviceId::value))
            .add(ServerName.class, stringAdapter(ServerName::new, ServerName::value))
            .add(RoomId.class, stringAdapter(RoomId::new, RoomId::value))
            .add(EventId.class, stringAdapter(EventId::new, EventId::value))
            .add(RoomAlias.class, stringAdapter(RoomAlias::new, RoomAlias::value))
            .add(MxcUri.class, stringAdapter(MxcUri::new, MxcUri::value))
            .build();

    private Json() {
    }

    public static <T> JsonAdapter<T> adapter(Class<T> type) {
        return MOSHI.adapter(type);
    }

    /** Serialises a record (or tree) to JSON, leaving out null fields. */
    public static String write(Object value) {
        @SuppressWarnings("unchecked")
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter((Type) value.getClass());
        return adapter.toJson(value);
    }

    /**
     * Reads a response body into {@code type}.
     *
     * @throws InvalidResponseException if the body is not JSON of that shape; {@code what} names the
     *         endpoint in the message
     */
    public static <T> T read(BufferedSource source, Class<T> type, String what) {
        try {
            JsonReader reader = JsonReader.of(source);
            T value = MOSHI.adapter(type).fromJson(reader);
            if (value == null) {
                throw new InvalidResponseException(what + " answered JSON null where an object was expected.");
            }
            return value;
        } catch (JsonDataException | IOException | IllegalArgumentException e) {
            throw new InvalidResponseException(what + " answered a body that does not match the spec: "
                    + e.getMessage() + ". This is a server or proxy problem; report it to the server's admin.", e);
        }
    }

    public static <T> T read(String json, Class<T> type, String what) {
        return read(new Buffer().writeUtf8(json), type, what);
    }

    private static <T> JsonAdapter<T> stringAdapter(Function<String, T> parse, Function<T, String> format) {
        return new JsonAdapter<T>() {
            @Override
            public T fromJson(JsonReader reader) throws IOException {
                String text = reader.nextString();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw new JsonDataException(e.getMessage() + " at " + reader.getPath());
                }
            }

            @Override
            public void toJson(JsonWriter writer, T value) throws IOException {
                writer.value(format.apply(value));
            }
        }.nullSafe();
    }

    private static final class RawJsonAdapter extends JsonAdapter<RawJson> {
        @Override
        public RawJson fromJson(JsonReader reader) throws IOException {
            return RawJson.ofTree(JsonTree.read(reader));
        }

        @Override
        public void toJson(JsonWriter writer, RawJson value) throws IOException {
            JsonTree.write(writer, value.tree());
        }
    }
}
