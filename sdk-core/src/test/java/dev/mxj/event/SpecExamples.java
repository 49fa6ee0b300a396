package dev.mxj.event;

import dev.mxj.json.RawJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The spec's example events, under src/test/resources/spec-examples/events (see its README). */
final class SpecExamples {
    private static final String DIR = "/spec-examples/events/";

    private SpecExamples() {
    }

    /** The example {@code name} (the file name without {@code .json}). */
    static RawJson load(String name) {
        try (InputStream in = Objects.requireNonNull(SpecExamples.class.getResourceAsStream(DIR + name + ".json"),
                "no example " + name)) {
            return RawJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of every example. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(Path.of(Objects.requireNonNull(SpecExamples.class.getResource(DIR)).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example parsed as a room event; fails if its envelope is not one. */
    static RoomEvent roomEvent(String name) {
        SyncEvent event = EventRegistry.defaults().parseRoomEvent(load(name));
        if (event instanceof RoomEvent room) {
            return room;
        }
        throw new AssertionError(name + " is not a well-formed room event: " + event);
    }

    /** The example's content, typed; fails if it is not a {@code T}. */
    static <T extends EventContent> T content(String name, Class<T> type) {
        RawJson raw = load(name);
        EventContent content = EventRegistry.defaults().parseContent(raw.string("type").orElseThrow(),
                raw.object("content").orElseThrow());
        if (!type.isInstance(content)) {
            throw new AssertionError(name + " parsed to " + content + ", expected a " + type.getSimpleName());
        }
        return type.cast(content);
    }

    /** JSON written with single quotes, for short literals in tests. */
    static RawJson json(String singleQuoted) {
        return RawJson.parse(singleQuoted.replace('\'', '"'));
    }
}
