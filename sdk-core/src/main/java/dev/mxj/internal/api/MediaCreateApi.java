package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.MxcUri;

/** {@code POST /_matrix/media/v1/create} answer. {@code content_uri} is required; null when missing. */
public record MediaCreateApi(@Json(name = "content_uri") MxcUri contentUri,
                             @Json(name = "unused_expires_at") Long unusedExpiresAt) {
}
