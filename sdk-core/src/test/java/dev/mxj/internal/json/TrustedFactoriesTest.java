package dev.mxj.internal.json;

import dev.mxj.event.EventRegistry;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.internal.event.Envelopes;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factories that trust their caller's parser stay out of the public API and do what they say. */
class TrustedFactoriesTest {
    @Test
    void rawJsonPublicFactoriesCheckOrWriteTheirInput() {
        Set<String> factories = Arrays.stream(RawJson.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == RawJson.class)
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("emptyObject", "ofTree", "parse"), factories);
    }

    @Test
    void eventRegistryPublicMethodsTakeNoUncheckedText() {
        for (Method method : EventRegistry.class.getMethods()) {
            assertTrue(!method.getName().equals("envelopeFields"), "envelopeFields is internal");
            assertTrue(!Arrays.asList(method.getParameterTypes()).contains(Map.class),
                    () -> "public method takes a parsed envelope: " + method);
        }
    }

    @Test
    void trustedValueKeepsTheTextAndTreeItWasGiven() {
        String text = "{\"a\": [1, 2]}";
        Object tree = TreeParser.parse(text);
        RawJson raw = TrustedJson.of(text, tree);
        assertSame(text, raw.json());
        assertSame(tree, raw.tree());
    }

    @Test
    void validTextIsParsedWhenFirstRead() {
        String text = "{\"type\": \"m.room.message\", \"content\": {\"body\": \"hi\"}}";
        RawJson raw = TrustedJson.ofValidText(text);
        assertSame(text, raw.json());
        assertEquals(RawJson.parse(text).tree(), raw.tree());
        assertEquals("hi", raw.object("content").flatMap(c -> c.string("body")).orElseThrow());
    }

    @Test
    void envelopeParseMatchesTheWholeParse() {
        String text = "{\"type\": \"m.room.message\", \"event_id\": \"$e\", \"sender\": \"@a:example.org\","
                + " \"origin_server_ts\": 7, \"content\": {\"msgtype\": \"m.text\", \"body\": \"hi\"}}";
        Map<String, Object> envelope = Map.of("type", "m.room.message", "event_id", "$e",
                "sender", "@a:example.org", "origin_server_ts", 7L);
        RoomEvent partial = assertInstanceOf(RoomEvent.class,
                Envelopes.parse(EventRegistry.defaults(), text, envelope));
        assertEquals(EventRegistry.defaults().parseRoomEvent(RawJson.parse(text)), partial);
        assertInstanceOf(MalformedEvent.class, Envelopes.parse(EventRegistry.defaults(), "[1]", null));
    }

    @Test
    void factoriesAreInstalledOnce() {
        RawJson.emptyObject();
        EventRegistry.defaults();
        assertThrows(IllegalStateException.class, () -> TrustedJson.install(new TrustedJson.Factory() {
            @Override
            public RawJson of(String json, Object tree) {
                throw new AssertionError();
            }

            @Override
            public RawJson ofValidText(String json) {
                throw new AssertionError();
            }
        }));
        assertThrows(IllegalStateException.class, () -> Envelopes.install((registry, json, envelope) -> {
            throw new AssertionError();
        }));
    }
}
