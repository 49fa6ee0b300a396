package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.MxcUri;

/** {@code POST /_matrix/media/v3/upload} answer. {@code content_uri} is required; null when missing. */
public record MediaUploadApi(@Json(name = "content_uri") MxcUri contentUri) {
}
