package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;

/** {@code /_matrix/client/v3/account/3pid} and its sub-paths. */
public final class ThirdPartyIdsApi {
    private ThirdPartyIdsApi() {
    }

    /** {@code GET /account/3pid} answer; some servers send {@code "threepids": null} for none. */
    public record ListResponse(@Json(name = "threepids") List<ThreePid> threepids) {
    }

    /** One identifier on the account. */
    public record ThreePid(@Json(name = "medium") String medium,
                           @Json(name = "address") String address,
                           @Json(name = "validated_at") Long validatedAt,
                           @Json(name = "added_at") Long addedAt) {
    }

    /** {@code POST /account/3pid/add} body. */
    public record Add(@Json(name = "client_secret") String clientSecret,
                      @Json(name = "sid") String sid,
                      @Json(name = "auth") UiaApi.AuthDict auth) {
        @Override
        public String toString() {
            return "ThirdPartyIdsApi.Add[sid=" + sid + ", secrets redacted]";
        }
    }

    /** {@code POST /account/3pid/bind} body. */
    public record Bind(@Json(name = "client_secret") String clientSecret,
                       @Json(name = "id_server") String idServer,
                       @Json(name = "id_access_token") String idAccessToken,
                       @Json(name = "sid") String sid) {
        @Override
        public String toString() {
            return "ThirdPartyIdsApi.Bind[idServer=" + idServer + ", sid=" + sid + ", secrets redacted]";
        }
    }

    /** {@code POST /account/3pid/delete} and {@code /account/3pid/unbind} body. */
    public record Remove(@Json(name = "medium") String medium,
                         @Json(name = "address") String address,
                         @Json(name = "id_server") String idServer) {
    }

    /** The answer of delete and unbind. */
    public record RemoveResponse(@Json(name = "id_server_unbind_result") String idServerUnbindResult) {
    }

    /** {@code POST /account/3pid/email/requestToken} body. */
    public record EmailTokenRequest(@Json(name = "client_secret") String clientSecret,
                                    @Json(name = "email") String email,
                                    @Json(name = "send_attempt") Integer sendAttempt) {
        @Override
        public String toString() {
            return "ThirdPartyIdsApi.EmailTokenRequest[sendAttempt=" + sendAttempt + ", secrets redacted]";
        }
    }

    /** The answer of a requestToken call. */
    public record TokenResponse(@Json(name = "sid") String sid,
                                @Json(name = "submit_url") String submitUrl) {
    }
}
