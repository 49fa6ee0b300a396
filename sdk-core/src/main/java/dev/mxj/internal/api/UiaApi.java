package dev.mxj.internal.api;

import com.squareup.moshi.Json;

/** The User-Interactive Authentication {@code auth} dict a client sends. */
public final class UiaApi {
    private UiaApi() {
    }

    /**
     * One answer: {@code type} and {@code session}, plus the stage's fields. With only
     * {@code session}, it reports a stage completed out of band (fallback page, email link).
     */
    public record AuthDict(@Json(name = "type") String type,
                           @Json(name = "session") String session,
                           @Json(name = "identifier") LoginApi.Identifier identifier,
                           @Json(name = "password") String password,
                           @Json(name = "token") String token) {
        @Override
        public String toString() {
            return "UiaApi.AuthDict[type=" + type + ", secrets redacted]";
        }
    }
}
