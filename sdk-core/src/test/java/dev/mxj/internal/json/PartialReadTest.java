package dev.mxj.internal.json;

import dev.mxj.event.EventRegistry;
import dev.mxj.internal.event.Envelopes;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link JsonCursor#nextFields} and {@link JsonCursor#skipValue} check a value without building it:
 * they must accept and reject exactly what {@link JsonCursor#nextRaw} does, leave the cursor at the
 * same place, and give the same text and the same named fields. Checked on seeded mutations of
 * events, and on the room events made from them.
 */
class PartialReadTest {
    private static final String[] NAMES = Envelopes.fields();
    private static final String[] EVENTS = {
        "{\"type\":\"m.room.message\",\"event_id\":\"$e1_2\",\"sender\":\"@u:x\",\"origin_server_ts\":1700000000000,"
            + "\"unsigned\":{\"age\":12,\"transaction_id\":\"t\"},\"content\":{\"msgtype\":\"m.text\","
            + "\"body\":\"h\\\"i \\u00e9 \u4e2d\",\"n\":[1.5,-0,true,false,null,1e400,123456789012345678901]}}",
        "{\"content\":{\"membership\":\"join\",\"displayname\":\"A\"},\"state_key\":\"@a:x\",\"type\":\"m.room.member\","
            + "\"sender\":\"@a:x\",\"event_id\":\"$m\",\"origin_server_ts\":1.5e12,\"type\":\"m.room.member\"}",
        "{\"type\":\"m.room.name\",\"state_key\":null,\"event_id\":\"$n\",\"sender\":\"@a:x\",\"content\":{}}",
        "[{\"type\":\"x\"}]",
    };

    @Test
    void mutatedEventsReadTheSameAsWhole() throws IOException {
        Random random = new Random(20261127);
        EventRegistry registry = EventRegistry.defaults();
        int valid = 0;
        for (int i = 0; i < 40_000; i++) {
            String json = Mutations.mutate(random, EVENTS[random.nextInt(EVENTS.length)], random.nextInt(4));
            String body = "[" + json + ", 7]";
            Object whole = read(body, 0);
            assertEquals(whole instanceof String ? whole : "skipped", read(body, 1), body);
            Object partial = read(body, 2);
            if (whole instanceof String error) {
                assertEquals(error, partial, body);
                continue;
            }
            valid++;
            RawJson raw = (RawJson) whole;
            JsonCursor.Fields fields = (JsonCursor.Fields) partial;
            assertEquals(raw.json(), fields.json(), body);
            if (raw.tree() instanceof Map<?, ?> map) {
                Map<Object, Object> named = new LinkedHashMap<>();
                for (String name : NAMES) {
                    if (map.containsKey(name)) {
                        named.put(name, map.get(name));
                    }
                }
                assertEquals(named, fields.fields(), body);
            } else {
                assertNull(fields.fields(), body);
            }
            assertEquals(registry.parseRoomEvent(raw), Envelopes.parse(registry, fields.json(), fields.fields()), body);
        }
        // Enough of both kinds for the comparison to mean something.
        assertEquals(true, valid > 8_000 && valid < 36_000, "valid: " + valid);
    }

    /** Reads {@code [value, 7]}: 0 whole, 1 skipped, 2 partly; then the 7. An error's message, if any. */
    private static Object read(String body, int how) {
        JsonCursor cursor = JsonCursor.of(body.getBytes(StandardCharsets.UTF_8));
        try {
            cursor.beginArray();
            Object value;
            switch (how) {
                case 0 -> value = cursor.nextRaw();
                case 1 -> {
                    cursor.skipValue();
                    value = null;
                }
                default -> value = cursor.nextFields(NAMES);
            }
            assertEquals(7L, cursor.nextLong());
            cursor.endArray();
            return how == 1 ? "skipped" : value;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
