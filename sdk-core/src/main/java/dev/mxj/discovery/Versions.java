package dev.mxj.discovery;

import dev.mxj.json.RawJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET /_matrix/client/versions}.
 *
 * @param versions         the spec versions the server supports, as it lists them
 *                         ({@code "v1.11"}, or {@code "r0.6.1"} for old ones)
 * @param unstableFeatures namespaced experimental features, each enabled or not; a feature that is
 *                         not listed is not supported
 * @param raw              the whole answer, with any fields this version does not model
 */
public record Versions(List<String> versions, Map<String, Boolean> unstableFeatures, RawJson raw) {
    public Versions {
        versions = List.copyOf(versions);
        unstableFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(unstableFeatures));
        Objects.requireNonNull(raw, "raw");
    }

    /** True if the server lists exactly this spec version, e.g. {@code supports("v1.2")}. */
    public boolean supports(String specVersion) {
        return versions.contains(specVersion);
    }

    /** True if the server lists this unstable feature as enabled; false if disabled or unlisted. */
    public boolean isFeatureEnabled(String feature) {
        return Boolean.TRUE.equals(unstableFeatures.get(feature));
    }
}
