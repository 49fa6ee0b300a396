package dev.mxj.auth;

import dev.mxj.id.DeviceId;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Auth#register} asks for. Immutable; start with {@link #of(String, String)} (or
 * {@link #create()} to let the server pick the user name) and adjust with the {@code with...}
 * methods. {@link #toString()} never shows the password.
 *
 * @param username                 the wanted localpart; the server may map it (e.g. lower-case
 *                                 it), so read the real ID from {@link RegistrationResult#userId()}
 * @param password                 the account's password
 * @param deviceId                 the ID of the device to create; the server picks one when empty
 * @param initialDeviceDisplayName the new device's display name
 * @param inhibitLogin             register without logging in: no session is created
 * @param requestRefreshToken      ask for a refresh token (default true)
 */
public record RegistrationRequest(Optional<String> username, Optional<String> password,
                                  Optional<DeviceId> deviceId, Optional<String> initialDeviceDisplayName,
                                  boolean inhibitLogin, boolean requestRefreshToken) {

    public RegistrationRequest {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(initialDeviceDisplayName, "initialDeviceDisplayName");
    }

    /** An account with this user name (localpart) and password. */
    public static RegistrationRequest of(String username, String password) {
        return create().withUsername(username).withPassword(password);
    }

    /** Nothing set: the server picks the user name, and the account has no password. */
    public static RegistrationRequest create() {
        return new RegistrationRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, true);
    }

    public RegistrationRequest withUsername(String name) {
        return new RegistrationRequest(Optional.of(name), password, deviceId, initialDeviceDisplayName,
                inhibitLogin, requestRefreshToken);
    }

    public RegistrationRequest withPassword(String secret) {
        return new RegistrationRequest(username, Optional.of(secret), deviceId, initialDeviceDisplayName,
                inhibitLogin, requestRefreshToken);
    }

    public RegistrationRequest withDeviceId(DeviceId id) {
        return new RegistrationRequest(username, password, Optional.of(id), initialDeviceDisplayName,
                inhibitLogin, requestRefreshToken);
    }

    public RegistrationRequest withInitialDeviceDisplayName(String name) {
        return new RegistrationRequest(username, password, deviceId, Optional.of(name),
                inhibitLogin, requestRefreshToken);
    }

    /** True to create the account without logging in (no session, no device). */
    public RegistrationRequest withInhibitLogin(boolean inhibit) {
        return new RegistrationRequest(username, password, deviceId, initialDeviceDisplayName,
                inhibit, requestRefreshToken);
    }

    public RegistrationRequest withRequestRefreshToken(boolean request) {
        return new RegistrationRequest(username, password, deviceId, initialDeviceDisplayName,
                inhibitLogin, request);
    }

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username.orElse("<server picks>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "none")
                + ", deviceId=" + deviceId.map(DeviceId::value).orElse("<server picks>")
                + ", initialDeviceDisplayName=" + initialDeviceDisplayName.orElse("none")
                + ", inhibitLogin=" + inhibitLogin + ", requestRefreshToken=" + requestRefreshToken + "]";
    }
}
