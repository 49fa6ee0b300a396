package dev.mxj.auth;

import dev.mxj.id.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * One answer to a User-Interactive Authentication stage: what a {@link UiaHandler} returns. mxj
 * adds the UIA session ID. {@code toString()} never shows passwords or tokens.
 */
public sealed interface AuthData {

    /** The stage this answers, e.g. {@code m.login.dummy}; empty for {@link OutOfBand}. */
    Optional<String> stage();

    /** {@code m.login.dummy}: no credentials; servers use it for flows that need none. */
    record Dummy() implements AuthData {
        @Override
        public Optional<String> stage() {
            return Optional.of("m.login.dummy");
        }
    }

    /** {@code m.login.password}: the account's password. */
    record Password(UserIdentifier identifier, String password) implements AuthData {
        public Password {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> stage() {
            return Optional.of("m.login.password");
        }

        @Override
        public String toString() {
            return "Password[identifier=" + identifier + ", password=<redacted>]";
        }
    }

    /** {@code m.login.registration_token}: a pre-shared registration token (registration only). */
    record RegistrationToken(String token) implements AuthData {
        public RegistrationToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> stage() {
            return Optional.of("m.login.registration_token");
        }

        @Override
        public String toString() {
            return "RegistrationToken[token=<redacted>]";
        }
    }

    /**
     * The user completed a stage outside this client: in a browser on the stage's fallback page
     * ({@link UiaState#fallbackUrl}), or by clicking an email link. Sends an auth dict with only
     * the session ID; the server then says which stages are done.
     */
    record OutOfBand() implements AuthData {
        @Override
        public Optional<String> stage() {
            return Optional.empty();
        }
    }

    static Dummy dummy() {
        return new Dummy();
    }

    static Password password(UserIdentifier identifier, String password) {
        return new Password(identifier, password);
    }

    static Password password(UserId userId, String password) {
        return new Password(UserIdentifier.user(userId), password);
    }

    static RegistrationToken registrationToken(String token) {
        return new RegistrationToken(token);
    }

    static OutOfBand outOfBand() {
        return new OutOfBand();
    }
}
