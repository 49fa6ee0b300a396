package dev.mxj.account;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Optional;

/**
 * The answer of {@code GET /account/whoami}.
 *
 * @param userId   whom the access token belongs to
 * @param deviceId the token's device, when it has one (application services may not)
 * @param isGuest  true for a guest account
 */
public record WhoAmI(UserId userId, Optional<DeviceId> deviceId, boolean isGuest) {
}
