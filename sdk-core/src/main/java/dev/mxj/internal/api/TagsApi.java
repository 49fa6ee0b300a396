package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** Body of {@code PUT /_matrix/client/v3/user/{userId}/rooms/{roomId}/tags/{tag}}. */
public final class TagsApi {
    private TagsApi() {
    }

    /** The tag's details; {@code order} is left out when null. */
    public record Tag(@Json(name = "order") Double order) {
    }
}
