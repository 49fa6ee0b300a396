package dev.mxj.internal.api;

import com.squareup.moshi.Json;
import dev.mxj.id.UserId;

/** Bodies of {@code /join}, {@code /knock}, {@code /leave}, {@code /invite}, {@code /kick}, {@code /ban}, {@code /unban}. */
public final class MembershipApi {
    private MembershipApi() {
    }

    /** An optional reason ({@code /join}, {@code /knock}, {@code /leave}). */
    public record Reason(@Json(name = "reason") String reason) {
    }

    /** A target user and an optional reason. */
    public record UserReason(@Json(name = "user_id") UserId userId, @Json(name = "reason") String reason) {
    }
}
