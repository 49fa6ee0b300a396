package dev.mxj.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.mxj.json.RawJson;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link TreeParser} and {@link JsonCursor} replace Moshi on sync's hot path: they must accept
 * exactly what mxj's strict Moshi reader accepts and build equal trees. Checked against Moshi on
 * edge cases and on many generated and mutated documents (fixed seeds).
 */
class TreeParserTest {
    private static final String EVENT = "{\"type\":\"m.room.message\",\"event_id\":\"$e1_2\",\"sender\":\"@u:x\","
            + "\"origin_server_ts\":1700000000000,\"unsigned\":{\"age\":12},\"content\":{\"msgtype\":\"m.text\","
            + "\"body\":\"h\\\"i \\u00e9 \u4e2d\",\"n\":[1.5,-0,true,false,null,1e400,123456789012345678901]}}";

    @Test
    void edgeCasesMatchMoshi() {
        String[] cases = {"TRUE", "nulL", "[1,]", "{\"a\":1,}", "\"a\nb\"", "\"\\'\"", "\"\\\n\"", "-0", "1E2",
            "[01]", "1.", ".5", "\"\u0001\"", "[true false]", "{\"a\" 1}", "nul", "truex", "[-]", "[1e]", "",
            "  ", "{", "[", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u00e9\\uD83D\"", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "1.5e+10", "{\"a\":1,\"a\":2,\"b\":[]}", "{\"k\":{}}  ",
            "1 2", "[1,2]x", "{'a':1}", "[NaN]", "[0x10]", "[+1]", "{\"\\u0061\":1,\"a\":2}", EVENT,
            "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"a\":10}"};
        for (String json : cases) {
            assertSameAsMoshi(json);
        }
    }

    @Test
    void mutatedEventsMatchMoshi() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsMoshi(Mutations.mutate(random, EVENT, 1 + random.nextInt(3)));
        }
    }

    @Test
    void generatedStringsOfEveryLengthMatchMoshi() {
        Random random = new Random(11);
        String[] pieces = {"a", "Z", "0", " ", "_", ":", "@", "$", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9",
            "\\ud83d\\ude00", "\u00e9", "\u4e2d", "\ud83d\ude00", "\u0001", "\t"};
        for (int i = 0; i < 5_000; i++) {
            StringBuilder json = new StringBuilder("{");
            for (int f = random.nextInt(12); f > 0; f--) {
                json.append('"').append(text(random, pieces, random.nextInt(45))).append("\":");
                json.append(random.nextBoolean() ? "\"" + text(random, pieces, random.nextInt(70)) + "\""
                        : Long.toString(random.nextLong() >> random.nextInt(64)));
                json.append(f > 1 ? "," : "");
            }
            assertSameAsMoshi(json.append('}').toString());
        }
    }

    @Test
    void theCursorKeepsEachValuesExactTextAndTree() throws IOException {
        String body = "{\"events\": [ " + EVENT + " , {\"type\" : \"x\" ,\n \"n\": [1, 2.50]}, \"not an object\",7 ]}";
        JsonCursor cursor = JsonCursor.of(body.getBytes(StandardCharsets.UTF_8));
        cursor.beginObject();
        assertEquals("events", cursor.nextName());
        cursor.beginArray();
        List<RawJson> values = new ArrayList<>();
        while (cursor.hasNext()) {
            values.add(cursor.nextRaw());
        }
        cursor.endArray();
        cursor.endObject();
        assertEquals(JsonCursor.Token.END_DOCUMENT, cursor.peek());
        assertEquals(List.of(EVENT, "{\"type\" : \"x\" ,\n \"n\": [1, 2.50]}", "\"not an object\"", "7"),
                values.stream().map(RawJson::json).toList());
        for (RawJson value : values) {
            assertEquals(moshi(value.json()), value.tree());
        }
    }

    @Test
    void objectsAreReadOnlyAndEqualToMaps() {
        Object tree = TreeParser.parse("{\"b\":1,\"a\":[true]}");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("b", 1L);
        expected.put("a", List.of(true));
        assertEquals(expected, tree);
        assertEquals(tree, expected);
        assertEquals(expected.hashCode(), tree.hashCode());
        assertEquals(expected.toString(), tree.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", 2L));
    }

    private static String text(Random random, String[] pieces, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(pieces[random.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    private static void assertSameAsMoshi(String json) {
        Object expected;
        try {
            expected = moshi(json);
        } catch (IOException | JsonDataException | IllegalArgumentException rejected) {
            assertThrows(IllegalArgumentException.class, () -> TreeParser.parse(json), () -> "accepted " + json);
            return;
        }
        Object actual;
        try {
            actual = TreeParser.parse(json);
        } catch (IllegalArgumentException e) {
            fail("rejected " + json + ": " + e.getMessage());
            return;
        }
        assertEquals(expected, actual, json);
        assertEquals(Objects.hashCode(expected), Objects.hashCode(actual), json);
        assertEquals(String.valueOf(expected), String.valueOf(actual), json);
        assertTrue(RawJson.parse(json).equals(RawJson.ofTree(expected)), json);
    }

    /** The reference: what mxj parsed with before, Moshi's strict reader and {@link JsonTree#read}. */
    private static Object moshi(String json) throws IOException {
        JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
        Object value = JsonTree.read(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
            throw new IllegalArgumentException("trailing data");
        }
        return value;
    }
}
