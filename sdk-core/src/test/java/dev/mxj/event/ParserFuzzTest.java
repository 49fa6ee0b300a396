package dev.mxj.event;

import dev.mxj.internal.event.KnownContents;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutates the spec examples at random (seeded, so failures repeat): parsing must never throw, and
 * every result must be one of the documented values.
 */
class ParserFuzzTest {
    private static final long SEED = 20240611L;
    private static final int ROUNDS = 100;
    private static final Object[] ODD_VALUES = {null, true, -1L, 0L, 1.5, 1e300, "", "x", "@", "$", "!a:b",
            "mxc://x", " +050 ", List.of(), List.of("a", 1L), Map.of(), Map.of("k", List.of())};

    @Test
    void mutatedExamplesNeverThrow() {
        Random random = new Random(SEED);
        EventRegistry registry = EventRegistry.defaults();
        List<String> names = SpecExamples.names();
        int malformed = 0;
        int failed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String name : names) {
                Object tree = copy(SpecExamples.load(name).tree());
                int mutations = 1 + random.nextInt(3);
                for (int i = 0; i < mutations; i++) {
                    tree = mutate(tree, random);
                }
                RawJson raw = RawJson.ofTree(tree);
                SyncEvent event = registry.parseRoomEvent(raw);
                assertNotNull(event);
                if (event instanceof MalformedEvent) {
                    malformed++;
                } else if (((RoomEvent) event).content() instanceof FailedToParse) {
                    failed++;
                }
                registry.parseBasic(raw);
                registry.parseStripped(raw);
                registry.parseToDevice(raw);
            }
        }
        assertTrue(malformed > 0 && failed > 0, "the fuzzing reaches both outcomes");
    }

    @Test
    void everyKnownTypeSurvivesOddContent() {
        Random random = new Random(SEED);
        for (String type : KnownContents.types()) {
            for (int i = 0; i < 200; i++) {
                Map<String, Object> content = new LinkedHashMap<>();
                for (String key : List.of("membership", "name", "body", "msgtype", "url", "users", "ban", "via",
                        "m.relates_to", "ciphertext", "algorithm", "pinned", "user_ids", "tags", "event_id")) {
                    if (random.nextBoolean()) {
                        content.put(key, odd(random));
                    }
                }
                EventContent parsed = EventRegistry.defaults().parseContent(type, RawJson.ofTree(content));
                assertEquals(type, parsed.type());
            }
        }
    }

    /** Replaces, removes or adds one value somewhere in {@code tree}. */
    @SuppressWarnings("unchecked")
    private static Object mutate(Object tree, Random random) {
        if (tree instanceof Map<?, ?> map && !map.isEmpty() && random.nextInt(4) != 0) {
            Map<String, Object> m = (Map<String, Object>) map;
            List<String> keys = new ArrayList<>(m.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(3)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(key, odd(random));
                default -> m.put(key, mutate(m.get(key), random));
            }
            return m;
        }
        if (tree instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
            List<Object> l = (List<Object>) list;
            int i = random.nextInt(l.size());
            l.set(i, mutate(l.get(i), random));
            return l;
        }
        return random.nextInt(5) == 0 ? copy(odd(random)) : tree;
    }

    private static Object odd(Random random) {
        return copy(ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
    }

    /** A mutable deep copy of a JSON tree. */
    private static Object copy(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return tree;
    }
}
