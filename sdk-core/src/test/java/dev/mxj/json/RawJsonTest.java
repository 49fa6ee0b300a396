package dev.mxj.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawJsonTest {
    private final RawJson json = RawJson.parse("{\"s\":\"text\",\"n\":42,\"d\":1.5,\"b\":true,\"o\":{\"k\":\"v\"},"
            + "\"a\":[1,\"two\",{\"x\":3}],\"nul\":null,\"big\":9007199254740993}");

    @Test
    void typedGetters() {
        assertEquals("text", json.string("s").orElseThrow());
        assertEquals(42L, json.longValue("n").orElseThrow());
        assertEquals(1.5, json.doubleValue("d").orElseThrow());
        assertTrue(json.longValue("d").isEmpty(), "1.5 is not a whole number");
        assertTrue(json.bool("b").orElseThrow());
        assertEquals("v", json.object("o").orElseThrow().string("k").orElseThrow());
        assertEquals(3, json.array("a").size());
        assertEquals(List.of("two"), json.strings("a"));
        assertEquals(9007199254740993L, json.longValue("big").orElseThrow(), "integers keep full precision");
    }

    @Test
    void wrongTypesAndAbsentKeysAreEmpty() {
        assertTrue(json.string("n").isEmpty());
        assertTrue(json.bool("s").isEmpty());
        assertTrue(json.object("a").isEmpty());
        assertTrue(json.array("o").isEmpty());
        assertTrue(json.string("missing").isEmpty());
        assertTrue(json.has("nul"));
        assertFalse(json.has("missing"));
        assertTrue(json.string("nul").isEmpty());
    }

    @Test
    void keysKeepOrderAndUnknownFieldsSurviveARoundTrip() {
        assertEquals(Set.of("s", "n", "d", "b", "o", "a", "nul", "big"), json.keys());
        RawJson again = RawJson.parse(RawJson.ofTree(json.tree()).json());
        assertEquals(json, again);
        assertEquals(json.hashCode(), again.hashCode());
    }

    @Test
    void invalidJsonIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawJson.parse("{\"a\":"));
        assertTrue(e.getMessage().startsWith("Not valid JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RawJson.parse("{} trailing"));
    }

    @Test
    void hugeAndPreciseNumbersSurviveARoundTrip() {
        RawJson odd = RawJson.parse("{\"inf\":1e400,\"big\":123456789012345678901234567890,\"d\":0.1}");
        RawJson again = RawJson.parse(RawJson.ofTree(odd.tree()).json());
        assertEquals(odd, again);
        assertTrue(again.json().contains("123456789012345678901234567890"), again.json());
        assertTrue(odd.longValue("big").isEmpty(), "does not fit a long");
        assertTrue(odd.longValue("inf").isEmpty());
        assertEquals(0.1, odd.doubleValue("d").orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, odd.doubleValue("inf").orElseThrow());
    }

    @Test
    void nonObjects() {
        RawJson s = RawJson.parse("\"hi\"");
        assertFalse(s.isObject());
        assertEquals("hi", s.asString().orElseThrow());
        assertTrue(s.keys().isEmpty());
    }
}
