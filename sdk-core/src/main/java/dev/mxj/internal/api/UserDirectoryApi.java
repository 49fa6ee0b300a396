package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;

/** {@code POST /_matrix/client/v3/user_directory/search}. */
public final class UserDirectoryApi {
    private UserDirectoryApi() {
    }

    /** The body; {@code limit} is left out (server default 10) when null. */
    public record Request(@Json(name = "search_term") String searchTerm,
                          @Json(name = "limit") Integer limit) {
    }

    /** The answer. Users are read as strings so that one bad entry does not fail the rest. */
    public record Response(@Json(name = "results") List<User> results,
                           @Json(name = "limited") Boolean limited) {
    }

    /** One user found. */
    public record User(@Json(name = "user_id") String userId,
                       @Json(name = "display_name") String displayName,
                       @Json(name = "avatar_url") String avatarUrl) {
    }
}
