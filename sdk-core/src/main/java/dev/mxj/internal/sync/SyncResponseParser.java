package dev.mxj.internal.sync;

import com.squareup.moshi.JsonDataException;
import dev.mxj.InvalidResponseException;
import dev.mxj.event.EventRegistry;
import dev.mxj.internal.json.JsonCursor;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.mxj.internal.sync.JsonReading.count;
import static dev.mxj.internal.sync.JsonReading.eventBatch;
import static dev.mxj.internal.sync.JsonReading.strings;
import static dev.mxj.internal.sync.RoomsParser.object;

/**
 * Reads a {@code /sync} body in one pass over its bytes ({@link JsonCursor}), keeping each event's
 * raw JSON, building its tree once from the same bytes, and parsing its envelope once. A body that
 * is not JSON, lacks {@code next_batch}, or has a wrong type where the spec puts an object at the
 * top ({@code rooms}, {@code rooms.join}, ...) is an {@link InvalidResponseException}. Below that,
 * bad values are skipped and bad events are kept as {@link dev.mxj.event.MalformedEvent}.
 * Thread-safe.
 */
public final class SyncResponseParser {
    static final String ENDPOINT = "GET /_matrix/client/v3/sync";
    private static final Logger LOG = LoggerFactory.getLogger(SyncResponseParser.class);
    private static final JsonCursor.Options TOP = JsonCursor.Options.of("next_batch", "rooms", "presence",
            "account_data", "to_device", "device_lists", "device_one_time_keys_count",
            "device_unused_fallback_key_types", "org.matrix.msc2732.device_unused_fallback_key_types");
    private static final JsonCursor.Options DEVICE_LISTS = JsonCursor.Options.of("changed", "left");

    private final EventRegistry registry;
    private final RoomsParser rooms;

    public SyncResponseParser(EventRegistry registry) {
        this.registry = registry;
        this.rooms = new RoomsParser(registry);
    }

    /**
     * Parses a body; throws {@link InvalidResponseException} for an invalid top level. The body is
     * read whole first: the events are parsed straight from its bytes.
     */
    public SyncResponse parse(BufferedSource body) {
        long start = System.nanoTime();
        byte[] bytes;
        try {
            bytes = body.readByteArray();
        } catch (IOException e) {
            throw new InvalidResponseException(ENDPOINT + " answered a body that is not valid JSON (" + e.getMessage()
                    + "). This is a server or proxy problem; nothing of it was applied.", e);
        }
        long read = System.nanoTime();
        SyncResponse response = parse(bytes);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Read a sync response of {} bytes in {} ms, parsed it ({} rooms) in {} ms", bytes.length,
                    (read - start) / 1_000_000, response.roomCount(), (System.nanoTime() - read) / 1_000_000);
        }
        return response;
    }

    public SyncResponse parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private SyncResponse parse(byte[] body) {
        try {
            JsonCursor reader = JsonCursor.of(body);
            SyncResponse response = read(reader);
            if (reader.peek() != JsonCursor.Token.END_DOCUMENT) {
                throw invalid("has data after the JSON object");
            }
            return response;
        } catch (IOException | JsonDataException e) {
            throw new InvalidResponseException(ENDPOINT + " answered a body that is not valid JSON (" + e.getMessage()
                    + "). This is a server or proxy problem; nothing of it was applied.", e);
        }
    }

    private SyncResponse read(JsonCursor reader) throws IOException {
        if (reader.peek() != JsonCursor.Token.BEGIN_OBJECT) {
            throw invalid("is a JSON " + reader.peek() + ", not an object");
        }
        SyncResponse response = new SyncResponse();
        List<String> unstableFallback = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(TOP)) {
                case 0 -> {
                    if (reader.peek() != JsonCursor.Token.STRING) {
                        throw invalid("has a next_batch that is " + reader.peek() + ", not a string");
                    }
                    response.nextBatch = reader.nextString();
                }
                case 1 -> rooms.rooms(reader, response);
                case 2 -> {
                    if (object(reader, "presence")) {
                        eventBatch(reader, "presence", response.presence::add);
                    }
                }
                case 3 -> {
                    if (object(reader, "account_data")) {
                        eventBatch(reader, "account_data", raw -> registry.parseBasic(raw)
                                .ifPresent(response.accountData::add));
                    }
                }
                case 4 -> {
                    if (object(reader, "to_device")) {
                        eventBatch(reader, "to_device", raw -> registry.parseToDevice(raw).ifPresentOrElse(
                                response.toDevice::add,
                                () -> LOG.warn("Dropping a to-device event without type or valid sender")));
                    }
                }
                case 5 -> deviceLists(reader, response);
                case 6 -> oneTimeKeyCounts(reader, response);
                case 7 -> response.unusedFallbackKeyTypes = strings(reader, "device_unused_fallback_key_types");
                case 8 -> unstableFallback = strings(reader, "device_unused_fallback_key_types (unstable)");
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        if (response.nextBatch == null) {
            throw invalid("has no next_batch");
        }
        if (response.unusedFallbackKeyTypes == null) {
            response.unusedFallbackKeyTypes = unstableFallback;
        }
        return response;
    }

    private static void deviceLists(JsonCursor reader, SyncResponse response) throws IOException {
        if (!object(reader, "device_lists")) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            int field = reader.selectName(DEVICE_LISTS);
            if (field < 0) {
                reader.skipName();
                reader.skipValue();
                continue;
            }
            List<String> users = strings(reader, "device_lists." + DEVICE_LISTS.strings().get(field));
            if (users != null) {
                (field == 0 ? response.devicesChanged : response.devicesLeft).addAll(users);
            }
        }
        reader.endObject();
    }

    private static void oneTimeKeyCounts(JsonCursor reader, SyncResponse response) throws IOException {
        if (!object(reader, "device_one_time_keys_count")) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            String algorithm = reader.nextName();
            long n = count(reader, "device_one_time_keys_count." + algorithm);
            if (n >= 0) {
                response.oneTimeKeysCounts.put(algorithm, n);
            }
        }
        reader.endObject();
    }

    private static InvalidResponseException invalid(String what) {
        return new InvalidResponseException(ENDPOINT + " answered a body that " + what
                + ". This is a server or proxy problem; nothing of it was applied and the request will be retried.");
    }
}
