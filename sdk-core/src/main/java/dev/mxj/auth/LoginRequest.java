package dev.mxj.auth;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Auth#login(LoginRequest)} sends: a credential and device options. Immutable; start
 * with {@link #password(String, String)} or {@link #token(String)} and adjust with the
 * {@code with...} methods. {@link #toString()} never shows the password or token.
 *
 * <pre>{@code
 * LoginRequest.password("alice", "secret")
 *         .withInitialDeviceDisplayName("My bot")
 *         .withDeviceId(DeviceId.of("BOTDEVICE"));
 * }</pre>
 *
 * @param credential               how the user proves who they are
 * @param deviceId                 log in to this existing device (keeps its keys), or create a
 *                                 device with this ID; the server picks one when empty
 * @param initialDeviceDisplayName the name of a newly created device
 * @param requestRefreshToken      ask for a refresh token (default true: mxj refreshes access
 *                                 tokens before they expire)
 */
public record LoginRequest(Credential credential, Optional<DeviceId> deviceId,
                           Optional<String> initialDeviceDisplayName, boolean requestRefreshToken) {

    public LoginRequest {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(initialDeviceDisplayName, "initialDeviceDisplayName");
    }

    /** A login credential: the spec's login {@code type} and its fields. */
    public sealed interface Credential {
        /** The login type, e.g. {@code m.login.password}. */
        String loginType();
    }

    /** {@code m.login.password}: an identifier and a password. */
    public record Password(UserIdentifier identifier, String password) implements Credential {
        public Password {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String loginType() {
            return "m.login.password";
        }

        @Override
        public String toString() {
            return "Password[identifier=" + identifier + ", password=<redacted>]";
        }
    }

    /** {@code m.login.token}: a short-lived login token, e.g. from SSO or another device. */
    public record Token(String token) implements Credential {
        public Token {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("A login token cannot be empty.");
            }
        }

        @Override
        public String loginType() {
            return "m.login.token";
        }

        @Override
        public String toString() {
            return "Token[token=<redacted>]";
        }
    }

    /** Password login for any identifier (user, third-party ID, phone). */
    public static LoginRequest password(UserIdentifier identifier, String password) {
        return of(new Password(identifier, password));
    }

    /** Password login by full user ID ({@code @alice:example.org}) or localpart ({@code alice}). */
    public static LoginRequest password(String userIdOrLocalpart, String password) {
        return password(UserIdentifier.user(userIdOrLocalpart), password);
    }

    /** Password login by full user ID. */
    public static LoginRequest password(UserId userId, String password) {
        return password(UserIdentifier.user(userId), password);
    }

    /** Token login ({@code m.login.token}), e.g. after single sign-on. */
    public static LoginRequest token(String loginToken) {
        return of(new Token(loginToken));
    }

    private static LoginRequest of(Credential credential) {
        return new LoginRequest(credential, Optional.empty(), Optional.empty(), true);
    }

    /** Logs in to this device: an existing one keeps its keys; an unknown ID creates it. */
    public LoginRequest withDeviceId(DeviceId id) {
        return new LoginRequest(credential, Optional.of(id), initialDeviceDisplayName, requestRefreshToken);
    }

    /** The display name of the device, if the login creates one. */
    public LoginRequest withInitialDeviceDisplayName(String name) {
        return new LoginRequest(credential, deviceId, Optional.of(name), requestRefreshToken);
    }

    /** Whether to ask for a refresh token (default true). */
    public LoginRequest withRequestRefreshToken(boolean request) {
        return new LoginRequest(credential, deviceId, initialDeviceDisplayName, request);
    }
}
