package dev.mxj.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code m.room_versions} capability: which room versions the server can create and join.
 *
 * @param defaultVersion the version the server uses for new rooms
 * @param available      every version the server supports, with its stability
 */
public record RoomVersions(String defaultVersion, Map<String, Stability> available) {
    /** How settled a room version is. Clients should prefer stable versions. */
    public enum Stability {
        /** Part of the spec and safe to use. */
        STABLE,
        /** Experimental, or a stability mxj does not know. */
        UNSTABLE
    }

    public RoomVersions {
        Objects.requireNonNull(defaultVersion, "defaultVersion");
        available = Collections.unmodifiableMap(new LinkedHashMap<>(available));
    }

    /** What the spec says to assume when the server sends no {@code m.room_versions}: only "1", stable. */
    public static RoomVersions specDefault() {
        return new RoomVersions("1", Map.of("1", Stability.STABLE));
    }

    /** The stability of {@code version}, if the server supports it. */
    public Optional<Stability> stability(String version) {
        return Optional.ofNullable(available.get(version));
    }

    /** True if the server supports {@code version} and calls it stable. */
    public boolean isStable(String version) {
        return available.get(version) == Stability.STABLE;
    }
}
