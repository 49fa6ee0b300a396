package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;
import java.util.Map;

/** {@code GET /_matrix/client/versions} answer. {@code versions} is required; null when missing. */
public record VersionsApi(@Json(name = "versions") List<String> versions,
                          @Json(name = "unstable_features") Map<String, Boolean> unstableFeatures) {
}
